/// <reference lib="webworker" />
/**
 * The core's dedicated worker: loads the wasm, opens OPFS storage, then
 * answers each event with a view model. The page never touches the vault.
 */
import initWasm, { openStorage } from '../../pkg/shared';
import wasmUrl from '../../pkg/shared_bg.wasm?url';
import type { FromWorker, ToWorker, ViewModel } from './protocol';
import { SmokeCore } from './smokeCore';

declare const self: DedicatedWorkerGlobalScope;

function post(view: ViewModel): void {
  const message: FromWorker = { type: 'view', view };
  self.postMessage(message);
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

async function start(): Promise<SmokeCore | null> {
  try {
    await initWasm({ module_or_path: wasmUrl });
    if (!(await openStorageWithRetry())) {
      post({ screen: 'storageUnavailable' });
      return null;
    }
    return new SmokeCore();
  } catch {
    post({ screen: 'failed' });
    return null;
  }
}

const ready = start();

// Events are handled one at a time, in order: the vault is single-threaded.
let queue: Promise<void> = Promise.resolve();
let failed = false;

self.addEventListener('message', (message: MessageEvent<ToWorker>) => {
  queue = queue.then(async () => {
    const core = await ready;
    if (!core || failed) return;
    try {
      // Timings for diagnostics and the browser tests; the name is the
      // event's type only, never its content.
      const started = performance.now();
      const view = core.update(message.data.event);
      performance.measure(`phoenix:${message.data.event.type}`, { start: started });
      post(view);
    } catch {
      // Typed errors become view models inside the core; anything thrown
      // here is a bug (a wasm panic leaves the instance unusable): stop.
      failed = true;
      post({ screen: 'failed' });
    }
  });
});

void ready.then((core) => {
  if (core) post(core.current());
});
