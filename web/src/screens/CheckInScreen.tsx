import { useState } from 'react';
import { useDispatch } from '../core/CoreContext';
import { CheckInForm, Halt, type CheckInView, type FormWords } from '../generated/shared_types';
import { CheckField, Form, ScaleField, Section, TextArea, TextField } from '../ui/fields';

export function CheckInScreen({ view, words }: { view: CheckInView; words: FormWords }) {
  const dispatch = useDispatch();
  // Today's check-in reopens exactly as saved: every answer.
  const saved = view.saved;
  const [mood, setMood] = useState(saved?.mood ?? view.mood ?? 3);
  const [craving, setCraving] = useState(saved?.craving ?? view.craving ?? 0);
  const [halt, setHalt] = useState(
    saved ? [saved.halt.hungry, saved.halt.angry, saved.halt.lonely, saved.halt.tired] : [false, false, false, false],
  );
  const [sleep, setSleep] = useState(saved?.sleep_hours ?? '');
  const [used, setUsed] = useState<'yes' | 'no' | 'unsaid'>(
    saved?.used_today == null ? 'unsaid' : saved.used_today ? 'yes' : 'no',
  );
  const [note, setNote] = useState(saved?.note ?? view.note);

  function submit() {
    const form = new CheckInForm(
      mood,
      craving,
      new Halt(halt[0], halt[1], halt[2], halt[3]),
      sleep,
      used === 'unsaid' ? null : used === 'yes',
      saved?.triggers ?? [],
      saved?.strategies ?? [],
      note,
    );
    dispatch({ kind: 'CheckIn', value: form });
  }

  return (
    <main className="screen">
      <h1>{view.heading}</h1>
      {view.offer_triggered && (
        <div className="prompt">
          <p>{view.offer_triggered}</p>
          <button type="button" className="urgent" onClick={() => dispatch({ kind: 'Triggered', value: { kind: 'Start' } })}>
            {view.im_triggered_label}
          </button>
        </div>
      )}
      <Form name={view.heading} onSubmit={submit}>
        <ScaleField label={view.mood_label} hint={words.mood_scale} min={1} max={5} value={mood} onChange={setMood} />
        <ScaleField label={view.craving_label} hint={words.craving_scale} min={0} max={10} value={craving} onChange={setCraving} />
        <fieldset>
          <legend>{view.halt_label}</legend>
          {words.halt.map((label, index) => (
            <CheckField
              key={label}
              label={label}
              checked={halt[index]}
              onChange={(checked) => setHalt(halt.map((value, i) => (i === index ? checked : value)))}
            />
          ))}
        </fieldset>
        <TextField label={view.sleep_label} type="number" value={sleep} onChange={setSleep} field="sleep-hours" />
        <fieldset>
          <legend>{view.used_label}</legend>
          <p className="hint">{view.used_note}</p>
          {(
            [
              ['no', words.no],
              ['yes', words.yes],
              ['unsaid', words.prefer_not_to_say],
            ] as const
          ).map(([value, label]) => (
            <div className="check" key={value}>
              <input id={`used-${value}`} type="radio" name="used" checked={used === value} onChange={() => setUsed(value)} />
              <label htmlFor={`used-${value}`}>{label}</label>
            </div>
          ))}
        </fieldset>
        <TextArea label={view.note_label} value={note} onChange={setNote} />
        <button type="submit">{view.submit_label}</button>
      </Form>
      <RecoveryCapitalCheck view={view} words={words} />
    </main>
  );
}

/** The BARC-10: ten statements, each from strongly disagree to strongly agree. */
function RecoveryCapitalCheck({ view, words }: { view: CheckInView; words: FormWords }) {
  const dispatch = useDispatch();
  const [answers, setAnswers] = useState<number[]>(() => view.barc_items.map(() => 0));
  const complete = answers.every((answer) => answer > 0);
  return (
    <Section title={view.barc_heading}>
      {view.barc_last_score && <p>{view.barc_last_score}</p>}
      <details>
        <summary>{view.barc_heading}</summary>
        <Form
          name={view.barc_heading}
          onSubmit={() => complete && dispatch({ kind: 'RecoveryCapital', value: answers })}
        >
          {view.barc_items.map((item, index) => (
            <fieldset key={item}>
              <legend>{item}</legend>
              <div className="scale-options">
                {view.barc_scale.map((label, option) => (
                  <div className="check" key={label}>
                    <input
                      id={`barc-${index}-${option}`}
                      type="radio"
                      name={`barc-${index}`}
                      checked={answers[index] === option + 1}
                      onChange={() => setAnswers(answers.map((value, i) => (i === index ? option + 1 : value)))}
                    />
                    <label htmlFor={`barc-${index}-${option}`}>{label}</label>
                  </div>
                ))}
              </div>
            </fieldset>
          ))}
          <button type="submit" disabled={!complete}>
            {words.save}
          </button>
        </Form>
      </details>
    </Section>
  );
}
