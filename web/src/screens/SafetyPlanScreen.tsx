import { useRef, useState } from 'react';
import { useDispatch } from '../core/CoreContext';
import { Person, SafetyPlan, type FormWords, type SafetyPlanView } from '../generated/shared_types';
import { Form, Section, TextArea, TextField, lines } from '../ui/fields';
import { OverdoseHelpNote } from '../ui/OverdoseHelp';
import { ShareButton } from '../ui/Sharing';

/** The Stanley–Brown safety plan: read to use now first; editing is separate and saves as you go. */
export function SafetyPlanScreen({ view, words }: { view: SafetyPlanView; words: FormWords }) {
  const useNow = view.use_now;
  const [editing, setEditing] = useState(useNow.empty_message !== null);
  return (
    <main className="screen">
      <h1>{view.heading}</h1>
      <ShareButton item={{ kind: 'SafetyPlan' }} />
      {editing ? (
        <SafetyPlanEditor view={view} words={words} onDone={() => setEditing(false)} />
      ) : (
        <UseNowView view={view} onEdit={() => setEditing(true)} />
      )}
    </main>
  );
}

/** People as large call buttons, the crisis line, reasons for living, then the rest. */
function UseNowView({ view, onEdit }: { view: SafetyPlanView; onEdit: () => void }) {
  const useNow = view.use_now;
  return (
    <>
      <ul className="plain big-actions">
        {[...useNow.people, ...useNow.crisis].map((link) => (
          <li key={`${link.url}-${link.label}`}>
            <a className="big-action" href={link.url}>
              {link.label}
            </a>
          </li>
        ))}
      </ul>
      <OverdoseHelpNote help={useNow.overdose} />
      {useNow.reasons.length > 0 && (
        <Section title={useNow.reasons_heading}>
          <ul>
            {useNow.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </Section>
      )}
      {useNow.steps.map((step) => (
        <Section key={step.heading} title={step.heading}>
          <ul>
            {step.items.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </Section>
      ))}
      <button type="button" className="quiet" onClick={onEdit}>
        {useNow.edit_label}
      </button>
    </>
  );
}

/**
 * Editing: nothing typed is lost. The plan saves whenever focus leaves a
 * changed field (so also before any navigation), and with Save; every save
 * is confirmed by the core's status message.
 */
function SafetyPlanEditor({ view, words, onDone }: { view: SafetyPlanView; words: FormWords; onDone: () => void }) {
  const dispatch = useDispatch();
  const plan = view.plan;
  const [warningSigns, setWarningSigns] = useState(lines.to(plan.warning_signs));
  const [coping, setCoping] = useState(lines.to(plan.internal_coping));
  const [distractions, setDistractions] = useState(lines.to(plan.distractions));
  const [people, setPeople] = useState(plan.people_to_ask);
  const [professionals, setProfessionals] = useState(plan.professionals);
  const [environment, setEnvironment] = useState(lines.to(plan.safe_environment));
  const [reasons, setReasons] = useState(lines.to(plan.reasons_for_living));
  const dirty = useRef(false);
  const [heading1, heading2, heading3, heading4, heading5, heading6, heading7] = view.step_headings;
  const changed =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      dirty.current = true;
      set(value);
    };

  function save() {
    dirty.current = false;
    dispatch({
      kind: 'SafetyPlan',
      value: new SafetyPlan(
        lines.from(warningSigns),
        lines.from(coping),
        lines.from(distractions),
        people,
        professionals,
        lines.from(environment),
        lines.from(reasons),
      ),
    });
  }
  const saveIfChanged = () => {
    if (dirty.current) save();
  };

  return (
    <>
      {view.use_now.empty_message && <p>{view.use_now.empty_message}</p>}
      <div onBlur={saveIfChanged}>
        <Form name={view.heading} onSubmit={save}>
          <TextArea label={heading1} hint={words.one_per_line} value={warningSigns} onChange={changed(setWarningSigns)} />
          <TextArea label={heading2} hint={words.one_per_line} value={coping} onChange={changed(setCoping)} />
          <TextArea label={heading3} hint={words.one_per_line} value={distractions} onChange={changed(setDistractions)} />
          <People legend={heading4} people={people} saved={plan.people_to_ask} calls={view.people_to_ask_calls} onChange={changed(setPeople)} words={words} />
          <People legend={heading5} people={professionals} saved={plan.professionals} calls={view.professionals_calls} onChange={changed(setProfessionals)} words={words} />
          <TextArea label={heading6} hint={words.one_per_line} value={environment} onChange={changed(setEnvironment)} />
          <TextArea label={heading7} hint={words.one_per_line} value={reasons} onChange={changed(setReasons)} />
          <button type="submit">{view.save_label}</button>
        </Form>
      </div>
      <button
        type="button"
        className="quiet"
        onClick={() => {
          saveIfChanged();
          onDone();
        }}
      >
        {view.use_now.done_editing_label}
      </button>
    </>
  );
}

/**
 * Rows of name and phone, with a row to add another; a saved person's
 * number is the core's call link.
 */
function People(props: {
  legend: string;
  people: Person[];
  saved: Person[];
  calls: (string | null)[];
  onChange: (people: Person[]) => void;
  words: FormWords;
}) {
  const { legend, people, saved, calls, onChange, words } = props;
  const update = (index: number, person: Person) => onChange(people.map((p, i) => (i === index ? person : p)));
  return (
    <fieldset>
      <legend>{legend}</legend>
      {people.map((person, index) => (
        <div className="row" key={index}>
          <TextField label={words.name} value={person.name} onChange={(name) => update(index, new Person(name, person.phone))} />
          <TextField label={words.phone} type="tel" value={person.phone} onChange={(phone) => update(index, new Person(person.name, phone))} />
          {calls[index] && <a href={calls[index]}>{saved[index].phone}</a>}
        </div>
      ))}
      <button type="button" className="quiet" aria-label={`${words.add}: ${legend}`} onClick={() => onChange([...people, new Person('', '')])}>
        {words.add}
      </button>
    </fieldset>
  );
}
