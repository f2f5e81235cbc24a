import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { EmojiRequestSchema, type EmojiRequest } from '../../../../shared/mode-specs/emoji';
import { emojiEngine } from './index';
import { PADDING } from './layout';
import { postProcessEmoji } from './post-process';

const request = (overrides: Record<string, unknown> = {}): EmojiRequest =>
  EmojiRequestSchema.parse({ mode: 'emoji', workspaceId: '3f1c2a4e-8b7d-4c2e-9a1f-2b3c4d5e6f70', prompt: 'x', ...overrides });
const live = () => new AbortController().signal;

/** A provider-like render: an SVG drawn by sharp onto a `background`, as JPEG (with its noise) or PNG. */
async function render(shapes: string, options: { size?: number; background?: string; format?: 'jpeg' | 'png' } = {}): Promise<Uint8Array> {
  const size = options.size ?? 768;
  const background = options.background ?? '#ffffff';
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}"><rect width="100%" height="100%" fill="${background}"/>${shapes}</svg>`;
  const image = sharp(Buffer.from(svg));
  return options.format === 'png' ? image.png().toBuffer() : image.jpeg({ quality: 85 }).toBuffer();
}

/** An off-centre face: orange disc, dark outline, two white eyes with dark pupils. */
const FACE = `<circle cx="260" cy="300" r="150" fill="#f59e0b" stroke="#1f1300" stroke-width="10"/>
  <circle cx="215" cy="270" r="28" fill="#ffffff" stroke="#1f1300" stroke-width="6"/><circle cx="215" cy="270" r="8" fill="#1f1300"/>
  <circle cx="305" cy="270" r="28" fill="#ffffff" stroke="#1f1300" stroke-width="6"/><circle cx="305" cy="270" r="8" fill="#1f1300"/>`;

interface Decoded {
  width: number;
  height: number;
  channels: number;
  alpha: (x: number, y: number) => number;
  /** Bounds of alpha ≥ 128. */
  bounds: { left: number; top: number; right: number; bottom: number };
  alphaValues: Set<number>;
}

async function decode(png: Uint8Array): Promise<Decoded> {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const alpha = (x: number, y: number) => data[(y * info.width + x) * info.channels + info.channels - 1] ?? -1;
  const bounds = { left: info.width, top: info.height, right: -1, bottom: -1 };
  const alphaValues = new Set<number>();
  for (let y = 0; y < info.height; y++) {
    for (let x = 0; x < info.width; x++) {
      alphaValues.add(alpha(x, y));
      if (alpha(x, y) < 128) continue;
      bounds.left = Math.min(bounds.left, x);
      bounds.right = Math.max(bounds.right, x);
      bounds.top = Math.min(bounds.top, y);
      bounds.bottom = Math.max(bounds.bottom, y);
    }
  }
  return { width: info.width, height: info.height, channels: info.channels, alpha, bounds, alphaValues };
}

const centreOf = (b: Decoded['bounds']) => [(b.left + b.right + 1) / 2, (b.top + b.bottom + 1) / 2];

describe('postProcessEmoji', () => {
  it.each([16, 32, 48, 64, 128, 256])('delivers exactly %i×%i, transparent corners, subject centred with padding', async (size) => {
    const out = await postProcessEmoji(request({ size }), { bytes: await render(FACE), mime: 'image/jpeg' }, live());
    expect([out.width, out.height]).toEqual([size, size]);
    expect(out).toMatchObject({ kind: 'image', mime: 'image/png', extension: 'png' });
    const meta = await sharp(out.bytes).metadata();
    expect([meta.format, meta.width, meta.height, meta.hasAlpha]).toEqual(['png', size, size, true]);

    const img = await decode(out.bytes);
    for (const [x, y] of [[0, 0], [size - 1, 0], [0, size - 1], [size - 1, size - 1]] as const) expect(img.alpha(x, y), `corner ${x},${y}`).toBe(0);
    // The disc was at (260, 300) in a 768 render; it now sits in the middle.
    const [cx, cy] = centreOf(img.bounds);
    const slack = Math.max(1, size / 32);
    expect(Math.abs((cx ?? 0) - size / 2)).toBeLessThanOrEqual(slack);
    expect(Math.abs((cy ?? 0) - size / 2)).toBeLessThanOrEqual(slack);
    // A round subject spans the square minus the padding on each side.
    const span = img.bounds.right - img.bounds.left + 1;
    expect(Math.abs(span - size * (1 - 2 * PADDING))).toBeLessThanOrEqual(Math.max(1.5, size * 0.02));
  });

  it('keeps the whites of the eyes (enclosed background colour) opaque', async () => {
    const out = await postProcessEmoji(request({ size: 256 }), { bytes: await render(FACE, { format: 'png' }), mime: 'image/png' }, live());
    const img = await decode(out.bytes);
    // Eye white between the outline and the pupil: left eye at (215−20, 270) of a disc centred (260, 300) r 155.
    const scale = (256 * (1 - 2 * PADDING)) / 320;
    const x = Math.round(128 + (195 - 260) * scale);
    const y = Math.round(128 + (270 - 300) * scale);
    expect(img.alpha(x, y)).toBe(255);
  });

  it('centres a wide subject on the long edge and the short one', async () => {
    const wide = '<ellipse cx="300" cy="500" rx="240" ry="80" fill="#3b82f6" stroke="#0b1b3a" stroke-width="8"/>';
    const out = await postProcessEmoji(request({ size: 100 }), { bytes: await render(wide), mime: 'image/jpeg' }, live());
    const img = await decode(out.bytes);
    const [cx, cy] = centreOf(img.bounds);
    expect(Math.abs((cx ?? 0) - 50)).toBeLessThanOrEqual(1);
    expect(Math.abs((cy ?? 0) - 50)).toBeLessThanOrEqual(1);
    expect(img.bounds.right - img.bounds.left + 1).toBeGreaterThanOrEqual(82);
    expect(img.bounds.bottom - img.bounds.top + 1).toBeLessThan(35);
  });

  it('removes a non-white flat background too', async () => {
    const out = await postProcessEmoji(request(), { bytes: await render(FACE, { background: '#c8d2dc' }), mime: 'image/jpeg' }, live());
    const img = await decode(out.bytes);
    expect([img.alpha(0, 0), img.alpha(63, 63)]).toEqual([0, 0]);
    expect(out.notes.some((n) => /^background #c[0-9a-f]d[0-9a-f]d[0-9a-f] made transparent/.test(n))).toBe(true);
  });

  it('ignores a stray speck when centring', async () => {
    const withSpeck = `${FACE}<rect x="700" y="40" width="3" height="3" fill="#000000"/>`;
    const out = await postProcessEmoji(request({ size: 64 }), { bytes: await render(withSpeck, { format: 'png' }), mime: 'image/png' }, live());
    const img = await decode(out.bytes);
    const [cx, cy] = centreOf(img.bounds);
    expect(Math.abs((cx ?? 0) - 32)).toBeLessThanOrEqual(2);
    expect(Math.abs((cy ?? 0) - 32)).toBeLessThanOrEqual(2);
    expect(out.notes).toContain('removed 1 stray speck');
  });

  it('keeps pixel emoji crisp: nearest-neighbour, no partial alpha', async () => {
    const blocky = '<rect x="192" y="192" width="384" height="384" fill="#22c55e"/><rect x="288" y="288" width="96" height="96" fill="#14532d"/>';
    const out = await postProcessEmoji(request({ preset: 'pixel_emoji', size: 32 }), { bytes: await render(blocky, { format: 'png' }), mime: 'image/png' }, live());
    const img = await decode(out.bytes);
    expect([...img.alphaValues].sort((a, b) => a - b)).toEqual([0, 255]);
    expect(out.notes).toContain('resized to 32×32 (nearest)');
    expect(out.notes.some((n) => n.includes('feathered'))).toBe(false);
  });

  it('feathers the edge of smooth styles', async () => {
    const out = await postProcessEmoji(request({ preset: 'expressive', size: 128 }), { bytes: await render(FACE), mime: 'image/jpeg' }, live());
    expect(out.notes.some((n) => n.includes('feathered edge'))).toBe(true);
    expect(out.notes).toContain('resized to 128×128 (lanczos3)');
  });

  it('uses the alpha of a render that is already transparent', async () => {
    const transparent = await sharp({ create: { width: 512, height: 512, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .composite([{ input: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200"><circle cx="100" cy="100" r="90" fill="#ef4444"/></svg>'), left: 20, top: 30 }])
      .png()
      .toBuffer();
    const out = await postProcessEmoji(request(), { bytes: transparent, mime: 'image/png' }, live());
    expect(out.notes).toContain('background was already transparent');
    const img = await decode(out.bytes);
    const [cx, cy] = centreOf(img.bounds);
    expect(Math.abs((cx ?? 0) - 32)).toBeLessThanOrEqual(1);
    expect(Math.abs((cy ?? 0) - 32)).toBeLessThanOrEqual(1);
  });

  it('keeps a busy background rather than cutting into the subject, and says so', async () => {
    const stripes = Array.from({ length: 24 }, (_, i) => `<rect x="${i * 32}" y="0" width="32" height="768" fill="hsl(${i * 15}, 80%, 50%)"/>`).join('');
    const out = await postProcessEmoji(request(), { bytes: await render(stripes), mime: 'image/jpeg' }, live());
    expect([out.width, out.height]).toEqual([64, 64]);
    expect(out.notes.some((n) => n.startsWith('background kept'))).toBe(true);
  });

  it('refuses a render that is only background', async () => {
    await expect(postProcessEmoji(request(), { bytes: await render(''), mime: 'image/jpeg' }, live())).rejects.toThrow(/only background/);
  });

  it('refuses bytes that are not an image', async () => {
    await expect(postProcessEmoji(request(), { bytes: new Uint8Array([1, 2, 3]), mime: 'image/png' }, live())).rejects.toThrow(/^The provider's image could not be read/);
  });

  it('throws before any work when already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(emojiEngine.postProcess(request(), { bytes: await render(FACE), mime: 'image/jpeg' }, controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('checks for cancellation between every step', async () => {
    const bytes = await render(FACE);
    for (const abortAtCheck of [2, 3, 4, 5]) {
      let checks = 0;
      const signal = {
        throwIfAborted() {
          checks++;
          if (checks >= abortAtCheck) throw new DOMException('cancelled', 'AbortError');
        },
      } as unknown as AbortSignal;
      await expect(postProcessEmoji(request(), { bytes, mime: 'image/jpeg' }, signal)).rejects.toMatchObject({ name: 'AbortError' });
      expect(checks).toBe(abortAtCheck);
    }
  });
});
