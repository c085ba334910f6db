/**
 * Form pieces every screen uses: each field has a visible label tied to its
 * input, so screen readers announce it and tests find it by that label.
 */
import { createContext, useContext, useEffect, useId, useRef, type ReactNode } from 'react';

/** The problem the core tied to a field (`field` is the core's field name). */
export const FieldProblem = createContext<{ field: string | null; text: string | null }>({ field: null, text: null });

/**
 * A field's problem, if the core says it belongs here: the message sits at
 * the field (announced), the input is marked invalid and takes focus.
 */
function useFieldProblem(id: string, field?: string) {
  const problem = useContext(FieldProblem);
  const input = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const text = field !== undefined && problem.field === field ? problem.text : null;
  useEffect(() => {
    if (text) {
      input.current?.focus();
      input.current?.scrollIntoView({ block: 'center' });
    }
  }, [text]);
  const message = text ? (
    <p id={`${id}-problem`} className="field-problem" role="alert">
      {text}
    </p>
  ) : null;
  return { input, message, invalid: text ? true : undefined, problemId: text ? `${id}-problem` : undefined };
}

/** Joins the ids that describe a field. */
function describedBy(...ids: (string | undefined)[]): string | undefined {
  const present = ids.filter((id) => id !== undefined);
  return present.length > 0 ? present.join(' ') : undefined;
}

interface TextProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'password' | 'tel' | 'email' | 'url' | 'date' | 'time' | 'datetime-local' | 'number';
  hint?: string;
  required?: boolean;
  /** The core's name for this field, to show its problems here. */
  field?: string;
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

export function TextField({ label, value, onChange, type = 'text', hint, required, field }: TextProps) {
  const id = useId();
  const problem = useFieldProblem(id, field);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        ref={problem.input}
        id={id}
        type={type}
        value={value}
        required={required}
        autoComplete="off"
        aria-invalid={problem.invalid}
        aria-describedby={describedBy(hint ? `${id}-hint` : undefined, problem.problemId)}
        onChange={(event) => onChange(event.target.value)}
      />
      <Hint id={id} hint={hint} />
      {problem.message}
    </div>
  );
}

export function TextArea({ label, value, onChange, hint, field }: Omit<TextProps, 'type'>) {
  const id = useId();
  const problem = useFieldProblem(id, field);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        ref={problem.input}
        id={id}
        value={value}
        rows={3}
        // Like the inputs: the browser keeps no copy of what was typed (session restore).
        autoComplete="off"
        aria-invalid={problem.invalid}
        aria-describedby={describedBy(hint ? `${id}-hint` : undefined, problem.problemId)}
        onChange={(event) => onChange(event.target.value)}
      />
      <Hint id={id} hint={hint} />
      {problem.message}
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
export function Section({ title, children, item }: { title: string; children: ReactNode; item?: bigint }) {
  const id = useId();
  return (
    <section aria-labelledby={id} data-item={item === undefined ? undefined : String(item)}>
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
