import type { Event, ShellRequest, ViewModel } from '../generated/shared_types';
import { decodeRequests, decodeView, done, encodeEvent } from './codec';
import type { FromWorker, ToWorker } from './protocol';
import { announceNewMessages, http, notify, openUrl, platformKey, share } from './shellEffects';

/** What the page shows: the core's view model once the worker is ready. */
export type AppState =
  | { status: 'starting' }
  | { status: 'storageUnavailable' }
  | { status: 'failed'; code: string }
  /** `waiting`: an event is with the core (the passcode KDF takes a moment). */
  | { status: 'ready'; view: ViewModel; waiting: boolean };

type Listener = () => void;

const MAX_RESTARTS = 3;

/**
 * The page's handle on the core: encodes events for the worker, performs
 * the shell requests that come back (render, open-url, share, reminders,
 * platform key, relay requests) and keeps the latest view model for React
 * (`useSyncExternalStore`).
 */
export class Core {
  private worker: Worker;
  private state: AppState = { status: 'starting' };
  private listeners = new Set<Listener>();
  private inFlight = 0;
  private syncing = false;
  private restarts = 0;
  /** The core's count of messages from the specialist at the last view. */
  private arrivals = 0;

  constructor() {
    this.worker = this.startWorker();
    // Coming back to the app: the core locks it if it sat idle too long.
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') this.dispatch({ kind: 'Resumed' });
    });
    // Secure messages: the core does nothing until the participant has paired.
    window.addEventListener('online', () => this.dispatch({ kind: 'Messages', value: { kind: 'Reconnected' } }));
  }

  /** A worker with a fresh core, which starts locked (or on first run). */
  private startWorker(): Worker {
    const worker = new Worker(new URL('./core.worker.ts', import.meta.url), {
      type: 'module',
      name: 'phoenix-core',
    });
    worker.addEventListener('message', (message: MessageEvent<FromWorker>) => this.receive(message.data));
    worker.addEventListener('error', () => this.setState({ status: 'failed', code: 'Worker' }));
    this.worker = worker;
    this.dispatch({ kind: 'Start' });
    return worker;
  }

  /**
   * A panic in the wasm core traps its instance for good: like the native
   * host, start again from a fresh core, locked, with the keys gone from
   * memory (the old worker and its instance are dropped). A few times per
   * page, so a bug that traps on start cannot loop.
   */
  private restartAfterTrap(): boolean {
    if (this.restarts >= MAX_RESTARTS) return false;
    this.restarts++;
    this.worker.terminate();
    this.inFlight = 0;
    this.setState({ status: 'starting' });
    this.startWorker();
    return true;
  }

  /**
   * Asks the core to send queued messages and fetch replies as often as its
   * view model says, from its first view on, while the page is visible.
   */
  private startSyncing(everySecs: number): void {
    if (this.syncing) return;
    this.syncing = true;
    window.setInterval(() => {
      if (document.visibilityState === 'visible' && this.state.status === 'ready') {
        this.dispatch({ kind: 'Messages', value: { kind: 'Sync' } });
      }
    }, everySecs * 1000);
  }

  /** A sync brought messages from the specialist: said, if out of view. */
  private noticeArrivals({ new_messages: news }: ViewModel): void {
    const count = news?.count ?? 0;
    if (news && count > this.arrivals) announceNewMessages(news);
    this.arrivals = count;
  }

  dispatch = (event: Event): void => {
    const bytes = encodeEvent(event);
    this.send({ type: 'update', event: bytes }, [bytes.buffer as ArrayBuffer]);
  };

  getState = (): AppState => this.state;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private send(message: ToWorker, transfer: Transferable[]): void {
    this.inFlight++;
    if (this.state.status === 'ready' && !this.state.waiting) this.setState({ ...this.state, waiting: true });
    this.worker.postMessage(message, transfer);
  }

  private receive(message: FromWorker): void {
    if (message.type === 'storageUnavailable') {
      this.setState({ status: 'storageUnavailable' });
      return;
    }
    if (message.type === 'failed') {
      if ((message.code === 'Trap' || message.code === 'Internal') && this.restartAfterTrap()) return;
      this.setState({ status: 'failed', code: message.code });
      return;
    }
    this.inFlight = Math.max(0, this.inFlight - 1);
    const requests = decodeRequests(message.requests);
    const waiting = this.inFlight > 0;
    if (requests.some((request) => request.effect.kind === 'Render') || this.state.status !== 'ready') {
      const view = decodeView(message.view);
      this.setState({ status: 'ready', view, waiting });
      this.noticeArrivals(view);
      this.startSyncing(view.sync_every_secs);
    } else if (this.state.waiting !== waiting) {
      this.setState({ ...this.state, waiting });
    }
    for (const request of requests) this.perform(request);
  }

  private perform({ id, effect }: ShellRequest): void {
    let output: Uint8Array;
    switch (effect.kind) {
      case 'Render':
        return;
      case 'OpenUrl':
        output = openUrl(effect.value);
        break;
      case 'Share':
        output = share(effect.value);
        break;
      case 'Notify':
        output = notify(effect.value);
        break;
      case 'Background':
        // A web page cannot check while closed: nothing to keep.
        output = done();
        break;
      case 'PlatformKey':
        void platformKey(effect.value).then((answer) => this.answer(id, answer));
        return;
      case 'Http':
        void http(effect.value).then((answer) => this.answer(id, answer));
        return;
    }
    this.answer(id, output);
  }

  private answer(id: number, output: Uint8Array): void {
    this.send({ type: 'resolve', id, output }, [output.buffer as ArrayBuffer]);
  }

  private setState(state: AppState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}
