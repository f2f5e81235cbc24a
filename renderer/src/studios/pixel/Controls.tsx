/** The pixel studio's own controls (shared/mode-specs/pixel.ts): look, palette, outline; rotate and animate settings for those tools. */
import {
  ANIMATION_TIMING,
  ANIMATION_TYPES,
  ASSET_CATEGORIES,
  BACKGROUND_MODES,
  DEFAULT_PIXEL_CONTROLS,
  FRAME_COUNT,
  OUTLINE_STYLES,
  PALETTE_SIZES,
  PIXEL_ERAS,
  ROTATE_DIRECTIONS,
  type AnimationType,
} from '../../../../shared/mode-specs/pixel';
import { NumberField, SelectField, optionsOf } from '../../components/FormFields';
import { controlValue, type ModeControlsProps } from '../../components/ModeControls';

const ERA_LABELS = { nes: 'NES', gameboy: 'Game Boy', snes: 'SNES', gba: 'GBA', modern: 'Modern', none: 'Any' };
const CATEGORY_LABELS = { none: 'Any', ui: 'UI' };

export function PixelControls({ tool, controls, errors, onChange }: ModeControlsProps) {
  const d = DEFAULT_PIXEL_CONTROLS;
  return (
    <div className="controls-grid">
      <SelectField
        label="Category"
        value={controlValue(controls, 'assetCategory', d.assetCategory)}
        options={optionsOf(ASSET_CATEGORIES, CATEGORY_LABELS)}
        onChange={(v) => onChange('assetCategory', v)}
        error={errors.assetCategory}
      />
      <SelectField
        label="Era"
        value={controlValue(controls, 'pixelEra', d.pixelEra)}
        options={optionsOf(PIXEL_ERAS, ERA_LABELS)}
        onChange={(v) => onChange('pixelEra', v)}
        error={errors.pixelEra}
      />
      <SelectField
        label="Background"
        value={controlValue(controls, 'backgroundMode', d.backgroundMode)}
        options={optionsOf(BACKGROUND_MODES)}
        onChange={(v) => onChange('backgroundMode', v)}
        error={errors.backgroundMode}
      />
      <SelectField
        label="Outline"
        value={controlValue(controls, 'outlineStyle', d.outlineStyle)}
        options={optionsOf(OUTLINE_STYLES)}
        onChange={(v) => onChange('outlineStyle', v)}
        error={errors.outlineStyle}
      />
      <SelectField
        label="Palette"
        value={controlValue(controls, 'paletteSize', d.paletteSize)}
        options={PALETTE_SIZES.map((n) => ({ value: n, label: `${n} colours` }))}
        onChange={(v) => onChange('paletteSize', v)}
        error={errors.paletteSize}
      />
      {tool === 'rotate' && (
        <SelectField
          label="Directions"
          value={controlValue(controls, 'rotateDirections', d.rotateDirections)}
          options={ROTATE_DIRECTIONS.map((n) => ({ value: n, label: `${n} directions` }))}
          onChange={(v) => onChange('rotateDirections', v)}
          error={errors.rotateDirections}
        />
      )}
      {tool === 'animate' && (
        <>
          <SelectField
            label="Animation"
            value={controlValue(controls, 'animationType', d.animationType)}
            options={optionsOf(ANIMATION_TYPES)}
            onChange={(v: AnimationType) => {
              onChange('animationType', v);
              onChange('frameCount', ANIMATION_TIMING[v].frames);
            }}
            error={errors.animationType}
          />
          <NumberField
            label="Frames"
            value={controlValue(controls, 'frameCount', d.frameCount)}
            min={FRAME_COUNT.min}
            max={FRAME_COUNT.max}
            onChange={(v) => onChange('frameCount', v ?? undefined)}
            error={errors.frameCount}
          />
        </>
      )}
    </div>
  );
}
