/**
 * The bench's only output format: one JSON object per line on stdout, nothing else, so CI
 * (and a human with `jq`) can compare figures against their targets. Progress and
 * diagnostics go to stderr.
 */

export interface Figure {
  /** `<area>.<measure>_<unit>`, stable across runs: CI keys history on it. */
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** The bound the issue set; `better` says which side of it passes. */
  readonly target: number;
  readonly better: 'higher' | 'lower';
}

/** Three decimals: more is noise at these timings and only makes the lines harder to read. */
function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

export function formatFigure(figure: Figure): string {
  const { name, value, unit, target, better } = figure;
  return JSON.stringify({ name, value: round(value), unit, target, better });
}

export function emit(figure: Figure, write: (line: string) => void = (line) => process.stdout.write(line)): void {
  write(`${formatFigure(figure)}\n`);
}

export function meetsTarget({ value, target, better }: Figure): boolean {
  return better === 'higher' ? value >= target : value <= target;
}

/** Progress for the person watching; never on stdout. */
export function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}
