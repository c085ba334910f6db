import { useState } from 'react';
import { useDispatch } from '../core/CoreContext';
import type { FirstRunView, FormWords, LockView } from '../generated/shared_types';
import { Form, TextField } from '../ui/fields';

/** First run: choose the passcode (twice). */
export function FirstRunScreen({ view, busy }: { view: FirstRunView; busy: boolean }) {
  const dispatch = useDispatch();
  const [passcode, setPasscode] = useState('');
  const [confirmation, setConfirmation] = useState('');
  return (
    <main className="screen lock-screen">
      <h1>{view.heading}</h1>
      <p>{view.intro}</p>
      <p>{view.no_recovery_warning}</p>
      <Form
        name={view.heading}
        onSubmit={() => {
          if (busy) return;
          dispatch({ kind: 'SetPasscode', passcode, confirmation });
          setPasscode('');
          setConfirmation('');
        }}
      >
        <TextField label={view.passcode_label} type="password" value={passcode} onChange={setPasscode} field="passcode" hint={view.passcode_rule} />
        <TextField label={view.confirmation_label} type="password" value={confirmation} onChange={setConfirmation} field="passcode-confirmation" />
        <button type="submit" disabled={busy}>
          {view.submit_label}
        </button>
      </Form>
    </main>
  );
}

/** Locked: the passcode, the throttle message, and erase as a last resort. */
export function LockScreen({ view, words, busy }: { view: LockView; words: FormWords; busy: boolean }) {
  const dispatch = useDispatch();
  const [passcode, setPasscode] = useState('');
  const [confirmingErase, setConfirmingErase] = useState(false);
  return (
    <main className="screen lock-screen">
      <h1>{view.heading}</h1>
      <Form
        name={view.heading}
        onSubmit={() => {
          if (busy || passcode === '') return;
          dispatch({ kind: 'Unlock', passcode });
          setPasscode('');
        }}
      >
        <TextField label={view.passcode_label} type="password" value={passcode} onChange={setPasscode} />
        <button type="submit" disabled={busy}>
          {view.unlock_label}
        </button>
      </Form>
      {view.throttle_message && (
        <p role="status" className="problem">
          {view.throttle_message}
        </p>
      )}
      <EraseEverything label={view.erase_label} words={words} confirming={confirmingErase} onConfirming={setConfirmingErase} />
    </main>
  );
}

/** Erase, behind a second, explicit confirmation. */
export function EraseEverything(props: {
  label: string;
  words: FormWords;
  confirming: boolean;
  onConfirming: (confirming: boolean) => void;
}) {
  const dispatch = useDispatch();
  if (!props.confirming) {
    return (
      <button type="button" className="quiet danger-text" onClick={() => props.onConfirming(true)}>
        {props.label}
      </button>
    );
  }
  return (
    <div className="confirm" role="group" aria-label={props.label}>
      <p className="problem">{props.words.erase_warning}</p>
      <button type="button" className="danger" onClick={() => dispatch({ kind: 'EraseEverything' })}>
        {props.words.erase_confirm}
      </button>
      <button type="button" className="quiet" onClick={() => props.onConfirming(false)}>
        {props.words.cancel}
      </button>
    </div>
  );
}
