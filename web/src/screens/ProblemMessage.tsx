import type { LockProblem } from '../core/protocol';

function describe(problem: LockProblem): string {
  switch (problem.kind) {
    case 'wrongPasscode':
      return 'That passcode did not open Phoenix. Try again.';
    case 'throttled':
      return `Too many attempts. Try again in ${problem.retryAfterSecs} seconds.`;
    case 'passcodeTooShort':
      return 'Choose a passcode that is not empty.';
    case 'other':
      return `Something went wrong (${problem.code}). Your data is safe.`;
  }
}

export function ProblemMessage({ id, problem }: { id?: string; problem: LockProblem }) {
  return (
    <p id={id} role="alert" className="problem">
      {describe(problem)}
    </p>
  );
}
