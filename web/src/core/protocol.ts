/**
 * The messages between the page and the core's worker.
 *
 * Events, shell requests and view models are the types generated from the
 * Rust core (crux facet typegen, `src/generated/`) and cross the worker
 * boundary as their bincode bytes (transferred, not copied). The worker
 * never decodes them: it feeds them to the core and hands back what the
 * core returns.
 */

export type ToWorker =
  /** A bincode `Event`. */
  | { type: 'update'; event: Uint8Array }
  /** The bincode output answering shell request `id`. */
  | { type: 'resolve'; id: number; output: Uint8Array };

export type FromWorker =
  /** A bincode `Vec<ShellRequest>`, and the bincode `ViewModel` after it. */
  | { type: 'requests'; requests: Uint8Array; view: Uint8Array }
  /** OPFS could not be opened (another tab holds it, or no secure context). */
  | { type: 'storageUnavailable' }
  /** The core failed unexpectedly (a bug); reloading starts it afresh.
   * `code` is the core's typed error (`Malformed`, `Internal`, ...) or
   * `Trap`: never participant content. */
  | { type: 'failed'; code: string };
