import { memo, useEffect, useMemo } from 'react';
import { useAppState, useDispatch } from './core/CoreContext';
import type { ViewModel } from './generated/shared_types';
import { AftercareScreen } from './screens/AftercareScreen';
import { CheckInScreen } from './screens/CheckInScreen';
import { ContactScreen } from './screens/ContactScreen';
import { FirstRunScreen, LockScreen } from './screens/LockScreens';
import { GoalsScreen } from './screens/GoalsScreen';
import { SafetyPlanScreen } from './screens/SafetyPlanScreen';
import { SettingsScreen } from './screens/SettingsScreen';
import { StatusScreen } from './screens/StatusScreen';
import { TodayScreen } from './screens/TodayScreen';
import { TrendsScreen } from './screens/TrendsScreen';
import { TriggeredScreen } from './screens/TriggeredScreen';
import { TriggersScreen } from './screens/TriggersScreen';
import { FieldProblem } from './ui/fields';
import { Navigation } from './ui/Navigation';
import { SharePreviewDialog } from './ui/Sharing';

/** Picks what to show: start-up and storage states, then the core's screens. */
export function App() {
  const state = useAppState();
  switch (state.status) {
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
          message={`Reload the page to start again. Everything you saved is still on this device. (Error: ${state.code})`}
        />
      );
    case 'ready':
      return <Frame view={state.view} waiting={state.waiting} />;
  }
}

/** The help actions, navigation and problem message around every screen. */
function Frame({ view, waiting }: { view: ViewModel; waiting: boolean }) {
  const dispatch = useDispatch();
  const unlocked = view.navigation.length > 0;
  // The same value while only "waiting" changes, so the fields that read it do not re-render.
  const problem = useMemo(() => ({ field: view.problem_field, text: view.problem }), [view.problem_field, view.problem]);
  useEffect(() => {
    document.title = view.title;
    document.documentElement.lang = view.language.kind === 'Spanish' ? 'es' : 'en';
  }, [view.title, view.language]);
  // A saved item is brought into view (it may be below the fold).
  useEffect(() => {
    if (view.new_item === null) return;
    document.querySelector(`[data-item="${String(view.new_item)}"]`)?.scrollIntoView({ block: 'center' });
  }, [view.new_item]);

  return (
    <div className="app" aria-busy={waiting || view.busy}>
      <header className="app-bar">
        {/* The app's name on wide screens; the screen's title on a phone's compact bar. */}
        <p className="app-title">
          <span className="app-name">{view.title}</span>
          <span className="screen-title">{view.screen_title}</span>
        </p>
        <div className="help-actions">
          {unlocked && (
            <>
              <button type="button" className="urgent" onClick={() => dispatch({ kind: 'Triggered', value: { kind: 'Start' } })}>
                {view.help.im_triggered}
              </button>
              <button type="button" onClick={() => dispatch({ kind: 'Navigate', value: { kind: 'Contact' } })}>
                {view.help.contact_peer}
              </button>
            </>
          )}
          <a className="crisis" href={view.help.crisis_call_url}>
            {view.help.crisis_label}
          </a>
        </div>
      </header>
      {unlocked && <Navigation items={view.navigation} words={view.words} />}
      {/* Every save is confirmed here, announced politely to screen readers. */}
      <p role="status" aria-live="polite" className="status">
        {view.status ?? ''}
      </p>
      {/* After a delete: one undo, until the next action or navigation. */}
      {view.undo && (
        <div className="undo">
          <button type="button" onClick={() => dispatch({ kind: 'Undo' })}>
            {view.undo.label}
          </button>
        </div>
      )}
      {view.problem && view.problem_field === null && (
        <div role="alert" className="problem">
          <p>{view.problem}</p>
          {unlocked && (
            <button type="button" className="quiet" onClick={() => dispatch({ kind: 'DismissProblem' })}>
              ✕<span className="visually-hidden">{view.words.close}</span>
            </button>
          )}
        </div>
      )}
      <FieldProblem.Provider value={problem}>
        {/* Only the lock screens show the wait; the others keep their render while a tap is with the core. */}
        <Screen view={view} busy={!unlocked && (waiting || view.busy)} />
      </FieldProblem.Provider>
      <SharePreviewDialog />
    </div>
  );
}

/**
 * The current screen, re-rendered only for a new view model (or the lock
 * screens' wait), not for each tap's "waiting" state: on a slow phone that
 * render is most of a tap's main-thread work.
 */
const Screen = memo(function Screen({ view, busy }: { view: ViewModel; busy: boolean }) {
  const { screen, words } = view;
  switch (screen.kind) {
    case 'Starting':
      return <StatusScreen title={view.title} message="…" />;
    case 'FirstRun':
      return <FirstRunScreen view={screen.value} busy={busy} />;
    case 'Locked':
      return <LockScreen view={screen.value} words={words} busy={busy} />;
    case 'Today':
      return <TodayScreen view={screen.value} words={words} />;
    case 'Goals':
      return <GoalsScreen view={screen.value} words={words} />;
    case 'Triggers':
      return <TriggersScreen view={screen.value} words={words} />;
    case 'Triggered':
      return <TriggeredScreen view={screen.value} words={words} />;
    case 'CheckIn':
      return <CheckInScreen view={screen.value} words={words} />;
    case 'Trends':
      return <TrendsScreen view={screen.value} words={words} />;
    case 'Aftercare':
      return <AftercareScreen view={screen.value} words={words} />;
    case 'SafetyPlan':
      return <SafetyPlanScreen view={screen.value} words={words} />;
    case 'Contact':
      return <ContactScreen view={screen.value} words={words} help={view.help} />;
    case 'Settings':
      return <SettingsScreen view={screen.value} words={words} />;
  }
});
