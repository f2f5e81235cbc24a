/**
 * Palette files from the colours actually used: GIMP's `.gpl` (also read by Aseprite,
 * Krita, Inkscape) and the Lospec `.hex` list (one `rrggbb` per line). Transparent pixels are
 * not a colour; colours are listed most used first, at most 256 (what indexed art can use).
 */
import { ALPHA_THRESHOLD, type RgbaImage } from './raster';

export const PALETTE_MAX = 256;

export interface UsedPalette {
  /** `0xRRGGBB`, most used first (ties by value, so the order is stable). */
  readonly colours: ReadonlyArray<number>;
  /** How many distinct colours there were before the cap. */
  readonly distinct: number;
}

export function usedPalette(images: ReadonlyArray<RgbaImage>, max = PALETTE_MAX): UsedPalette {
  const counts = new Map<number, number>();
  for (const { data } of images) {
    for (let i = 0; i < data.length; i += 4) {
      if ((data[i + 3] ?? 0) < ALPHA_THRESHOLD) continue;
      const key = ((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([colour]) => colour);
  return { colours: sorted.slice(0, max), distinct: sorted.length };
}

const hex = (colour: number): string => colour.toString(16).padStart(6, '0');

/** GIMP palette: header, `Name:`, `Columns:`, `#`, then `R G B<TAB>name` lines (GIMP's gimppalette-load.c). */
export function toGpl(colours: ReadonlyArray<number>, name: string): string {
  const safeName = name.replace(/[\r\n]+/g, ' ').slice(0, 100) || 'WokGen palette';
  const lines = colours.map((colour) => {
    const channel = (shift: number) => String((colour >> shift) & 0xff).padStart(3, ' ');
    return `${channel(16)} ${channel(8)} ${channel(0)}\t#${hex(colour)}`;
  });
  return ['GIMP Palette', `Name: ${safeName}`, `Columns: ${Math.min(16, Math.max(1, colours.length))}`, '#', ...lines, ''].join('\n');
}

export function toHex(colours: ReadonlyArray<number>): string {
  return colours.map((colour) => `${hex(colour)}\n`).join('');
}
