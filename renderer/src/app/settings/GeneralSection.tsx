import { useId } from 'react';
import { Button } from '../../components/Button';
import { useSettings } from '../../stores';
import { SettingRow, SettingsSection } from './SettingsSection';

const THEMES = [
  { value: 'dark', label: 'Dark' },
  { value: 'light', label: 'Light' },
] as const;

export function GeneralSection() {
  return (
    <SettingsSection title="General">
      <ThemeSetting />
      <WorkspacesRootSetting />
      <ReduceMotionSetting />
    </SettingsSection>
  );
}

function ThemeSetting() {
  const theme = useSettings((s) => s.settings.theme);
  const update = useSettings((s) => s.update);
  const name = useId();
  return (
    <SettingRow label="Theme" description="How the studio looks. Dark suits long sessions with artwork.">
      <fieldset className="segmented">
        <legend className="visually-hidden">Theme</legend>
        {THEMES.map((option) => (
          <label key={option.value} className="segmented-option">
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={theme === option.value}
              onChange={() => void update({ theme: option.value })}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </fieldset>
    </SettingRow>
  );
}

function WorkspacesRootSetting() {
  const root = useSettings((s) => s.settings.workspacesRoot);
  const choose = useSettings((s) => s.chooseWorkspacesRoot);
  const update = useSettings((s) => s.update);
  return (
    <SettingRow
      label="Default workspaces folder"
      description={
        <>
          New workspaces are proposed inside it: <span className="mono">{root ?? '~/WokGen'}</span>
          {root === null && ' (default)'}
        </>
      }
    >
      <div className="toolbar">
        {root !== null && (
          <Button variant="ghost" size="sm" onClick={() => void update({ workspacesRoot: null })}>
            Use default
          </Button>
        )}
        <Button size="sm" icon="folderOpen" onClick={() => void choose()}>
          Change…
        </Button>
      </div>
    </SettingRow>
  );
}

function ReduceMotionSetting() {
  const reduceMotion = useSettings((s) => s.settings.reduceMotion);
  const update = useSettings((s) => s.update);
  const id = useId();
  return (
    <SettingRow
      label="Reduce motion"
      labelFor={id}
      description="Turns off animations. The system’s reduced-motion preference is always respected."
    >
      <input
        id={id}
        type="checkbox"
        role="switch"
        className="switch"
        checked={reduceMotion}
        onChange={(event) => void update({ reduceMotion: event.target.checked })}
      />
    </SettingRow>
  );
}
