/** The UI/UX studio's own controls (shared/mode-specs/uiux.ts): framework, component type, colours, options. */
import {
  COLOUR_SCHEME_MAX_CHARS,
  UIUX_ACCESSIBILITY_LEVELS,
  UIUX_COMPONENT_TYPES,
  UIUX_FRAMEWORKS,
} from '../../../../shared/mode-specs/uiux';
import { CheckboxField, SelectField, optionsOf } from '../../components/FormFields';
import { controlValue, type ModeControlsProps } from '../../components/ModeControls';
import { TextField } from '../../components/TextField';

const FRAMEWORK_LABELS = { 'html-tailwind': 'HTML + Tailwind', 'react-tsx': 'React (TSX)', 'next-tsx': 'Next.js (TSX)', 'vanilla-css': 'HTML + CSS' };

export function UiuxControls({ controls, errors, onChange }: ModeControlsProps) {
  return (
    <div className="controls-grid">
      <SelectField
        label="Framework"
        value={controlValue(controls, 'framework', 'html-tailwind')}
        options={optionsOf(UIUX_FRAMEWORKS, FRAMEWORK_LABELS)}
        onChange={(v) => onChange('framework', v)}
        error={errors.framework}
      />
      <SelectField
        label="Component"
        value={controlValue(controls, 'componentType', 'custom')}
        options={optionsOf(UIUX_COMPONENT_TYPES, { cta: 'Call to action', faq: 'FAQ' })}
        onChange={(v) => onChange('componentType', v)}
        error={errors.componentType}
      />
      <TextField
        label="Colours"
        value={controlValue(controls, 'colourScheme', '')}
        maxLength={COLOUR_SCHEME_MAX_CHARS}
        placeholder="#0ea5e9, forest greens…"
        onChange={(event) => onChange('colourScheme', event.target.value === '' ? undefined : event.target.value)}
        error={errors.colourScheme ?? null}
      />
      <SelectField
        label="Accessibility"
        value={controlValue(controls, 'accessibilityLevel', 'standard')}
        options={optionsOf(UIUX_ACCESSIBILITY_LEVELS)}
        onChange={(v) => onChange('accessibilityLevel', v)}
        error={errors.accessibilityLevel}
      />
      <CheckboxField label="Dark mode" checked={controlValue(controls, 'darkMode', false)} onChange={(v) => onChange('darkMode', v)} error={errors.darkMode} />
      <CheckboxField label="Responsive" checked={controlValue(controls, 'responsive', true)} onChange={(v) => onChange('responsive', v)} error={errors.responsive} />
    </div>
  );
}
