import { useEffect } from 'react';
import { Button } from '../../components/Button';
import { Spinner } from '../../components/Spinner';
import { useAppInfo } from '../../stores';
import type { AppInfo } from '../../stores/appInfo';
import { SettingsSection } from './SettingsSection';

export function AboutSection() {
  const info = useAppInfo((s) => s.info);
  const status = useAppInfo((s) => s.status);
  const error = useAppInfo((s) => s.error);
  const load = useAppInfo((s) => s.load);

  useEffect(() => {
    if (useAppInfo.getState().status === 'idle') void load();
  }, [load]);

  return (
    <SettingsSection title="About">
      {info !== null ? (
        <AboutDetails info={info} />
      ) : status === 'error' ? (
        <div className="setting-row">
          <p className="setting-description">{error?.message ?? 'The app’s details could not be read.'}</p>
          <Button size="sm" icon="refresh" onClick={() => void load()}>
            Try again
          </Button>
        </div>
      ) : (
        <div className="setting-row">
          <Spinner label="Reading app details…" />
        </div>
      )}
    </SettingsSection>
  );
}

function AboutDetails({ info }: { info: AppInfo }) {
  const rows: ReadonlyArray<readonly [string, string]> = [
    ['Version', `${info.name} ${info.version}`],
    ['Platform', info.platform],
    ['Data folder', info.dataDir],
    ['Electron', info.versions.electron ?? 'not running under Electron'],
    ['Chromium', info.versions.chrome ?? '—'],
    ['Node.js', info.versions.node],
  ];
  return (
    <dl className="about-list">
      {rows.map(([term, value]) => (
        <div key={term} className="about-row">
          <dt>{term}</dt>
          <dd className={term === 'Data folder' ? 'mono selectable' : 'selectable'}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
