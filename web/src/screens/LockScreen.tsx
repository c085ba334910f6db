import { useDispatch } from '../core/CoreContext';
import type { LockProblem } from '../core/protocol';
import { PasscodeForm } from './PasscodeForm';

export function LockScreen({ busy, problem }: { busy: boolean; problem?: LockProblem }) {
  const dispatch = useDispatch();
  return (
    <PasscodeForm
      title="Phoenix is locked"
      intro="Enter your passcode to open your recovery companion."
      fieldLabel="Passcode"
      submitLabel="Unlock"
      busy={busy}
      busyText="Unlocking…"
      problem={problem}
      onSubmit={(passcode) => dispatch({ type: 'unlock', passcode })}
    />
  );
}
