import { describe, expect, it } from 'vitest';
import { VECTOR_SPEC, VectorRequestSchema, resolveStrokeWidth, type VectorRequestInput } from './vector';

const WORKSPACE = '3f1c2a4e-8b7d-4c2a-9e1f-0a1b2c3d4e5f';
const base: VectorRequestInput = { mode: 'vector', workspaceId: WORKSPACE, prompt: 'settings gear' };

function issues(input: unknown) {
  const result = VectorRequestSchema.safeParse(input);
  if (result.success) throw new Error('expected the request to be rejected');
  return result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

describe('VectorRequestSchema', () => {
  it('fills every default', () => {
    const request = VectorRequestSchema.parse(base);
    expect(request).toMatchObject({
      mode: 'vector',
      tool: 'icon',
      preset: 'outline',
      size: 48,
      batch: 1,
      seed: null,
      hd: false,
      negativePrompt: '',
      controls: { colourMode: 'mono' },
    });
    expect(request.controls.strokeWidth).toBeUndefined();
  });

  it('keeps the values it is given', () => {
    const request = VectorRequestSchema.parse({
      ...base,
      tool: 'illustration',
      preset: 'filled',
      size: 512,
      batch: 2,
      controls: { strokeWidth: 3.5, colourMode: 'full' },
    });
    expect(request).toMatchObject({ tool: 'illustration', preset: 'filled', size: 512, batch: 2, controls: { strokeWidth: 3.5, colourMode: 'full' } });
  });

  it.each([
    [{ tool: 'logo' }, 'tool', 'Choose a Vector tool: icon or illustration.'],
    [{ preset: 'pixel' }, 'preset', 'Choose a Vector style: outline, filled, rounded or sharp.'],
    [{ size: 23 }, 'size', 'Size must be between 24 and 512.'],
    [{ size: 513 }, 'size', 'Size must be between 24 and 512.'],
    [{ size: 48.5 }, 'size', undefined],
    [{ batch: 5 }, 'batch', 'Batch must be 1 to 4.'],
    [{ tool: 'illustration', batch: 3 }, 'batch', 'The Illustration tool makes at most 2 at a time.'],
    [{ controls: { strokeWidth: 0.25 } }, 'controls.strokeWidth', 'Stroke width must be between 0.5 and 4.'],
    [{ controls: { strokeWidth: 4.5 } }, 'controls.strokeWidth', 'Stroke width must be between 0.5 and 4.'],
    [{ controls: { strokeWidth: 1.3 } }, 'controls.strokeWidth', 'Stroke width must be a multiple of 0.25.'],
    [{ controls: { colourMode: 'rainbow' } }, 'controls.colourMode', 'Colour mode must be mono, duotone or full.'],
    [{ controls: { palette: 4 } }, 'controls', 'Unknown controls field: “palette”.'],
    [{ controls: 'mono' }, 'controls', 'The controls must be an object.'],
    [{ mode: 'pixel' }, 'mode', 'This request is not for the Vector mode.'],
    [{ extra: true, steps: 3 }, '', 'Unknown request fields: “extra”, “steps”.'],
  ])('rejects %j at %s', (patch, path, message) => {
    const found = issues({ ...base, ...patch });
    expect(found.map((issue) => issue.path)).toContain(path);
    if (message !== undefined) expect(found.find((issue) => issue.path === path)?.message).toBe(message);
  });

  it('reports the tool batch limit beside other errors', () => {
    const found = issues({ ...base, tool: 'illustration', batch: 3, size: 9000 });
    expect(found.map((issue) => issue.path).sort()).toEqual(['batch', 'size']);
  });

  it('reports one batch message when the batch is over 4', () => {
    expect(issues({ ...base, tool: 'illustration', batch: 7 })).toEqual([{ path: 'batch', message: 'Batch must be 1 to 4.' }]);
  });

  it('accepts the largest batch each tool allows', () => {
    for (const tool of VECTOR_SPEC.tools) {
      expect(VectorRequestSchema.safeParse({ ...base, tool: tool.id, batch: tool.maxBatch }).success).toBe(true);
    }
  });

  it.each([null, 'request', 3, [], undefined])('rejects the non-object %j with a sentence', (payload) => {
    expect(issues(payload)).toEqual([{ path: '', message: 'The request must be an object.' }]);
  });

  it('writes every message as a sentence', () => {
    const found = issues({ ...base, tool: 'x', preset: 'y', size: 1, junk: 1, controls: { strokeWidth: 9, colourMode: 'z', junk: 2 } });
    expect(found.length).toBeGreaterThanOrEqual(7);
    for (const issue of found) expect(issue.message).toMatch(/^[A-Z].*\.$/);
  });
});

describe('VECTOR_SPEC', () => {
  it('matches the mode facts', () => {
    expect(VECTOR_SPEC.tools.map((tool) => [tool.id, tool.output, tool.maxBatch])).toEqual([
      ['icon', 'svg', 4],
      ['illustration', 'svg', 2],
    ]);
    expect(VECTOR_SPEC.presets.map((preset) => preset.id)).toEqual(['outline', 'filled', 'rounded', 'sharp']);
    expect(VECTOR_SPEC.sizes).toMatchObject({ min: 24, max: 512, default: 48 });
    expect(VECTOR_SPEC.sizes.choices.every((size) => size >= 24 && size <= 512)).toBe(true);
    expect(VECTOR_SPEC.hdCreditsPerGeneration).toBe(2);
  });
});

describe('resolveStrokeWidth', () => {
  it.each([
    ['outline', undefined, 2],
    ['rounded', undefined, 2],
    ['sharp', undefined, 1.5],
    ['filled', undefined, null],
    ['outline', 3, 3],
    ['filled', 3, null],
  ] as const)('%s with %s → %s', (preset, strokeWidth, expected) => {
    expect(resolveStrokeWidth(preset, { strokeWidth })).toBe(expected);
  });
});
