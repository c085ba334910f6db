import { useState } from 'react';
import { useDispatch } from '../core/CoreContext';
import { Person, SafetyPlan, type FormWords, type HelpActions, type SafetyPlanView } from '../generated/shared_types';
import { Form, TextArea, TextField, lines } from '../ui/fields';

/** The Stanley–Brown safety plan: six steps and reasons for living. */
export function SafetyPlanScreen({ view, words, help }: { view: SafetyPlanView; words: FormWords; help: HelpActions }) {
  const dispatch = useDispatch();
  const plan = view.plan;
  const [warningSigns, setWarningSigns] = useState(lines.to(plan.warning_signs));
  const [coping, setCoping] = useState(lines.to(plan.internal_coping));
  const [distractions, setDistractions] = useState(lines.to(plan.distractions));
  const [people, setPeople] = useState(plan.people_to_ask);
  const [professionals, setProfessionals] = useState(plan.professionals);
  const [environment, setEnvironment] = useState(lines.to(plan.safe_environment));
  const [reasons, setReasons] = useState(lines.to(plan.reasons_for_living));
  const [heading1, heading2, heading3, heading4, heading5, heading6, heading7] = view.step_headings;

  return (
    <main className="screen">
      <h1>{view.heading}</h1>
      <div className="row">
        <a className="button" href={help.crisis_call_url}>
          {view.call_crisis_label}
        </a>
        <a className="button" href={help.crisis_text_url}>
          {view.text_crisis_label}
        </a>
      </div>
      <Form
        name={view.heading}
        onSubmit={() =>
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
          })
        }
      >
        <TextArea label={heading1} hint={words.one_per_line} value={warningSigns} onChange={setWarningSigns} />
        <TextArea label={heading2} hint={words.one_per_line} value={coping} onChange={setCoping} />
        <TextArea label={heading3} hint={words.one_per_line} value={distractions} onChange={setDistractions} />
        <People legend={heading4} people={people} saved={plan.people_to_ask} calls={view.people_to_ask_calls} onChange={setPeople} words={words} />
        <People legend={heading5} people={professionals} saved={plan.professionals} calls={view.professionals_calls} onChange={setProfessionals} words={words} />
        <TextArea label={heading6} hint={words.one_per_line} value={environment} onChange={setEnvironment} />
        <TextArea label={heading7} hint={words.one_per_line} value={reasons} onChange={setReasons} />
        <button type="submit">{view.save_label}</button>
      </Form>
    </main>
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
