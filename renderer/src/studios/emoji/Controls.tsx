/** The emoji studio's own controls (shared/mode-specs/emoji.ts): expression and subject hints. */
import { EMOJI_EXPRESSIONS, EMOJI_SUBJECTS } from '../../../../shared/mode-specs/emoji';
import { SelectField, optionsOf } from '../../components/FormFields';
import { controlValue, type ModeControlsProps } from '../../components/ModeControls';

export function EmojiControls({ controls, errors, onChange }: ModeControlsProps) {
  return (
    <div className="controls-grid">
      <SelectField
        label="Expression"
        value={controlValue(controls, 'expression', 'auto')}
        options={optionsOf(EMOJI_EXPRESSIONS)}
        onChange={(v) => onChange('expression', v)}
        error={errors.expression}
      />
      <SelectField
        label="Subject"
        value={controlValue(controls, 'subject', 'auto')}
        options={optionsOf(EMOJI_SUBJECTS)}
        onChange={(v) => onChange('subject', v)}
        error={errors.subject}
      />
    </div>
  );
}
