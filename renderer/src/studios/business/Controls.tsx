/** The business studio's own controls (shared/mode-specs/business.ts): mood, format per tool, text zone. */
import {
  BUSINESS_ASPECTS,
  BUSINESS_MOODS,
  BUSINESS_TEXT_ZONES,
  BUSINESS_TOOL_ASPECTS,
  type BusinessTool,
} from '../../../../shared/mode-specs/business';
import { SelectField, optionsOf } from '../../components/FormFields';
import { controlValue, type ModeControlsProps } from '../../components/ModeControls';

export function BusinessControls({ tool, controls, errors, onChange }: ModeControlsProps) {
  const aspects = BUSINESS_TOOL_ASPECTS[tool as BusinessTool] ?? [];
  const aspectOptions = [
    { value: 'auto', label: aspects[0] === undefined ? 'Auto' : `Auto (${BUSINESS_ASPECTS[aspects[0]].label})` },
    ...aspects.map((id) => ({ value: id as string, label: BUSINESS_ASPECTS[id].label })),
  ];
  const aspect = controlValue(controls, 'aspect', 'auto');
  return (
    <div className="controls-grid">
      <SelectField
        label="Mood"
        value={controlValue(controls, 'mood', 'professional')}
        options={optionsOf(BUSINESS_MOODS)}
        onChange={(v) => onChange('mood', v)}
        error={errors.mood}
      />
      {aspects.length > 0 && (
        <SelectField
          label="Format"
          value={aspectOptions.some((o) => o.value === aspect) ? aspect : 'auto'}
          options={aspectOptions}
          onChange={(v) => onChange('aspect', v === 'auto' ? undefined : v)}
          error={errors.aspect}
        />
      )}
      <SelectField
        label="Text zone"
        value={controlValue(controls, 'textZone', 'none')}
        options={optionsOf(BUSINESS_TEXT_ZONES)}
        onChange={(v) => onChange('textZone', v)}
        error={errors.textZone}
      />
    </div>
  );
}
