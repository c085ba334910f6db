/**
 * List first: an "Add …" button under the participant's items that opens
 * its form in place (focus moves to the form's first field). The form's
 * own submit button has the same name; Cancel folds it away again. With no
 * items yet the form starts open: it is the screen's first action.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';

export function AddForm({
  label,
  startOpen,
  children,
}: {
  label: string;
  startOpen: boolean;
  /** The form; `close` folds it away (its Cancel). */
  children: (close: () => void) => ReactNode;
}) {
  const [open, setOpen] = useState(startOpen);
  const [openedByTap, setOpenedByTap] = useState(false);
  const place = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open || !openedByTap) return;
    place.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, [open, openedByTap]);
  const close = () => {
    setOpen(false);
    setOpenedByTap(false);
    // Focus goes back to the button that opened it.
    requestAnimationFrame(() => place.current?.querySelector<HTMLElement>('button.add')?.focus());
  };
  return (
    <div ref={place} className="add-form">
      {open ? (
        children(close)
      ) : (
        <button
          type="button"
          className="add"
          onClick={() => {
            setOpen(true);
            setOpenedByTap(true);
          }}
        >
          {label}
        </button>
      )}
    </div>
  );
}
