/**
 * Sending a form's event and clearing the form only once the core has
 * accepted it: a refused save keeps everything typed (the problem shows at
 * its field, which takes focus), so nothing has to be typed again.
 */
import { useEffect, useRef } from 'react';
import type { Event } from '../generated/shared_types';
import { useAppState, useDispatch } from '../core/CoreContext';
import type { AppState } from '../core/Core';

export function useSubmit(): (event: Event, onSaved?: () => void) => void {
  const dispatch = useDispatch();
  const state = useAppState();
  const pending = useRef<{ sentAt: AppState; onSaved: () => void } | null>(null);
  useEffect(() => {
    const sent = pending.current;
    // The first settled view after sending is the core's answer.
    if (!sent || state === sent.sentAt || state.status !== 'ready' || state.waiting) return;
    pending.current = null;
    if (state.view.problem === null) sent.onSaved();
  }, [state]);
  return (event, onSaved) => {
    if (onSaved) pending.current = { sentAt: state, onSaved };
    dispatch(event);
  };
}
