import { useId, useState, type FormEvent } from 'react';
import { useDispatch } from '../core/CoreContext';
import type { LockProblem } from '../core/protocol';
import { ProblemMessage } from './ProblemMessage';

/**
 * TEMPORARY: a notes list over the vault, for the storage smoke tests. The
 * real screens (Today, Goals, ...) render the core's view models instead.
 */
export function SmokeNotesScreen({ notes, problem }: { notes: string[]; problem?: LockProblem }) {
  const dispatch = useDispatch();
  const [text, setText] = useState('');
  const fieldId = useId();

  function save(event: FormEvent) {
    event.preventDefault();
    if (text.trim().length === 0) return;
    dispatch({ type: 'saveNote', text });
    setText('');
  }

  return (
    <main className="screen">
      <header className="app-bar">
        <h1>Notes</h1>
        <button type="button" onClick={() => dispatch({ type: 'lock' })}>
          Lock now
        </button>
      </header>
      <form onSubmit={save} autoComplete="off">
        <label htmlFor={fieldId}>Note</label>
        <input
          id={fieldId}
          type="text"
          autoComplete="off"
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
        <button type="submit">Save</button>
      </form>
      {problem && <ProblemMessage problem={problem} />}
      <h2>Saved notes</h2>
      {notes.length === 0 ? (
        <p>No notes yet.</p>
      ) : (
        <ul aria-label="Saved notes">
          {notes.map((note, index) => (
            <li key={index}>{note}</li>
          ))}
        </ul>
      )}
      <h2>Danger zone</h2>
      <button type="button" className="danger" onClick={() => dispatch({ type: 'erase' })}>
        Erase everything
      </button>
    </main>
  );
}
