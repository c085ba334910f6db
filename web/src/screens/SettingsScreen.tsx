import { useState } from 'react';
import { useDispatch } from '../core/CoreContext';
import { askForReminders, canAskForReminders } from '../core/shellEffects';
import type { FormWords, SettingsEvent, SettingsView } from '../generated/shared_types';
import { CheckField, ChoiceField, Form, Section, TextField, optional } from '../ui/fields';
import { EraseEverything } from './LockScreens';

export function SettingsScreen({ view, words }: { view: SettingsView; words: FormWords }) {
  const dispatch = useDispatch();
  const settings = (value: SettingsEvent) => dispatch({ kind: 'Settings', value });
  const language = Math.max(
    0,
    view.languages.findIndex((choice) => (choice.value?.kind ?? null) === (view.language?.kind ?? null)),
  );
  const [autoLock, setAutoLock] = useState(String(view.auto_lock_minutes));
  const [crisisLine, setCrisisLine] = useState(view.crisis_line);
  const [emergencyNumber, setEmergencyNumber] = useState(view.emergency_number);
  const focus = Math.max(
    0,
    view.recovery_focuses.findIndex((choice) => choice.value.kind === view.recovery_focus.kind),
  );
  const [reminder, setReminder] = useState(view.check_in_reminder ?? '');
  const [confirmingErase, setConfirmingErase] = useState(false);
  const [askable, setAskable] = useState(canAskForReminders());

  return (
    <main className="screen">
      <h1>{view.heading}</h1>
      <button type="button" onClick={() => dispatch({ kind: 'Lock' })}>
        {view.lock_now_label}
      </button>
      <Section title={view.language_label}>
        <ChoiceField
          label={view.language_label}
          choices={view.languages}
          selected={language}
          onChange={(index) => settings({ kind: 'SetLanguage', value: view.languages[index].value })}
        />
        <CheckField label={view.discreet_label} checked={view.discreet} onChange={(on) => settings({ kind: 'SetDiscreet', value: on })} />
        {view.background_check !== null && (
          <CheckField
            label={view.background_check_label}
            checked={view.background_check}
            onChange={(on) => settings({ kind: 'SetBackgroundCheck', value: on })}
          />
        )}
        <ChoiceField
          label={view.recovery_focus_label}
          choices={view.recovery_focuses}
          selected={focus}
          onChange={(index) => settings({ kind: 'SetRecoveryFocus', value: view.recovery_focuses[index].value })}
        />
      </Section>
      <Form name={view.auto_lock_label} onSubmit={() => settings({ kind: 'SetAutoLockMinutes', value: Number.parseInt(autoLock, 10) || 0 })}>
        <TextField label={view.auto_lock_label} type="number" value={autoLock} onChange={setAutoLock} />
        <button type="submit">{words.save}</button>
      </Form>
      <Form name={view.crisis_line_label} onSubmit={() => settings({ kind: 'SetCrisisLine', value: crisisLine })}>
        <TextField label={view.crisis_line_label} type="tel" value={crisisLine} onChange={setCrisisLine} field="crisis-line" />
        <button type="submit">{words.save}</button>
      </Form>
      <Form name={view.emergency_number_label} onSubmit={() => settings({ kind: 'SetEmergencyNumber', value: emergencyNumber })}>
        <TextField label={view.emergency_number_label} type="tel" value={emergencyNumber} onChange={setEmergencyNumber} field="emergency-number" />
        <button type="submit">{words.save}</button>
      </Form>
      <Form name={view.check_in_reminder_label} onSubmit={() => settings({ kind: 'SetCheckInReminder', value: optional(reminder) })}>
        <TextField label={view.check_in_reminder_label} type="time" value={reminder} onChange={setReminder} field="check-in-reminder" />
        <button type="submit">{words.save}</button>
      </Form>
      {askable && (
        <button type="button" className="quiet" onClick={() => void askForReminders().then(() => setAskable(canAskForReminders()))}>
          {words.allow_reminders}
        </button>
      )}
      {/* Paired: messages from the specialist while Phoenix is open in another tab. */}
      {askable && view.background_check !== null && (
        <button type="button" className="quiet" onClick={() => void askForReminders().then(() => setAskable(canAskForReminders()))}>
          {words.allow_message_notifications}
        </button>
      )}
      <Backup view={view} words={words} />
      <ChangePasscode view={view} words={words} />
      <Section title={view.erase_label}>
        <p>{view.erase_warning}</p>
        <EraseEverything label={view.erase_label} words={words} confirming={confirmingErase} onConfirming={setConfirmingErase} />
      </Section>
    </main>
  );
}

function Backup({ view, words }: { view: SettingsView; words: FormWords }) {
  const dispatch = useDispatch();
  const [exportPassphrase, setExportPassphrase] = useState('');
  const [importPassphrase, setImportPassphrase] = useState('');
  const [file, setFile] = useState<File | null>(null);
  return (
    <Section title={view.export_backup_label}>
      <Form
        name={view.export_backup_label}
        onSubmit={() => {
          dispatch({ kind: 'Settings', value: { kind: 'ExportBackup', passphrase: exportPassphrase } });
          setExportPassphrase('');
        }}
      >
        <TextField label={view.backup_passphrase_label} type="password" value={exportPassphrase} onChange={setExportPassphrase} field="backup-passphrase" />
        <button type="submit">{view.export_backup_label}</button>
      </Form>
      <button type="button" onClick={() => dispatch({ kind: 'Settings', value: { kind: 'ExportBackupWithRecoveryKey' } })}>
        {view.recovery_key_label}
      </button>
      {view.recovery_key && (
        <p role="status">
          {view.recovery_key_hint} <code className="recovery-key">{view.recovery_key}</code>
        </p>
      )}
      <Form
        name={view.import_backup_label}
        onSubmit={async () => {
          if (!file) return;
          const bytes = Array.from(new Uint8Array(await file.arrayBuffer()));
          dispatch({ kind: 'Settings', value: { kind: 'ImportBackup', file: bytes, passphrase: importPassphrase } });
          setImportPassphrase('');
        }}
      >
        <div className="field">
          <label htmlFor="backup-file">{words.backup_file}</label>
          <input id="backup-file" type="file" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
        </div>
        <TextField label={view.backup_passphrase_label} type="password" value={importPassphrase} onChange={setImportPassphrase} />
        <button type="submit">{view.import_backup_label}</button>
      </Form>
    </Section>
  );
}

function ChangePasscode({ view, words }: { view: SettingsView; words: FormWords }) {
  const dispatch = useDispatch();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  return (
    <Section title={view.change_passcode_label}>
      <Form
        name={view.change_passcode_label}
        onSubmit={() => {
          dispatch({ kind: 'Settings', value: { kind: 'ChangePasscode', current, replacement: next, confirmation: again } });
          setCurrent('');
          setNext('');
          setAgain('');
        }}
      >
        <TextField label={words.current_passcode} type="password" value={current} onChange={setCurrent} />
        <TextField label={words.new_passcode} type="password" value={next} onChange={setNext} field="new-passcode" />
        <TextField label={words.new_passcode_again} type="password" value={again} onChange={setAgain} field="new-passcode-confirmation" />
        <button type="submit">{view.change_passcode_label}</button>
      </Form>
    </Section>
  );
}
