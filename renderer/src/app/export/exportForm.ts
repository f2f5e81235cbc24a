/**
 * The export dialog's model, as pure functions: each format's default options, the options a
 * user changed merged over them, and the progress shown while an export runs.
 */
import type { ExportFormatInfo, ExportOptionSpec, ExportProgress } from '../../../../shared/exports';

export type OptionValues = Record<string, string | number | boolean | ReadonlyArray<string>>;

export function defaultValue(spec: ExportOptionSpec): OptionValues[string] {
  return spec.type === 'multi' ? [...spec.default] : spec.default;
}

export function defaultOptions(format: ExportFormatInfo): OptionValues {
  return Object.fromEntries(format.options.map((spec) => [spec.key, defaultValue(spec)]));
}

/** Toggles `value` in a multi option, keeping the choices' order and never emptying it. */
export function toggleChoice(spec: Extract<ExportOptionSpec, { type: 'multi' }>, current: ReadonlyArray<string>, value: string): string[] {
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  if (next.length === 0) return [...current];
  return spec.choices.map((choice) => choice.value).filter((v) => next.includes(v));
}

/** 0..1 across the phases: reading/rendering take most of the time, writing the rest. */
export function progressFraction(progress: ExportProgress | null): number {
  if (progress === null || progress.total === 0) return 0;
  const part = progress.done / progress.total;
  if (progress.phase === 'importing') return part;
  return progress.phase === 'writing' ? 0.9 + 0.1 * part : 0.9 * part;
}

export function progressLabel(progress: ExportProgress | null): string {
  if (progress === null) return 'Starting…';
  if (progress.phase === 'writing') return 'Saving…';
  if (progress.phase === 'importing') return `Importing ${progress.done} of ${progress.total}…`;
  return `Rendering ${progress.done} of ${progress.total}…`;
}
