/**
 * Exact palette limits. sharp's palette PNG takes a colour count but passes it on as a PNG bit
 * depth (sharp/dist/output.cjs `bitdepthFromColourCount`: 1, 2, 4 or 8 bits), so libimagequant
 * is allowed 2, 4, 16 or 256 entries: asking for 8 gives up to 16, asking for 32 or 64 up to 256.
 * After libimagequant has done the hard part (≤ 256 colours), this merges the closest colours
 * until the image has at most the palette size the user chose.
 *
 * Merging is Ward's agglomerative clustering over the image's colours: each step joins the two
 * clusters whose merge adds the least squared error (distance² × wa·wb / (wa + wb)), so large flat
 * areas keep their exact colour and rare in-between shades fold into their neighbours.
 * Deterministic: ties go to the first pair in colour order.
 */
import type { RgbaImage } from './raster';

interface Cluster {
  r: number;
  g: number;
  b: number;
  /** Pixel count. */
  w: number;
  /** Packed 0xRRGGBB colours of the image that belong to this cluster. */
  members: number[];
}

/** Above this many colours the O(n³) merge would be slow; libimagequant runs first and leaves ≤ 256. */
export const MAX_MERGE_COLOURS = 1024;

function mergeCost(a: Cluster, b: Cluster): number {
  const dr = a.r - b.r;
  const dg = a.g - b.g;
  const db = a.b - b.b;
  return ((dr * dr + dg * dg + db * db) * a.w * b.w) / (a.w + b.w);
}

/**
 * Reduces the image, in place, to at most `maxColours` distinct RGBA values, the transparent one
 * included (as sharp counts). Expects crisp alpha (0 or 255). Returns the resulting count.
 */
export function limitColours(image: RgbaImage, maxColours: number): number {
  const { data } = image;
  const histogram = new Map<number, number>();
  let transparent = false;
  for (let i = 0; i < data.length; i += 4) {
    if ((data[i + 3] as number) === 0) {
      transparent = true;
      continue;
    }
    const packed = ((data[i] as number) << 16) | ((data[i + 1] as number) << 8) | (data[i + 2] as number);
    histogram.set(packed, (histogram.get(packed) ?? 0) + 1);
  }
  const budget = Math.max(1, maxColours - (transparent ? 1 : 0));
  if (histogram.size <= budget) return histogram.size + (transparent ? 1 : 0);
  if (histogram.size > MAX_MERGE_COLOURS) throw new Error(`limitColours expects at most ${MAX_MERGE_COLOURS} colours, got ${histogram.size}`);

  const clusters: Cluster[] = [...histogram.entries()]
    .sort(([a], [b]) => a - b)
    .map(([packed, w]) => ({ r: (packed >> 16) & 0xff, g: (packed >> 8) & 0xff, b: packed & 0xff, w, members: [packed] }));

  while (clusters.length > budget) {
    let best = Number.POSITIVE_INFINITY;
    let bi = 0;
    let bj = 1;
    for (let i = 0; i < clusters.length; i += 1) {
      const a = clusters[i] as Cluster;
      for (let j = i + 1; j < clusters.length; j += 1) {
        const cost = mergeCost(a, clusters[j] as Cluster);
        if (cost < best) {
          best = cost;
          bi = i;
          bj = j;
        }
      }
    }
    const a = clusters[bi] as Cluster;
    const b = clusters[bj] as Cluster;
    const w = a.w + b.w;
    clusters[bi] = { r: (a.r * a.w + b.r * b.w) / w, g: (a.g * a.w + b.g * b.w) / w, b: (a.b * a.w + b.b * b.w) / w, w, members: [...a.members, ...b.members] };
    clusters.splice(bj, 1);
  }

  const remap = new Map<number, readonly [number, number, number]>();
  for (const cluster of clusters) {
    const colour = [Math.round(cluster.r), Math.round(cluster.g), Math.round(cluster.b)] as const;
    for (const member of cluster.members) remap.set(member, colour);
  }
  for (let i = 0; i < data.length; i += 4) {
    if ((data[i + 3] as number) === 0) continue;
    const colour = remap.get(((data[i] as number) << 16) | ((data[i + 1] as number) << 8) | (data[i + 2] as number));
    if (colour === undefined) continue;
    data[i] = colour[0];
    data[i + 1] = colour[1];
    data[i + 2] = colour[2];
  }
  // Two clusters can round to the same colour; count what is really there.
  return new Set(clusters.map((c) => (Math.round(c.r) << 16) | (Math.round(c.g) << 8) | Math.round(c.b))).size + (transparent ? 1 : 0);
}
