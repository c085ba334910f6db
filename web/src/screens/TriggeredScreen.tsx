import { useState } from 'react';
import { useDispatch } from '../core/CoreContext';
import { Halt, type FlowEvent, type FormWords, type ReachOut, type TriggeredView } from '../generated/shared_types';
import { CheckField, Form, ScaleField } from '../ui/fields';

/** "I'm triggered": what set it off, how strong, what helps, how strong now. */
export function TriggeredScreen({ view, words }: { view: TriggeredView; words: FormWords }) {
  const dispatch = useDispatch();
  const flow = (value: FlowEvent) => dispatch({ kind: 'Triggered', value });
  return (
    <main className="screen triggered">
      <h1>{view.heading}</h1>
      <p className="prompt-text">{view.prompt}</p>
      {view.step.kind === 'ChooseTrigger' && <ChooseTrigger view={view} words={words} />}
      {view.step.kind === 'RateBefore' && (
        <Rate label={view.craving_label} hint={words.craving_scale} submit={words.next} start={view.rating_start} onRate={(value) => flow({ kind: 'RateBefore', value })} />
      )}
      {view.step.kind === 'Cope' && (
        <>
          {view.ideas_heading && (
            <section aria-label={view.ideas_heading}>
              <h2>{view.ideas_heading}</h2>
              <ul className="ideas">
                {view.ideas.map((idea) => (
                  <li key={idea}>{idea}</li>
                ))}
              </ul>
            </section>
          )}
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
          {view.reach_out && <ReachOutPanel panel={view.reach_out} />}
          <Rate
            key={`after-${view.rating_start}`}
            label={view.craving_label}
            hint={words.craving_scale}
            submit={view.done_label}
            start={view.rating_start}
            onRate={(value) => flow({ kind: 'RateAfter', value })}
          />
        </>
      )}
      {view.step.kind === 'Done' && view.reach_out && (
        <div className="still-high">
          {view.still_high_message && <p>{view.still_high_message}</p>}
          <ReachOutPanel panel={view.reach_out} />
          {view.try_another_label && (
            <button type="button" onClick={() => flow({ kind: 'TryAnother' })}>
              {view.try_another_label}
            </button>
          )}
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

/** People in one tap: Contact my peer and the safety plan (largest), then the peer's call and text and the crisis line. */
export function ReachOutPanel({ panel }: { panel: ReachOut }) {
  const dispatch = useDispatch();
  return (
    <div className="reach-out">
      {/* The two biggest things on screen: the peer and the safety plan; then calls and texts. */}
      <div className="big-actions biggest">
        <button type="button" className="big-action" onClick={() => dispatch({ kind: 'Navigate', value: { kind: 'Contact' } })}>
          {panel.contact_peer_label}
        </button>
        <button type="button" className="big-action" onClick={() => dispatch({ kind: 'Navigate', value: { kind: 'SafetyPlan' } })}>
          {panel.safety_plan_label}
        </button>
      </div>
      <ul className="plain big-actions">
        {[...panel.peer, ...panel.crisis].map((link) => (
          <li key={link.url}>
            <a className="big-action" href={link.url}>
              {link.label}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A 0–10 rating that starts where the core says (the second one at the first). */
function Rate(props: { label: string; hint: string; submit: string; start: number; onRate: (value: number) => void }) {
  const [value, setValue] = useState(props.start);
  return (
    <Form name={props.label} onSubmit={() => props.onRate(value)}>
      <ScaleField label={props.label} hint={props.hint} min={0} max={10} value={value} onChange={setValue} />
      <button type="submit">{props.submit}</button>
    </Form>
  );
}
