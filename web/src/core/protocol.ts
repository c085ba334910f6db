/**
 * The messages between the page and the core's worker.
 *
 * The page only posts events and renders view models; everything else (the
 * core, the vault, the KDF, storage) happens in the worker. When the Crux core
 * is wired in, `ShellEvent` and `ViewModel` become the types generated from
 * it (facet typegen) and cross as bincode bytes; this message shape stays.
 */

/** What the participant did. TEMPORARY: the smoke core's events. */
export type ShellEvent =
  | { type: 'createVault'; passcode: string }
  | { type: 'unlock'; passcode: string }
  | { type: 'saveNote'; text: string }
  | { type: 'lock' }
  | { type: 'erase' };

/** Why the lock screen shows a message. Never carries participant data. */
export type LockProblem =
  | { kind: 'wrongPasscode' }
  | { kind: 'throttled'; retryAfterSecs: number }
  | { kind: 'passcodeTooShort' }
  | { kind: 'other'; code: string };

/** What to render. TEMPORARY: the smoke core's screens. */
export type ViewModel =
  | { screen: 'starting' }
  | { screen: 'storageUnavailable' }
  /** The worker hit an unexpected error (a bug); reloading starts it afresh. */
  | { screen: 'failed' }
  | { screen: 'firstRun'; busy: boolean; problem?: LockProblem }
  | { screen: 'locked'; busy: boolean; problem?: LockProblem }
  | { screen: 'notes'; notes: string[]; problem?: LockProblem };

export type ToWorker = { type: 'event'; event: ShellEvent };

export type FromWorker = { type: 'view'; view: ViewModel };
