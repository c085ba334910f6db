import { useState } from 'react';
import { useDispatch } from '../core/CoreContext';
import type { FormWords, GoalItem, GoalsView } from '../generated/shared_types';
import { CheckField, ChoiceField, Form, Section, TextArea, TextField, optional } from '../ui/fields';

export function GoalsScreen({ view, words }: { view: GoalsView; words: FormWords }) {
  const dispatch = useDispatch();
  const [title, setTitle] = useState('');
  const [dimension, setDimension] = useState(0);
  const [why, setWhy] = useState('');
  const [target, setTarget] = useState('');
  return (
    <main className="screen">
      <h1>{view.heading}</h1>
      <Form
        name={view.add_goal_label}
        onSubmit={() => {
          dispatch({
            kind: 'Goals',
            value: { kind: 'Add', title, dimension: view.dimensions[dimension].value, why, target: optional(target) },
          });
          setTitle('');
          setWhy('');
          setTarget('');
        }}
      >
        <TextField label={view.title_label} value={title} onChange={setTitle} field="goal-title" />
        <ChoiceField label={words.dimension} choices={view.dimensions} selected={dimension} onChange={setDimension} />
        <TextArea label={view.why_label} value={why} onChange={setWhy} />
        <TextField label={view.target_label} type="date" value={target} onChange={setTarget} field="goal-target" />
        <button type="submit">{view.add_goal_label}</button>
      </Form>
      {view.goals.map((goal) => (
        <Goal key={String(goal.id)} goal={goal} view={view} words={words} />
      ))}
      {view.history.length > 0 && (
        <Section title={view.history_heading}>
          <ul>
            {view.history.map((goal) => (
              <li key={String(goal.id)}>
                {goal.title} — {goal.status_label}, {goal.progress_label}
              </li>
            ))}
          </ul>
        </Section>
      )}
    </main>
  );
}

function Goal({ goal, view, words }: { goal: GoalItem; view: GoalsView; words: FormWords }) {
  const dispatch = useDispatch();
  const [step, setStep] = useState('');
  const [due, setDue] = useState('');
  return (
    <Section title={goal.title} item={goal.id}>
      <p>
        {goal.dimension_label} · {goal.status_label}
        {goal.target ? ` · ${goal.target}` : ''}
      </p>
      {goal.why && <p className="why">{goal.why}</p>}
      <progress max={100} value={goal.progress} aria-label={goal.progress_label} />
      <p>{goal.progress_label}</p>
      <ul className="plain">
        {goal.steps.map((item) => (
          <li key={String(item.id)} data-item={String(item.id)}>
            <CheckField
              label={item.due ? `${item.title} (${item.due})` : item.title}
              checked={item.done}
              onChange={(done) =>
                dispatch({ kind: 'Goals', value: done ? { kind: 'CompleteStep', value: item.id } : { kind: 'ReopenStep', value: item.id } })
              }
            />
          </li>
        ))}
      </ul>
      <Form
        name={`${view.add_step_label}: ${goal.title}`}
        onSubmit={() => {
          dispatch({ kind: 'Goals', value: { kind: 'AddStep', goal: goal.id, title: step, due: optional(due) } });
          setStep('');
          setDue('');
        }}
      >
        <TextField label={words.step} value={step} onChange={setStep} field="step-title" />
        <TextField label={words.due} type="date" value={due} onChange={setDue} field="step-due" />
        <button type="submit">{view.add_step_label}</button>
      </Form>
    </Section>
  );
}
