import { useState } from 'react';
import { useDispatch } from '../core/CoreContext';
import type { FormWords, GoalItem, GoalsView, StepItem } from '../generated/shared_types';
import { CheckField, ChoiceField, Form, Section, TextArea, TextField, optional } from '../ui/fields';
import { AddForm } from '../ui/AddForm';
import { ItemActions, SaveOrCancel } from '../ui/ItemActions';
import { ShareButton } from '../ui/Sharing';
import { useSubmit } from '../ui/submit';

export function GoalsScreen({ view, words }: { view: GoalsView; words: FormWords }) {
  const submit = useSubmit();
  const [title, setTitle] = useState('');
  const [dimension, setDimension] = useState(0);
  const [why, setWhy] = useState('');
  const [target, setTarget] = useState('');
  return (
    <main className="screen">
      <h1>{view.heading}</h1>
      {view.goals.map((goal) => (
        <Goal key={String(goal.id)} goal={goal} view={view} words={words} />
      ))}
      {view.empty && <p className="empty">{view.empty}</p>}
      <AddForm label={view.add_goal_label} startOpen={view.empty !== null}>
        {(close) => (
          <Form
            name={view.add_goal_label}
            onSubmit={() =>
              submit(
                {
                  kind: 'Goals',
                  value: { kind: 'Add', title, dimension: view.dimensions[dimension].value, why, target: optional(target) },
                },
                () => {
                  setTitle('');
                  setWhy('');
                  setTarget('');
                },
              )
            }
          >
            <TextField label={view.title_label} value={title} onChange={setTitle} field="goal-title" />
            <ChoiceField label={words.dimension} choices={view.dimensions} selected={dimension} onChange={setDimension} />
            <TextArea label={view.why_label} value={why} onChange={setWhy} />
            <TextField label={view.target_label} type="date" value={target} onChange={setTarget} field="goal-target" />
            <SaveOrCancel words={words} label={view.add_goal_label} onCancel={close} />
          </Form>
        )}
      </AddForm>
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
  const submit = useSubmit();
  const [editing, setEditing] = useState(false);
  const [step, setStep] = useState('');
  const [due, setDue] = useState('');
  return (
    <Section title={goal.title} item={goal.id}>
      {editing ? (
        <GoalEditor goal={goal} view={view} words={words} onDone={() => setEditing(false)} />
      ) : (
        <>
          <p>
            {goal.dimension_label} · {goal.status_label}
            {goal.target ? ` · ${goal.target}` : ''}
          </p>
          {goal.why && <p className="why">{goal.why}</p>}
          <ItemActions
            name={goal.title}
            words={words}
            onEdit={() => setEditing(true)}
            onDelete={() => dispatch({ kind: 'Goals', value: { kind: 'DeleteGoal', value: goal.id } })}
          />
        </>
      )}
      <ShareButton item={{ kind: 'Goal', value: goal.id }} />
      <progress max={100} value={goal.progress} aria-label={goal.progress_label} />
      <p>{goal.progress_label}</p>
      <ul className="plain">
        {goal.steps.map((item) => (
          <Step key={String(item.id)} item={item} words={words} />
        ))}
      </ul>
      <AddForm label={view.add_step_label} startOpen={goal.steps.length === 0}>
        {(close) => (
          <Form
            name={`${view.add_step_label}: ${goal.title}`}
            onSubmit={() =>
              submit({ kind: 'Goals', value: { kind: 'AddStep', goal: goal.id, title: step, due: optional(due) } }, () => {
                setStep('');
                setDue('');
              })
            }
          >
            <TextField label={words.step} value={step} onChange={setStep} field="step-title" />
            <TextField label={words.due} type="date" value={due} onChange={setDue} field="step-due" />
            <SaveOrCancel words={words} label={view.add_step_label} onCancel={close} />
          </Form>
        )}
      </AddForm>
    </Section>
  );
}

/** The goal's own form: saved when the core accepts it, kept as typed when not. */
function GoalEditor({ goal, view, words, onDone }: { goal: GoalItem; view: GoalsView; words: FormWords; onDone: () => void }) {
  const submit = useSubmit();
  const [title, setTitle] = useState(goal.title);
  const [dimension, setDimension] = useState(Math.max(0, view.dimensions.findIndex((d) => d.value.kind === goal.dimension.kind)));
  const [why, setWhy] = useState(goal.why);
  const [target, setTarget] = useState(goal.target_date ?? '');
  return (
    <Form
      name={`${words.edit}: ${goal.title}`}
      onSubmit={() =>
        submit(
          {
            kind: 'Goals',
            value: { kind: 'Edit', goal: goal.id, title, dimension: view.dimensions[dimension].value, why, target: optional(target) },
          },
          onDone,
        )
      }
    >
      <TextField label={view.title_label} value={title} onChange={setTitle} field="goal-edit-title" />
      <ChoiceField label={words.dimension} choices={view.dimensions} selected={dimension} onChange={setDimension} />
      <TextArea label={view.why_label} value={why} onChange={setWhy} />
      <TextField label={view.target_label} type="date" value={target} onChange={setTarget} field="goal-edit-target" />
      <SaveOrCancel words={words} onCancel={onDone} />
    </Form>
  );
}

function Step({ item, words }: { item: StepItem; words: FormWords }) {
  const dispatch = useDispatch();
  const submit = useSubmit();
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(item.title);
  const [due, setDue] = useState(item.due_date ?? '');
  if (editing) {
    return (
      <li data-item={String(item.id)}>
        <Form
          name={`${words.edit}: ${item.title}`}
          onSubmit={() =>
            submit({ kind: 'Goals', value: { kind: 'EditStep', step: item.id, title, due: optional(due) } }, () => setEditing(false))
          }
        >
          <TextField label={words.step} value={title} onChange={setTitle} field="step-edit-title" />
          <TextField label={words.due} type="date" value={due} onChange={setDue} field="step-edit-due" />
          <SaveOrCancel words={words} onCancel={() => setEditing(false)} />
        </Form>
      </li>
    );
  }
  return (
    <li data-item={String(item.id)} className="row">
      <CheckField
        label={item.due ? `${item.title} (${item.due})` : item.title}
        checked={item.done}
        onChange={(done) =>
          dispatch({ kind: 'Goals', value: done ? { kind: 'CompleteStep', value: item.id } : { kind: 'ReopenStep', value: item.id } })
        }
      />
      <ItemActions
        name={item.title}
        words={words}
        onEdit={() => {
          setTitle(item.title);
          setDue(item.due_date ?? '');
          setEditing(true);
        }}
        onDelete={() => dispatch({ kind: 'Goals', value: { kind: 'DeleteStep', value: item.id } })}
      />
    </li>
  );
}
