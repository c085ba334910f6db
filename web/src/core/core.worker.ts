/// <reference lib="webworker" />
/**
 * The core's dedicated worker: loads the wasm, opens OPFS storage, then
 * feeds the page's events and answers to the core (with its vault) and
 * posts back what the core asks of the shell. The page never touches the
 * vault, and no participant data is decoded here.
 */
import initWasm, { openStorage, WebCore } from '../../pkg/shared';
import wasmUrl from '../../pkg/shared_bg.wasm?url';
import type { FromWorker, ToWorker } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

function post(message: FromWorker, transfer: Transferable[] = []): void {
  self.postMessage(message, transfer);
}

/**
 * After a reload the previous page's worker may still hold the OPFS access
 * handles for a moment while the browser tears it down: retry for a few
 * seconds before telling the participant storage is unavailable (which is
 * what another open Phoenix tab causes).
 */
const STORAGE_ATTEMPTS = 20;
const STORAGE_RETRY_MS = 150;

async function openStorageWithRetry(): Promise<boolean> {
  for (let attempt = 1; attempt <= STORAGE_ATTEMPTS; attempt++) {
    try {
      await openStorage();
      return true;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, STORAGE_RETRY_MS));
    }
  }
  return false;
}

async function start(): Promise<WebCore | null> {
  try {
    await initWasm({ module_or_path: wasmUrl });
    if (!(await openStorageWithRetry())) {
      post({ type: 'storageUnavailable' });
      return null;
    }
    return new WebCore(Intl.DateTimeFormat().resolvedOptions().timeZone, navigator.language);
  } catch {
    post({ type: 'failed', code: 'Start' });
    return null;
  }
}

const ready = start();

// Messages are handled one at a time, in order: the vault is single-threaded.
let queue: Promise<void> = Promise.resolve();
let failed = false;

function handle(core: WebCore, message: ToWorker): void {
  // Timings for diagnostics and the browser tests; the name says what kind
  // of message it was, never its content.
  const started = performance.now();
  const requests =
    message.type === 'update' ? core.update(message.event) : core.resolve(message.id, message.output);
  const view = core.view();
  performance.measure(`phoenix:${message.type}`, { start: started });
  post({ type: 'requests', requests, view }, [requests.buffer, view.buffer]);
}

/** A `WebError`'s code; anything else thrown by the wasm is a trap. */
function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'Trap';
}

self.addEventListener('message', (message: MessageEvent<ToWorker>) => {
  queue = queue.then(async () => {
    const core = await ready;
    if (!core || failed) return;
    try {
      handle(core, message.data);
    } catch (error) {
      // The core answers bad input with typed errors and problems in the
      // view model; a throw here means the page sent bytes the core refused
      // (a bug) or the wasm trapped: stop rather than guess.
      failed = true;
      post({ type: 'failed', code: errorCode(error) });
    }
  });
});
