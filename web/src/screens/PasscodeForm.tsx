import { useId, useState, type FormEvent } from 'react';
import type { LockProblem } from '../core/protocol';
import { ProblemMessage } from './ProblemMessage';

interface Props {
  title: string;
  intro: string;
  fieldLabel: string;
  submitLabel: string;
  busy: boolean;
  busyText: string;
  problem?: LockProblem;
  onSubmit: (passcode: string) => void;
}

/** A passcode field with a visible label and one submit button. */
export function PasscodeForm({ title, intro, fieldLabel, submitLabel, busy, busyText, problem, onSubmit }: Props) {
  const [passcode, setPasscode] = useState('');
  const fieldId = useId();
  const problemId = useId();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (busy || passcode.length === 0) return;
    onSubmit(passcode);
    setPasscode('');
  }

  return (
    <main className="screen lock-screen">
      <h1>{title}</h1>
      <p>{intro}</p>
      <form onSubmit={submit} autoComplete="off">
        <label htmlFor={fieldId}>{fieldLabel}</label>
        <input
          id={fieldId}
          type="password"
          autoComplete="off"
          value={passcode}
          onChange={(event) => setPasscode(event.target.value)}
          aria-describedby={problem ? problemId : undefined}
          aria-invalid={problem ? true : undefined}
          disabled={busy}
        />
        <button type="submit" disabled={busy}>
          {submitLabel}
        </button>
      </form>
      <p role="status" aria-live="polite">
        {busy ? busyText : ''}
      </p>
      {problem && <ProblemMessage id={problemId} problem={problem} />}
    </main>
  );
}
