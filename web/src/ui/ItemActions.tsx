import type { FormWords } from '../generated/shared_types';

/** Edit and Delete for one of the participant's items (goal, step, trigger, strategy), named for screen readers. */
export function ItemActions({ name, words, onEdit, onDelete }: { name: string; words: FormWords; onEdit: () => void; onDelete: () => void }) {
  return (
    <span className="row">
      <button type="button" className="quiet" aria-label={`${words.edit}: ${name}`} onClick={onEdit}>
        {words.edit}
      </button>
      <button type="button" className="quiet" aria-label={`${words.delete_item}: ${name}`} onClick={onDelete}>
        {words.delete_item}
      </button>
    </span>
  );
}

/** Save (or `label`: submits the form it sits in) and Cancel, under an add or edit form. */
export function SaveOrCancel({ words, label, onCancel }: { words: FormWords; label?: string; onCancel: () => void }) {
  return (
    <div className="row">
      <button type="submit">{label ?? words.save}</button>
      <button type="button" className="quiet" onClick={onCancel}>
        {words.cancel}
      </button>
    </div>
  );
}
