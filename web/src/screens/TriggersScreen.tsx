import { useState } from 'react';
import { useDispatch } from '../core/CoreContext';
import type { FormWords, TriggersView } from '../generated/shared_types';
import { CheckField, ChoiceField, Form, Section, TextField } from '../ui/fields';

export function TriggersScreen({ view, words }: { view: TriggersView; words: FormWords }) {
  const dispatch = useDispatch();
  const [kind, setKind] = useState(0);
  const [name, setName] = useState('');
  const [strategy, setStrategy] = useState('');
  const [helpsWith, setHelpsWith] = useState<bigint[]>([]);
  const nameOf = (id: bigint) => view.triggers.find((trigger) => trigger.id === id)?.name ?? '';

  return (
    <main className="screen">
      <h1>{view.heading}</h1>
      <Section title={view.add_trigger_label}>
        <Form
          name={view.add_trigger_label}
          onSubmit={() => {
            dispatch({ kind: 'Triggers', value: { kind: 'AddTrigger', category: view.kinds[kind].value, name } });
            setName('');
          }}
        >
          <ChoiceField label={words.kind} choices={view.kinds} selected={kind} onChange={setKind} />
          <TextField label={view.name_label} value={name} onChange={setName} field="trigger-name" />
          <button type="submit">{view.add_trigger_label}</button>
        </Form>
        <ul>
          {view.triggers.map((trigger) => (
            <li key={String(trigger.id)} data-item={String(trigger.id)}>
              <strong>{trigger.name}</strong> · {trigger.kind_label}
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
          ))}
        </ul>
      </Section>
      <Section title={view.add_strategy_label}>
        <Form
          name={view.add_strategy_label}
          onSubmit={() => {
            dispatch({ kind: 'Triggers', value: { kind: 'AddStrategy', name: strategy, triggers: helpsWith } });
            setStrategy('');
            setHelpsWith([]);
          }}
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
          <button type="submit">{view.add_strategy_label}</button>
        </Form>
        <ul>
          {view.strategies.map((item) => (
            <li key={String(item.id)} data-item={String(item.id)}>
              <strong>{item.name}</strong>
              {item.triggers.length > 0 && ` · ${words.helps_with}: ${item.triggers.map(nameOf).join(', ')}`}
            </li>
          ))}
        </ul>
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
                  onClick={() => dispatch({ kind: 'Triggers', value: { kind: 'AddStrategy', name: suggestion.label, triggers: [] } })}
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
