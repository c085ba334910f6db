/**
 * Form pieces every screen uses: each field has a visible label tied to its
 * input, so screen readers announce it and tests find it by that label.
 */
import { useId, type ReactNode } from 'react';

interface TextProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'password' | 'tel' | 'email' | 'url' | 'date' | 'time' | 'datetime-local' | 'number';
  hint?: string;
  required?: boolean;
}

/** A field's hint, tied to it by `aria-describedby={`${id}-hint`}`. */
function Hint({ id, hint }: { id: string; hint?: string }) {
  if (!hint) return null;
  return (
    <p id={`${id}-hint`} className="hint">
      {hint}
    </p>
  );
}

export function TextField({ label, value, onChange, type = 'text', hint, required }: TextProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        value={value}
        required={required}
        autoComplete="off"
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      <Hint id={id} hint={hint} />
    </div>
  );
}

export function TextArea({ label, value, onChange, hint }: Omit<TextProps, 'type'>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        value={value}
        rows={3}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      <Hint id={id} hint={hint} />
    </div>
  );
}

/** A 0..max scale as a slider that shows its value. */
export function ScaleField(props: {
  label: string;
  value: number;
  min: number;
  max: number;
  hint?: string;
  onChange: (value: number) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <div className="scale">
        <input
          id={id}
          type="range"
          min={props.min}
          max={props.max}
          step={1}
          value={props.value}
          aria-describedby={props.hint ? `${id}-hint` : undefined}
          onChange={(event) => props.onChange(Number(event.target.value))}
        />
        <output htmlFor={id}>{props.value}</output>
      </div>
      <Hint id={id} hint={props.hint} />
    </div>
  );
}

/** A picker over the core's choices (`{ value, label }`), by position. */
export function ChoiceField<T>(props: {
  label: string;
  choices: { value: T; label: string }[];
  selected: number;
  onChange: (index: number) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.selected} onChange={(event) => props.onChange(Number(event.target.value))}>
        {props.choices.map((choice, index) => (
          <option key={index} value={index}>
            {choice.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function CheckField(props: { label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  const id = useId();
  return (
    <div className="check">
      <input id={id} type="checkbox" checked={props.checked} onChange={(event) => props.onChange(event.target.checked)} />
      <label htmlFor={id}>{props.label}</label>
    </div>
  );
}

/** A titled part of a screen; its form (if any) is named by the title. */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** A form named for assistive technology (and tests) by `name`. */
export function Form({ name, onSubmit, children }: { name: string; onSubmit: () => void; children: ReactNode }) {
  return (
    <form
      aria-label={name}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      {children}
    </form>
  );
}

/** Lines of a textarea as a list, and back. */
export const lines = {
  from: (text: string): string[] => text.split('\n'),
  to: (items: string[]): string => items.join('\n'),
};

/** Empty text means "none". */
export function optional(text: string): string | null {
  return text.trim() === '' ? null : text.trim();
}
