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
      <PromptEngineSetting />
    </SettingsSection>
  );
}

const PROMPT_ENGINES = [
  { value: 'oss', label: 'Local builders' },
  { value: 'hosted', label: 'WokGen account' },
] as const;

function ThemeSetting() {
  const theme = useSettings((s) => s.settings.theme);
  const update = useSettings((s) => s.update);
  return (
    <ChoiceSetting
      label="Theme"
      description="How the studio looks. Dark suits long sessions with artwork."
      options={THEMES}
      value={theme}
      onChange={(value) => void update({ theme: value })}
    />
  );
}

function PromptEngineSetting() {
  const engine = useSettings((s) => s.settings.promptEngine);
  const update = useSettings((s) => s.update);
  return (
    <ChoiceSetting
      label="Prompt engine"
      description="Who writes the final prompt. The WokGen account's engine is used only while you are signed in; offline or signed out the local builders run and the studio says so. PROMPT_ENGINE in the environment overrides this."
      options={PROMPT_ENGINES}
      value={engine}
      onChange={(value) => void update({ promptEngine: value })}
    />
  );
}

/** A labelled row of radio buttons (one tab stop, arrow keys move between them). */
function ChoiceSetting<T extends string>({
  label,
  description,
  options,
  value,
  onChange,
}: {
  readonly label: string;
  readonly description: string;
  readonly options: ReadonlyArray<{ readonly value: T; readonly label: string }>;
  readonly value: T;
  readonly onChange: (value: T) => void;
}) {
  const name = useId();
  return (
    <SettingRow label={label} description={description}>
      <fieldset className="segmented">
        <legend className="visually-hidden">{label}</legend>
        {options.map((option) => (
          <label key={option.value} className="segmented-option">
            <input type="radio" name={name} value={option.value} checked={value === option.value} onChange={() => onChange(option.value)} />
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
