import type { FromWorker, ShellEvent, ToWorker, ViewModel } from './protocol';

type Listener = () => void;

/**
 * The page's handle on the core: posts events to the worker, keeps the latest
 * view model, and tells React when it changes (`useSyncExternalStore`).
 */
export class Core {
  private worker: Worker;
  private view: ViewModel = { screen: 'starting' };
  private listeners = new Set<Listener>();

  constructor() {
    this.worker = new Worker(new URL('./core.worker.ts', import.meta.url), {
      type: 'module',
      name: 'phoenix-core',
    });
    this.worker.addEventListener('message', (message: MessageEvent<FromWorker>) => {
      if (message.data.type === 'view') this.setView(message.data.view);
    });
    this.worker.addEventListener('error', () => this.setView({ screen: 'storageUnavailable' }));
  }

  dispatch = (event: ShellEvent): void => {
    const message: ToWorker = { type: 'event', event };
    this.worker.postMessage(message);
    // The passcode screens show progress at once: the KDF takes a moment.
    if ((event.type === 'createVault' || event.type === 'unlock') && 'busy' in this.view) {
      this.setView({ ...this.view, busy: true, problem: undefined });
    }
  };

  getView = (): ViewModel => this.view;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private setView(view: ViewModel): void {
    this.view = view;
    for (const listener of this.listeners) listener();
  }
}
