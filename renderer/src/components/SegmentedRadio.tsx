/**
 * A small row of radio buttons (preview widths, result variants) with the WAI-ARIA radio
 * group keyboard pattern: one tab stop (the checked one), arrow keys move and select,
 * Home/End jump to the ends (https://www.w3.org/WAI/ARIA/apg/patterns/radio/).
 */
import { useRef, type KeyboardEvent } from 'react';

export interface SegmentedRadioProps<T extends string | number> {
  readonly label: string;
  readonly options: ReadonlyArray<{ readonly value: T; readonly label: string }>;
  readonly value: T;
  readonly onChange: (value: T) => void;
}

/** The index an arrow/Home/End key moves to from `index`, or null for other keys. */
export function radioKeyTarget(key: string, index: number, count: number): number | null {
  if (count === 0) return null;
  if (key === 'ArrowRight' || key === 'ArrowDown') return (index + 1) % count;
  if (key === 'ArrowLeft' || key === 'ArrowUp') return (index - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
}

export function SegmentedRadio<T extends string | number>({ label, options, value, onChange }: SegmentedRadioProps<T>) {
  const refs = useRef<Array<HTMLButtonElement | null>>([]);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const target = radioKeyTarget(event.key, Math.max(0, options.findIndex((o) => o.value === value)), options.length);
    const option = target === null ? undefined : options[target];
    if (target === null || option === undefined) return;
    event.preventDefault();
    onChange(option.value);
    refs.current[target]?.focus();
  };
  return (
    <div className="segmented" role="radiogroup" aria-label={label} onKeyDown={onKeyDown}>
      {options.map((option, i) => {
        const checked = option.value === value;
        return (
          <button
            key={String(option.value)}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            role="radio"
            aria-checked={checked}
            tabIndex={checked ? 0 : -1}
            className="segmented-option"
            onClick={() => onChange(option.value)}
          >
            {option.label}
          </button>
        );
      })}
    </div>
  );
}
