/**
 * The window: sidebar (brand, mode switcher, settings) and the main area. The layout root
 * carries the current mode's accent as `--accent`, so every accent-coloured element below
 * (focus rings, primary buttons, active states) follows the studio that is open.
 */
import { useEffect, type ReactNode } from 'react';
import { Outlet, useMatch } from 'react-router';
import { isModeId, MODES, type ModeId } from '../../../shared/modes';
import { Spinner } from '../components/Spinner';
import { Toasts } from '../components/Toasts';
import { startStores, useSettings, useWorkspaces } from '../stores';
import { readLastMode, writeLastMode } from '../stores/lastMode';
import { ModeSwitcher, SettingsLink } from './ModeSwitcher';
import { useDocumentPreferences } from './useDocumentPreferences';
import { useGlobalShortcuts } from './useGlobalShortcuts';

/** The mode in the URL, if it is a studio route of a real mode. */
function useRouteMode(): ModeId | null {
  const match = useMatch('/:mode/studio');
  const mode = match?.params.mode;
  return isModeId(mode) ? mode : null;
}

export function Layout() {
  const routeMode = useRouteMode();
  // Outside a studio (Settings, not-found) keep the colours of the studio the user came from.
  const mode = routeMode ?? readLastMode();

  useEffect(() => {
    if (routeMode !== null) writeLastMode(routeMode);
  }, [routeMode]);

  useGlobalShortcuts();
  useDocumentPreferences();

  return (
    <div className="app" data-mode={mode} style={{ '--accent': MODES[mode].accent }}>
      <aside className="sidebar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">WokGen Studio</span>
        </div>
        <p className="sidebar-section-label" aria-hidden="true">
          Modes
        </p>
        <ModeSwitcher />
        <div className="sidebar-spacer" />
        <SettingsLink />
      </aside>
      <main className="main">
        <Boot>
          <Outlet />
        </Boot>
      </main>
      <Toasts />
    </div>
  );
}

/**
 * Starts the stores' event subscriptions and loads preferences before the pages render:
 * a studio needs the remembered workspace to open the right one first time.
 */
function Boot({ children }: { children: ReactNode }) {
  const status = useSettings((s) => s.status);
  const load = useSettings((s) => s.load);

  const warmWorkspaces = useWorkspaces((s) => s.warm);

  useEffect(() => startStores(), []);
  useEffect(() => {
    void load();
  }, [load]);
  // After the preferences: the remembered workspace of each studio comes from them.
  useEffect(() => {
    if (status === 'ready') void warmWorkspaces();
  }, [status, warmWorkspaces]);

  if (status === 'idle' || status === 'loading') {
    return (
      <div className="boot">
        <Spinner size="md" label="Opening the studio…" />
      </div>
    );
  }
  return children;
}
