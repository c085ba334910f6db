import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { Event } from '../generated/shared_types';
import type { AppState, Core } from './Core';

const CoreContext = createContext<Core | null>(null);

export function CoreProvider({ core, children }: { core: Core; children: ReactNode }) {
  return <CoreContext.Provider value={core}>{children}</CoreContext.Provider>;
}

export function useCore(): Core {
  const core = useContext(CoreContext);
  if (!core) throw new Error('useCore outside <CoreProvider>');
  return core;
}

/** The page's state; re-renders when the core sends a new view model. */
export function useAppState(): AppState {
  const core = useCore();
  return useSyncExternalStore(core.subscribe, core.getState);
}

/** Sends an event to the core. */
export function useDispatch(): (event: Event) => void {
  return useCore().dispatch;
}
