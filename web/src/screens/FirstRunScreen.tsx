import { useDispatch } from '../core/CoreContext';
import type { LockProblem } from '../core/protocol';
import { PasscodeForm } from './PasscodeForm';

export function FirstRunScreen({ busy, problem }: { busy: boolean; problem?: LockProblem }) {
  const dispatch = useDispatch();
  return (
    <PasscodeForm
      title="Welcome to Phoenix"
      intro="Everything you write stays on this device, encrypted. Choose a passcode to protect it."
      fieldLabel="Choose a passcode"
      submitLabel="Set passcode"
      busy={busy}
      busyText="Protecting your data…"
      problem={problem}
      onSubmit={(passcode) => dispatch({ type: 'createVault', passcode })}
    />
  );
}
