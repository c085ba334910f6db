import { useState } from 'react';
import { useDispatch } from '../core/CoreContext';
import { Halt, type FlowEvent, type FormWords, type HelpActions, type TriggeredView } from '../generated/shared_types';
import { CheckField, Form, ScaleField } from '../ui/fields';

/** "I'm triggered": what set it off, how strong, what helps, how strong now. */
export function TriggeredScreen({ view, words, help }: { view: TriggeredView; words: FormWords; help: HelpActions }) {
  const dispatch = useDispatch();
  const flow = (value: FlowEvent) => dispatch({ kind: 'Triggered', value });
  return (
    <main className="screen triggered">
      <h1>{view.heading}</h1>
      <p className="prompt-text">{view.prompt}</p>
      {view.step.kind === 'ChooseTrigger' && <ChooseTrigger view={view} words={words} />}
      {view.step.kind === 'RateBefore' && (
        <Rate label={view.craving_label} hint={words.craving_scale} submit={words.next} onRate={(value) => flow({ kind: 'RateBefore', value })} />
      )}
      {view.step.kind === 'Cope' && (
        <>
          <ul className="plain strategies">
            {view.strategies.map((strategy) => (
              <li key={String(strategy.id)}>
                <CheckField
                  label={`${strategy.name} — ${strategy.evidence}`}
                  checked={strategy.tried}
                  onChange={(tried) => flow({ kind: 'Tried', strategy: strategy.id, tried })}
                />
              </li>
            ))}
          </ul>
          <Rate label={view.craving_label} hint={words.craving_scale} submit={view.done_label} onRate={(value) => flow({ kind: 'RateAfter', value })} />
        </>
      )}
      {view.step.kind === 'Done' && view.still_high && (
        <div className="still-high" role="status">
          {view.still_high_message && <p>{view.still_high_message}</p>}
          <button type="button" onClick={() => dispatch({ kind: 'Navigate', value: { kind: 'Contact' } })}>
            {help.contact_peer}
          </button>
          <button type="button" onClick={() => dispatch({ kind: 'Navigate', value: { kind: 'SafetyPlan' } })}>
            {view.safety_plan_label}
          </button>
        </div>
      )}
      {view.step.kind === 'Done' ? (
        <button type="button" className="quiet" onClick={() => flow({ kind: 'Cancel' })}>
          {words.close}
        </button>
      ) : (
        <button type="button" className="quiet" onClick={() => flow({ kind: 'Cancel' })}>
          {view.cancel_label}
        </button>
      )}
    </main>
  );
}

function ChooseTrigger({ view, words }: { view: TriggeredView; words: FormWords }) {
  const dispatch = useDispatch();
  const [halt, setHalt] = useState([false, false, false, false]);
  return (
    <>
      <ul className="plain choices">
        {view.triggers.map((trigger) => (
          <li key={String(trigger.value)}>
            <button type="button" onClick={() => dispatch({ kind: 'Triggered', value: { kind: 'ChooseTrigger', value: trigger.value } })}>
              {trigger.label}
            </button>
          </li>
        ))}
      </ul>
      <Form
        name={view.halt_label}
        onSubmit={() =>
          dispatch({
            kind: 'Triggered',
            value: { kind: 'Halt', value: new Halt(halt[0], halt[1], halt[2], halt[3]) },
          })
        }
      >
        <fieldset>
          <legend>{view.halt_label}</legend>
          {view.halt.map((item, index) => (
            <CheckField
              key={item.value}
              label={item.label}
              checked={halt[index]}
              onChange={(checked) => setHalt(halt.map((value, i) => (i === index ? checked : value)))}
            />
          ))}
        </fieldset>
        <button type="submit">{words.next}</button>
      </Form>
    </>
  );
}

function Rate(props: { label: string; hint: string; submit: string; onRate: (value: number) => void }) {
  const [value, setValue] = useState(5);
  return (
    <Form name={props.label} onSubmit={() => props.onRate(value)}>
      <ScaleField label={props.label} hint={props.hint} min={0} max={10} value={value} onChange={setValue} />
      <button type="submit">{props.submit}</button>
    </Form>
  );
}
