/**
 * Sending a form's event and clearing the form only once the core has
 * accepted it: a refused save keeps everything typed (the problem shows at
 * its field, which takes focus), so nothing has to be typed again.
 */
import { useCallback, useEffect, useRef } from 'react';
import type { Event } from '../generated/shared_types';
import { useCore } from '../core/CoreContext';
import type { AppState } from '../core/Core';

/**
 * The core's answer is watched by a listener, not by rendering: a form that
 * can submit does not re-render for every state the page goes through (each
 * tap's "waiting" and answer), which on a slow phone is most of a tap's
 * main-thread work.
 */
export function useSubmit(): (event: Event, onSaved?: () => void) => void {
  const core = useCore();
  const pending = useRef<{ sentAt: AppState; onSaved: () => void } | null>(null);
  useEffect(
    () =>
      core.subscribe(() => {
        const sent = pending.current;
        const state = core.getState();
        // The first settled state after sending is the core's answer.
        if (!sent || state === sent.sentAt || state.status !== 'ready' || state.waiting) return;
        pending.current = null;
        if (state.view.problem === null) sent.onSaved();
      }),
    [core],
  );
  return useCallback(
    (event, onSaved) => {
      if (onSaved) pending.current = { sentAt: core.getState(), onSaved };
      core.dispatch(event);
    },
    [core],
  );
}
