import { useState } from 'react';
import { useDispatch } from '../core/CoreContext';
import type { FormWords, StrategyItem, TriggerItem, TriggersView } from '../generated/shared_types';
import { CheckField, ChoiceField, Form, Section, TextField } from '../ui/fields';
import { AddForm } from '../ui/AddForm';
import { ItemActions, SaveOrCancel } from '../ui/ItemActions';
import { useSubmit } from '../ui/submit';

export function TriggersScreen({ view, words }: { view: TriggersView; words: FormWords }) {
  const dispatch = useDispatch();
  const submit = useSubmit();
  const [kind, setKind] = useState(0);
  const [name, setName] = useState('');
  const [strategy, setStrategy] = useState('');
  const [helpsWith, setHelpsWith] = useState<bigint[]>([]);
  const nameOf = (id: bigint) => view.triggers.find((trigger) => trigger.id === id)?.name ?? '';

  return (
    <main className="screen">
      <h1>{view.heading}</h1>
      {view.empty && <p className="empty">{view.empty}</p>}
      <Section title={view.add_trigger_label}>
        <ul>
          {view.triggers.map((trigger) => (
            <Trigger key={String(trigger.id)} trigger={trigger} view={view} words={words} />
          ))}
        </ul>
        <AddForm label={view.add_trigger_label} startOpen={view.triggers.length === 0}>
          {(close) => (
            <Form
              name={view.add_trigger_label}
              onSubmit={() =>
                submit({ kind: 'Triggers', value: { kind: 'AddTrigger', category: view.kinds[kind].value, name } }, () => setName(''))
              }
            >
              <ChoiceField label={words.kind} choices={view.kinds} selected={kind} onChange={setKind} />
              <TextField label={view.name_label} value={name} onChange={setName} field="trigger-name" />
              <SaveOrCancel words={words} label={view.add_trigger_label} onCancel={close} />
            </Form>
          )}
        </AddForm>
      </Section>
      <Section title={view.add_strategy_label}>
        <ul>
          {view.strategies.map((item) => (
            <Strategy key={String(item.id)} item={item} view={view} words={words} nameOf={nameOf} />
          ))}
        </ul>
        <AddForm label={view.add_strategy_label} startOpen={view.strategies.length === 0}>
          {(close) => (
            <Form
              name={view.add_strategy_label}
              onSubmit={() =>
                submit({ kind: 'Triggers', value: { kind: 'AddStrategy', name: strategy, triggers: helpsWith } }, () => {
                  setStrategy('');
                  setHelpsWith([]);
                })
              }
            >
              <TextField label={view.name_label} value={strategy} onChange={setStrategy} field="strategy-name" />
              {view.triggers.length > 0 && (
                <fieldset>
                  <legend>{words.helps_with}</legend>
                  {view.triggers.map((trigger) => (
                    <CheckField
                      key={String(trigger.id)}
                      label={trigger.name}
                      checked={helpsWith.includes(trigger.id)}
                      onChange={(checked) =>
                        setHelpsWith(checked ? [...helpsWith, trigger.id] : helpsWith.filter((id) => id !== trigger.id))
                      }
                    />
                  ))}
                </fieldset>
              )}
              <SaveOrCancel words={words} label={view.add_strategy_label} onCancel={close} />
            </Form>
          )}
        </AddForm>
      </Section>
      {view.suggestions.length > 0 && (
        <Section title={view.suggestions_heading}>
          <ul className="plain">
            {view.suggestions.map((suggestion) => (
              <li key={suggestion.value} className="row">
                <span>{suggestion.label}</span>
                <button
                  type="button"
                  className="quiet"
                  aria-label={`${view.keep_label}: ${suggestion.label}`}
                  onClick={() => dispatch({ kind: 'Triggers', value: { kind: 'KeepSuggestion', idea: suggestion.value, triggers: [] } })}
                >
                  {view.keep_label}
                </button>
                <button
                  type="button"
                  className="quiet"
                  aria-label={`${view.dismiss_label}: ${suggestion.label}`}
                  onClick={() => dispatch({ kind: 'Triggers', value: { kind: 'DismissSuggestion', value: suggestion.value } })}
                >
                  {view.dismiss_label}
                </button>
              </li>
            ))}
          </ul>
        </Section>
      )}
    </main>
  );
}

function Trigger({ trigger, view, words }: { trigger: TriggerItem; view: TriggersView; words: FormWords }) {
  const dispatch = useDispatch();
  const submit = useSubmit();
  const [editing, setEditing] = useState(false);
  const [kind, setKind] = useState(0);
  const [name, setName] = useState(trigger.name);
  const edit = () => {
    setKind(Math.max(0, view.kinds.findIndex((k) => k.value.kind === trigger.kind.kind)));
    setName(trigger.name);
    setEditing(true);
  };
  return (
    <li data-item={String(trigger.id)}>
      {editing ? (
        <Form
          name={`${words.edit}: ${trigger.name}`}
          onSubmit={() =>
            submit(
              { kind: 'Triggers', value: { kind: 'EditTrigger', trigger: trigger.id, category: view.kinds[kind].value, name } },
              () => setEditing(false),
            )
          }
        >
          <ChoiceField label={words.kind} choices={view.kinds} selected={kind} onChange={setKind} />
          <TextField label={view.name_label} value={name} onChange={setName} field="trigger-edit-name" />
          <SaveOrCancel words={words} onCancel={() => setEditing(false)} />
        </Form>
      ) : (
        <>
          <strong>{trigger.name}</strong> · {trigger.kind_label}{' '}
          <ItemActions
            name={trigger.name}
            words={words}
            onEdit={edit}
            onDelete={() => dispatch({ kind: 'Triggers', value: { kind: 'RemoveTrigger', value: trigger.id } })}
          />
        </>
      )}
      {trigger.insight.length > 0 && (
        <ul>
          {trigger.insight.map((insight) => (
            <li key={insight.strategy}>
              {insight.strategy}: {insight.evidence}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** A strategy: rename it, link it to triggers (saved at each tick), delete it. */
function Strategy({
  item,
  view,
  words,
  nameOf,
}: {
  item: StrategyItem;
  view: TriggersView;
  words: FormWords;
  nameOf: (id: bigint) => string;
}) {
  const dispatch = useDispatch();
  const submit = useSubmit();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(item.name);
  if (!editing) {
    return (
      <li data-item={String(item.id)}>
        <strong>{item.name}</strong>
        {item.triggers.length > 0 && ` · ${words.helps_with}: ${item.triggers.map(nameOf).join(', ')}`}{' '}
        <ItemActions
          name={item.name}
          words={words}
          onEdit={() => {
            setName(item.name);
            setEditing(true);
          }}
          onDelete={() => dispatch({ kind: 'Triggers', value: { kind: 'RemoveStrategy', value: item.id } })}
        />
      </li>
    );
  }
  return (
    <li data-item={String(item.id)}>
      <Form
        name={`${words.edit}: ${item.name}`}
        onSubmit={() => submit({ kind: 'Triggers', value: { kind: 'EditStrategy', strategy: item.id, name } }, () => setEditing(false))}
      >
        <TextField label={view.name_label} value={name} onChange={setName} field="strategy-edit-name" />
        {view.triggers.length > 0 && (
          <fieldset>
            <legend>{words.helps_with}</legend>
            {view.triggers.map((trigger) => (
              <CheckField
                key={String(trigger.id)}
                label={trigger.name}
                checked={item.triggers.includes(trigger.id)}
                onChange={(linked) =>
                  dispatch({ kind: 'Triggers', value: { kind: 'Link', strategy: item.id, trigger: trigger.id, linked } })
                }
              />
            ))}
          </fieldset>
        )}
        <SaveOrCancel words={words} onCancel={() => setEditing(false)} />
      </Form>
    </li>
  );
}
