import { useViewModel } from './core/CoreContext';
import { FirstRunScreen } from './screens/FirstRunScreen';
import { LockScreen } from './screens/LockScreen';
import { SmokeNotesScreen } from './screens/SmokeNotesScreen';
import { StatusScreen } from './screens/StatusScreen';

/** Picks the screen for the current view model. */
export function App() {
  const view = useViewModel();
  switch (view.screen) {
    case 'starting':
      return <StatusScreen title="Phoenix" message="Opening…" />;
    case 'storageUnavailable':
      return (
        <StatusScreen
          title="Phoenix cannot open its storage"
          message="This browser does not allow Phoenix to keep data on this device, or Phoenix is open in another tab. Close other Phoenix tabs and reload."
        />
      );
    case 'failed':
      return (
        <StatusScreen
          title="Phoenix hit a problem"
          message="Reload the page to start again. Everything you saved is still on this device."
        />
      );
    case 'firstRun':
      return <FirstRunScreen busy={view.busy} problem={view.problem} />;
    case 'locked':
      return <LockScreen busy={view.busy} problem={view.problem} />;
    case 'notes':
      return <SmokeNotesScreen notes={view.notes} problem={view.problem} />;
  }
}
