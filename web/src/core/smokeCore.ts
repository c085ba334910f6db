/**
 * TEMPORARY stand-in for the Crux core, running in the worker over the
 * wasm's temporary vault surface (shared/src/wasm/smoke.rs). It turns events
 * into view models the way the real core will, so the page, the worker
 * plumbing and the browser tests are real today. Replaced by the core's
 * `update` / `resolve` / `view` when the `core` branch is merged.
 */
import {
  smokeVaultCreate,
  smokeVaultErase,
  smokeVaultExists,
  smokeVaultLoadNotes,
  smokeVaultLock,
  smokeVaultPutNote,
  smokeVaultUnlock,
} from '../../pkg/shared';
import type { ShellEvent, ViewModel } from './protocol';
import { isWebError, toLockProblem } from './webError';

export class SmokeCore {
  private view: ViewModel;

  constructor() {
    this.view = smokeVaultExists() ? { screen: 'locked', busy: false } : { screen: 'firstRun', busy: false };
  }

  current(): ViewModel {
    return this.view;
  }

  /** Handles one event; returns the new view model. */
  update(event: ShellEvent): ViewModel {
    this.view = this.next(event);
    return this.view;
  }

  private next(event: ShellEvent): ViewModel {
    try {
      switch (event.type) {
        case 'createVault':
          smokeVaultCreate(event.passcode);
          return this.notes();
        case 'unlock':
          smokeVaultUnlock(event.passcode, Date.now());
          return this.notes();
        case 'saveNote': {
          const notes = smokeVaultLoadNotes();
          smokeVaultPutNote(notes.length + 1, event.text);
          return this.notes();
        }
        case 'lock':
          smokeVaultLock();
          return { screen: 'locked', busy: false };
        case 'erase':
          smokeVaultErase();
          return { screen: 'firstRun', busy: false };
      }
    } catch (thrown) {
      // Only the wasm's typed errors are expected; anything else is a bug.
      if (!isWebError(thrown)) throw thrown;
      const problem = toLockProblem(thrown);
      if (this.view.screen === 'notes') return { ...this.view, problem };
      return this.view.screen === 'firstRun'
        ? { screen: 'firstRun', busy: false, problem }
        : { screen: 'locked', busy: false, problem };
    }
  }

  private notes(): ViewModel {
    return { screen: 'notes', notes: smokeVaultLoadNotes() };
  }
}
