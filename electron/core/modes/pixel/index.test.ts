import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { PIXEL_SPEC } from '../../../../shared/mode-specs/pixel';
import { pixelEngine } from './index';
import { pixelRequest, WORKSPACE_ID } from './test-support';

describe('pixelEngine', () => {
  it('is the pixel mode with its spec and schema', () => {
    expect(pixelEngine.mode).toBe('pixel');
    expect(pixelEngine.spec).toBe(PIXEL_SPEC);
    expect(pixelEngine.requestSchema.safeParse({ workspaceId: WORKSPACE_ID, prompt: 'x', mode: 'pixel' }).success).toBe(true);
    expect(pixelEngine.requestSchema.safeParse({ workspaceId: WORKSPACE_ID, prompt: 'x', mode: 'emoji' }).success).toBe(false);
    expect(pixelEngine.conflictingTerms).toContain('photorealistic');
  });

  it('runs a request end to end: prompt, negatives, profile, variants, post-processing', async () => {
    const request = pixelRequest({ preset: 'weapon_icon', size: 32, batch: 4, controls: { paletteSize: 8 } });
    expect(pixelEngine.buildPrompt(request, 'flaming sword', { compact: false })).toMatch(/^flaming sword, pixel art, 32x32 sprite resolution, weapon sprite, /);
    expect(pixelEngine.negativeBank(request)[0]).toBe('blurry');
    expect(pixelEngine.qualityProfile(request, 'standard')).toMatchObject({ steps: 20, width: 512 });
    expect(new Set([1, 2, 3].map((slot) => pixelEngine.variantMutation(request, slot as 1 | 2 | 3))).size).toBe(3);
    const provider = await sharp({ create: { width: 512, height: 512, channels: 3, background: '#ffffff' } })
      .composite([{ input: await sharp({ create: { width: 200, height: 200, channels: 3, background: '#cc3300' } }).png().toBuffer(), top: 156, left: 156 }])
      .png()
      .toBuffer();
    const out = await pixelEngine.postProcess(request, { bytes: new Uint8Array(provider), mime: 'image/png' }, new AbortController().signal);
    expect([out.width, out.height, out.mime]).toEqual([32, 32, 'image/png']);
  });

  it('is sealed: imports only shared/, the engine and exporter interfaces, its own folder, node built-ins, sharp and gifenc', () => {
    const folder = import.meta.dirname;
    let checked = 0;
    for (const file of readdirSync(folder).filter((name) => name.endsWith('.ts'))) {
      const source = readFileSync(join(folder, file), 'utf8');
      for (const [, specifier] of source.matchAll(/^(?:import|export)\b[^;]*?\bfrom '([^']+)'/gms)) {
        const allowed =
          specifier!.startsWith('./') ||
          specifier === '../engine' ||
          // The exporter interface (and its test support) is the other core interface a mode implements.
          specifier === '../../exports/exporter' ||
          specifier === '../../exports/testing' ||
          specifier!.startsWith('../../../../shared/') ||
          specifier!.startsWith('node:') ||
          ['sharp', 'vitest', 'zod', 'gifenc'].includes(specifier!);
        expect(allowed, `${file} imports ${specifier}`).toBe(true);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(30);
  });
});
