import { useEffect, useRef, useState } from 'react';
import { useAppState, useDispatch } from '../core/CoreContext';
import type { ShareItem, SharingView } from '../generated/shared_types';
import { CheckField, ChoiceField, Section } from './fields';

/** Share with my specialist (`view.sharing`): `null` while locked. */
function useSharing(): SharingView | null {
  const state = useAppState();
  return state.status === 'ready' ? state.view.sharing : null;
}

/** "Share with my specialist" on an item, only when paired: opens the preview. */
export function ShareButton({ item, label }: { item: ShareItem; label?: string }) {
  const sharing = useSharing();
  const dispatch = useDispatch();
  if (!sharing?.available) return null;
  return (
    <button type="button" className="quiet" onClick={() => dispatch({ kind: 'Sharing', value: { kind: 'Preview', value: item } })}>
      {label ?? sharing.share_label}
    </button>
  );
}

/** The aftercare plan's "Share with my specialist": the core's choices (the whole plan, then each section by its heading); then the preview. */
export function SharePlan() {
  const sharing = useSharing();
  const [choice, setChoice] = useState(0);
  if (!sharing?.available) return null;
  const choices = sharing.plan_choices.map(({ item, label }) => ({ value: item, label }));
  return (
    <div className="share-plan">
      <ChoiceField label={sharing.share_label} choices={choices} selected={choice} onChange={setChoice} />
      <ShareButton item={choices[choice].value} />
    </div>
  );
}

/** The check-in summary's choices (7, 30 or 90 days; notes only when ticked), then its preview. */
export function ShareCheckIns() {
  const sharing = useSharing();
  const [period, setPeriod] = useState(1);
  const [notes, setNotes] = useState(false);
  if (!sharing?.available) return null;
  const choices = sharing.periods.map((choice) => ({ value: choice.days, label: choice.label }));
  return (
    <div className="share-check-ins">
      <ChoiceField label={sharing.share_label} choices={choices} selected={period} onChange={setPeriod} />
      <CheckField label={sharing.include_notes_label} checked={notes} onChange={setNotes} />
      <ShareButton item={{ kind: 'CheckIns', days: choices[period].value, notes }} />
    </div>
  );
}

/**
 * What the specialist will see, in a modal dialog: focus moves into it
 * (the send button) and back to where it was when it closes. Nothing is
 * sent until "Send".
 */
export function SharePreviewDialog() {
  const sharing = useSharing();
  const dispatch = useDispatch();
  const dialog = useRef<HTMLDialogElement>(null);
  const send = useRef<HTMLButtonElement>(null);
  const preview = sharing?.preview ?? null;
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (preview && !element.open) {
      const before = document.activeElement as HTMLElement | null;
      element.showModal();
      send.current?.focus();
      element.addEventListener('close', () => before?.focus(), { once: true });
    } else if (!preview && element.open) {
      element.close();
    }
  }, [preview]);
  return (
    <dialog ref={dialog} className="share-preview" aria-labelledby={preview ? 'share-preview-heading' : undefined} onCancel={() => dispatch({ kind: 'Sharing', value: { kind: 'Cancel' } })}>
      {preview && (
        <>
          <h2 id="share-preview-heading">{preview.heading}</h2>
          <div className="card">
            <h3>{preview.title}</h3>
            <ul>
              {preview.lines.map((line, index) => (
                <li key={index}>{line}</li>
              ))}
            </ul>
          </div>
          <div className="row">
            <button ref={send} type="button" onClick={() => dispatch({ kind: 'Sharing', value: { kind: 'Send' } })}>
              {preview.send_label}
            </button>
            <button type="button" className="quiet" onClick={() => dispatch({ kind: 'Sharing', value: { kind: 'Cancel' } })}>
              {preview.cancel_label}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}

/** "Shared with my specialist" on Contact my peer: what, when, its delivery, and Stop sharing. */
export function SharedList() {
  const sharing = useSharing();
  const dispatch = useDispatch();
  if (!sharing?.available) return null;
  return (
    <Section title={sharing.heading}>
      {sharing.shared.length === 0 ? (
        <p className="empty">{sharing.empty_note}</p>
      ) : (
        <>
          <ul>
            {sharing.shared.map((item) => (
              <li key={item.key}>
                <strong>{item.what}</strong> · {item.shared_on} · {item.status_label}{' '}
                <button
                  type="button"
                  className="quiet"
                  aria-label={`${sharing.stop_label}: ${item.what}`}
                  onClick={() => dispatch({ kind: 'Sharing', value: { kind: 'StopSharing', value: item.key } })}
                >
                  {sharing.stop_label}
                </button>
              </li>
            ))}
          </ul>
          <p>{sharing.stop_note}</p>
        </>
      )}
    </Section>
  );
}
