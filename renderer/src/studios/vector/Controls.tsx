/** The vector studio's own controls (shared/mode-specs/vector.ts): colour mode and stroke width. */
import {
  DEFAULT_STROKE_WIDTH,
  STROKE_WIDTH_MAX,
  STROKE_WIDTH_MIN,
  VECTOR_COLOUR_MODES,
  type VectorPreset,
} from '../../../../shared/mode-specs/vector';
import { NumberField, SelectField, optionsOf } from '../../components/FormFields';
import { controlValue, type ModeControlsProps } from '../../components/ModeControls';

export function VectorControls({ preset, controls, errors, onChange }: ModeControlsProps) {
  const strokeDefault = DEFAULT_STROKE_WIDTH[preset as VectorPreset] ?? null;
  const stroke = controls.strokeWidth;
  return (
    <div className="controls-grid">
      <SelectField
        label="Colour"
        value={controlValue(controls, 'colourMode', 'mono')}
        options={optionsOf(VECTOR_COLOUR_MODES, { mono: 'Monochrome', duotone: 'Duotone', full: 'Full colour' })}
        onChange={(v) => onChange('colourMode', v)}
        error={errors.colourMode}
      />
      {strokeDefault !== null && (
        <NumberField
          label="Stroke width"
          value={typeof stroke === 'number' ? stroke : null}
          placeholder={`${strokeDefault} (style default)`}
          min={STROKE_WIDTH_MIN}
          max={STROKE_WIDTH_MAX}
          step={0.25}
          onChange={(v) => onChange('strokeWidth', v ?? undefined)}
          error={errors.strokeWidth}
        />
      )}
    </div>
  );
}
