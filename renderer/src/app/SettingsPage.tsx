/** Settings: General (theme, where workspaces go, motion), Providers (to come), About. */
import { AccountSection } from './account/AccountSection';
import { AboutSection } from './settings/AboutSection';
import { GeneralSection } from './settings/GeneralSection';
import { ProvidersSection } from './settings/ProvidersSection';
import { useScrollToHash } from './settings/useScrollToHash';

export function SettingsPage() {
  useScrollToHash();
  return (
    <div className="page settings">
      <header className="page-header">
        <h1 className="page-title">Settings</h1>
        <p className="page-subtitle">Preferences are saved on this computer as you change them.</p>
      </header>
      <div className="settings-body">
        <GeneralSection />
        <ProvidersSection />
        <AccountSection />
        <AboutSection />
      </div>
    </div>
  );
}
