import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { postProcessVector, traceSizeFor, VectorTraceError } from './post-process';
import { vectorRequest } from './test-fixtures';

/** A black disc on white, drawn by sharp (a real PNG, like a provider's). */
async function blackCircleOnWhite(side = 512): Promise<Uint8Array> {
  const r = Math.round(side * 0.3);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${side}" height="${side}"><rect width="100%" height="100%" fill="#fff"/><circle cx="${side / 2}" cy="${side / 2}" r="${r}" fill="#000"/></svg>`;
  return new Uint8Array(await sharp(Buffer.from(svg)).png().toBuffer());
}

/** Two coloured shapes on white, for duotone and full colour. */
async function twoColourShapes(): Promise<Uint8Array> {
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512"><rect width="512" height="512" fill="#fff"/><rect x="64" y="64" width="200" height="384" fill="#e63946"/><circle cx="360" cy="256" r="110" fill="#1d3557"/></svg>';
  return new Uint8Array(await sharp(Buffer.from(svg)).png().toBuffer());
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const live = () => new AbortController().signal;

async function rasterise(svg: string) {
  return sharp(Buffer.from(svg)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
}

describe('postProcessVector', () => {
  it('traces a black circle into a sanitised, sized SVG that sharp rasterises', async () => {
    const output = await postProcessVector(vectorRequest({ size: 64 }), { bytes: await blackCircleOnWhite(), mime: 'image/png' }, live());
    expect(output).toMatchObject({ kind: 'svg', mime: 'image/svg+xml', extension: 'svg', width: 64, height: 64 });
    const svg = text(output.bytes);
    expect(svg).toMatch(/^<svg /);
    expect(svg).toMatch(/<path [^>]*d="M/);
    expect(svg).toContain('viewBox="0 0 512 512"');
    expect(svg).toContain('width="64"');
    expect(svg).toContain('height="64"');
    expect(svg).toContain('currentColor');
    expect(svg).not.toMatch(/<script|\son\w+=|imagetracer/i);

    const { data, info } = await rasterise(svg);
    expect([info.width, info.height]).toEqual([64, 64]);
    const pixel = (x: number, y: number) => Array.from(data.subarray((y * 64 + x) * 4, (y * 64 + x) * 4 + 4));
    expect(pixel(32, 32)).toEqual([0, 0, 0, 255]); // the disc, in currentColor (black by default)
    expect(pixel(2, 2)[3]).toBe(0); // the white background was removed
    expect(pixel(32, 15)[3]).toBe(255); // inside the disc near its top edge (r = 0.3 × 64 ≈ 19, top at y ≈ 13)
    expect(pixel(32, 10)[3]).toBe(0); // just outside it
    expect(output.notes.join(' ')).toMatch(/Traced at 512×512 px: 1 path in 1 colour\./);
  });

  it('rasterises to exactly the size asked for, at both ends of the range', async () => {
    const bytes = await blackCircleOnWhite(1024);
    for (const size of [24, 512]) {
      const output = await postProcessVector(vectorRequest({ size }), { bytes, mime: 'image/png' }, live());
      const { info } = await rasterise(text(output.bytes));
      expect([info.width, info.height]).toEqual([size, size]);
    }
  });

  it('keeps two colours in duotone and drops the background', async () => {
    const output = await postProcessVector(vectorRequest({ preset: 'filled', controls: { colourMode: 'duotone' } }), { bytes: await twoColourShapes(), mime: 'image/png' }, live());
    const svg = text(output.bytes);
    const fills = new Set([...svg.matchAll(/fill="(#[0-9a-f]{3,6})"/gi)].map((match) => match[1]!.toLowerCase()));
    expect(fills.size).toBe(2);
    expect(fills).not.toContain('#fff');
    expect(svg).not.toContain('currentColor');
    const { data } = await rasterise(svg);
    const at = (x: number, y: number) => Array.from(data.subarray((y * 48 + x) * 4, (y * 48 + x) * 4 + 4));
    expect(at(1, 1)[3]).toBe(0);
    const red = at(Math.round((164 / 512) * 48), 24);
    expect(red[0]).toBeGreaterThan(200);
    expect(red[2]).toBeLessThan(100);
  });

  it('keeps the background in full colour', async () => {
    const output = await postProcessVector(vectorRequest({ tool: 'illustration', size: 256, controls: { colourMode: 'full' } }), { bytes: await twoColourShapes(), mime: 'image/png' }, live());
    const { data } = await rasterise(text(output.bytes));
    expect(Array.from(data.subarray(0, 4))).toEqual([255, 255, 255, 255]);
  });

  it('sanitises an SVG the provider returned instead of tracing it', async () => {
    const providerSvg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" onload="alert(1)"><script>alert(2)</script><path d="M2 2h20v20H2z" fill="#0a0"/></svg>';
    const output = await postProcessVector(vectorRequest({ size: 32, controls: { colourMode: 'full' } }), { bytes: new TextEncoder().encode(providerSvg), mime: 'image/svg+xml' }, live());
    const svg = text(output.bytes);
    expect(svg).not.toMatch(/script|onload/);
    expect(svg).toContain('viewBox="0 0 24 24"');
    expect(svg).toContain('width="32"');
    expect(output.notes[0]).toMatch(/not traced/);
  });

  it('fails with a typed error on a blank image', async () => {
    const blank = await sharp({ create: { width: 256, height: 256, channels: 3, background: '#ffffff' } }).png().toBuffer();
    await expect(postProcessVector(vectorRequest(), { bytes: new Uint8Array(blank), mime: 'image/png' }, live())).rejects.toThrow(VectorTraceError);
  });

  it('stops when the job is cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(postProcessVector(vectorRequest(), { bytes: await blackCircleOnWhite(), mime: 'image/png' }, controller.signal)).rejects.toThrow(/abort/i);
  });

  it('is deterministic: the same bitmap gives the same SVG', async () => {
    const bytes = await twoColourShapes();
    const request = vectorRequest({ controls: { colourMode: 'full' } });
    const [a, b] = await Promise.all([postProcessVector(request, { bytes, mime: 'image/png' }, live()), postProcessVector(request, { bytes, mime: 'image/png' }, live())]);
    expect(text(a.bytes)).toBe(text(b.bytes));
  });
});

describe('traceSizeFor', () => {
  it.each([
    ['icon', false, 512],
    ['icon', true, 512],
    ['illustration', false, 512],
    ['illustration', true, 768],
  ] as const)('%s hd=%s → %i', (tool, hd, size) => {
    expect(traceSizeFor({ tool, hd })).toBe(size);
  });
});
