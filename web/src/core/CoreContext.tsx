import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { Core } from './Core';
import type { ShellEvent, ViewModel } from './protocol';

const CoreContext = createContext<Core | null>(null);

export function CoreProvider({ core, children }: { core: Core; children: ReactNode }) {
  return <CoreContext.Provider value={core}>{children}</CoreContext.Provider>;
}

function useCore(): Core {
  const core = useContext(CoreContext);
  if (!core) throw new Error('useCore outside <CoreProvider>');
  return core;
}

/** The current view model; re-renders when the core sends a new one. */
export function useViewModel(): ViewModel {
  const core = useCore();
  return useSyncExternalStore(core.subscribe, core.getView);
}

/** Sends an event to the core. */
export function useDispatch(): (event: ShellEvent) => void {
  return useCore().dispatch;
}
