import { useEffect, useState } from 'react';
import { useDispatch } from '../core/CoreContext';
import type { FormWords, LapseResponse, TodayView } from '../generated/shared_types';
import { CheckField, Form, Section, TextField } from '../ui/fields';
import { OverdoseHelpNote } from '../ui/OverdoseHelp';
import { useSubmit } from '../ui/submit';
import { AppointmentList } from './AftercareScreen';

export function TodayScreen({ view, words }: { view: TodayView; words: FormWords }) {
  const dispatch = useDispatch();
  return (
    <main className="screen">
      <h1>{view.heading}</h1>
      {view.check_in_prompt && (
        <div className="prompt">
          <p>{view.check_in_prompt}</p>
          <button type="button" onClick={() => dispatch({ kind: 'Navigate', value: { kind: 'CheckIn' } })}>
            {view.check_in_label}
          </button>
        </div>
      )}
      {view.recovery_capital_prompt && (
        <div className="prompt">
          <p>{view.recovery_capital_prompt}</p>
          <a
            href="#CheckIn"
            onClick={(event) => {
              event.preventDefault();
              dispatch({ kind: 'Navigate', value: { kind: 'CheckIn' } });
            }}
          >
            {view.check_in_label}
          </a>
        </div>
      )}
      <RecoverySection view={view} words={words} />
      {view.steps_due.length > 0 && (
        <Section title={view.steps_due_heading}>
          <ul className="plain">
            {view.steps_due.map((step) => (
              <li key={String(step.id)}>
                <CheckField
                  label={`${step.title} (${step.goal_title}${step.due ? `, ${step.due}` : ''})`}
                  checked={step.done}
                  onChange={(done) =>
                    dispatch({ kind: 'Goals', value: done ? { kind: 'CompleteStep', value: step.id } : { kind: 'ReopenStep', value: step.id } })
                  }
                />
              </li>
            ))}
          </ul>
        </Section>
      )}
      {view.appointments.length > 0 && (
        <Section title={view.appointments_heading}>
          <AppointmentList items={view.appointments} />
        </Section>
      )}
    </main>
  );
}

function RecoverySection({ view, words }: { view: TodayView; words: FormWords }) {
  const dispatch = useDispatch();
  const submit = useSubmit();
  const [date, setDate] = useState('');
  const [changing, setChanging] = useState(false);
  const [lapseDate, setLapseDate] = useState('');
  const [context, setContext] = useState('');
  // The lapse form closes once the core confirms the lapse.
  const [lapseOpen, setLapseOpen] = useState(false);
  const response = view.lapse_response;
  useEffect(() => {
    if (response) setLapseOpen(false);
  }, [response]);
  const recovery = view.recovery;
  return (
    <>
      {response && <LapseResponsePanel response={response} />}
      {recovery ? (
        <div className="recovery">
          <p className="big-number">{recovery.days_label}</p>
          <p>{recovery.total_label}</p>
          <p>{recovery.longest_label}</p>
          {recovery.milestone_reached && <p className="celebrate">{recovery.milestone_reached}</p>}
          {recovery.next_milestone && <p>{recovery.next_milestone}</p>}
          <details
            open={changing}
            onToggle={(event) => {
              const open = event.currentTarget.open;
              if (open && !changing) setDate(view.recovery_date ?? '');
              setChanging(open);
            }}
          >
            <summary>{view.change_recovery_date_label}</summary>
            <Form
              name={view.change_recovery_date_label}
              onSubmit={() => submit({ kind: 'SetRecoveryDate', value: date }, () => setChanging(false))}
            >
              <TextField label={view.recovery_date_label} type="date" value={date} onChange={setDate} field="recovery-date" />
              <button type="submit">{words.save}</button>
            </Form>
          </details>
        </div>
      ) : (
        <Form name={view.recovery_date_label} onSubmit={() => dispatch({ kind: 'SetRecoveryDate', value: date })}>
          <TextField label={view.recovery_date_label} type="date" value={date} onChange={setDate} field="recovery-date" />
          <button type="submit">{words.save}</button>
        </Form>
      )}
      {recovery && (
        <details open={lapseOpen} onToggle={(event) => setLapseOpen(event.currentTarget.open)}>
          <summary>{view.record_lapse_label}</summary>
          <Form
            name={view.record_lapse_label}
            onSubmit={() => submit({ kind: 'RecordLapse', date: lapseDate, context }, () => setContext(''))}
          >
            <TextField label={words.lapse_date} type="date" value={lapseDate} onChange={setLapseDate} field="lapse-date" />
            <TextField label={words.lapse_context} value={context} onChange={setContext} />
            <button type="submit">{words.save}</button>
          </Form>
        </details>
      )}
      {recovery && <OverdoseHelpNote help={view.overdose} />}
    </>
  );
}

/** After a lapse: something kind, the total days, and people within reach. */
function LapseResponsePanel({ response }: { response: LapseResponse }) {
  const dispatch = useDispatch();
  return (
    <section className="lapse-response" aria-label={response.message}>
      <p className="kind">{response.message}</p>
      {response.total_days && <p className="big-number">{response.total_days}</p>}
      <div className="big-actions">
        <button type="button" className="big-action" onClick={() => dispatch({ kind: 'Navigate', value: { kind: 'Contact' } })}>
          {response.contact_peer_label}
        </button>
        <button type="button" className="big-action" onClick={() => dispatch({ kind: 'Navigate', value: { kind: 'SafetyPlan' } })}>
          {response.safety_plan_label}
        </button>
      </div>
    </section>
  );
}
