/**
 * Test support: real images made with sharp, metadata fixtures, throw-away workspace
 * folders. Not imported by app code.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { newRowId } from '../library';
import { writeManifest } from '../workspaces/manifest';
import type { AssetMetadata } from './asset-metadata';
import type { AssetMetadataInput } from './asset-writer';

/** A PNG of `width`×`height` with a deterministic, non-flat pattern (so pixel checks mean something). */
export async function patternPng(width: number, height: number, channels: 3 | 4 = 4): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * channels);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const i = (y * width + x) * channels;
      raw[i] = (x * 7) & 0xff;
      raw[i + 1] = (y * 13) & 0xff;
      raw[i + 2] = ((x ^ y) * 3) & 0xff;
      if (channels === 4) raw[i + 3] = 255 - ((x + y) & 0x3f);
    }
  }
  return sharp(raw, { raw: { width, height, channels } }).png().toBuffer();
}

/** Pixel art: blocks of `block`×`block` pixels, each one of four flat colours. */
export async function pixelArtPng(size: number, block: number): Promise<Buffer> {
  const palette = [
    [255, 0, 0],
    [0, 128, 255],
    [255, 255, 0],
    [20, 20, 20],
  ] as const;
  const raw = Buffer.alloc(size * size * 3);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const colour = palette[(Math.floor(x / block) + 2 * Math.floor(y / block)) % 4] ?? palette[0];
      raw.set(colour, (y * size + x) * 3);
    }
  }
  return sharp(raw, { raw: { width: size, height: size, channels: 3 } }).png().toBuffer();
}

export async function rawPixels(image: Uint8Array): Promise<{ data: Buffer; width: number; height: number; channels: number }> {
  const { data, info } = await sharp(image).raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}

/** Every string field a hostile prompt could abuse, in one. */
export const HOSTILE_TEXT = 'a "knight" </metadata> */ --> <!-- ]]> <script>&amp; \' \\ ✨ 日本語 \u0000\u0007 \u2028 \ufffe end';

export function metadataInput(overrides: Partial<AssetMetadataInput> = {}): AssetMetadataInput {
  return {
    assetId: newRowId(),
    jobId: newRowId(),
    workspaceId: newRowId(),
    mode: 'pixel',
    tool: 'generate',
    preset: 'character',
    prompt: 'a knight with a red cape, pixel art',
    negativePrompt: 'blurry, photorealistic',
    seed: 123,
    provider: 'comfyui',
    model: 'sdxl-base',
    steps: 20,
    guidance: 7.5,
    sampler: 'euler',
    width: 1024,
    height: 1024,
    slot: 0,
    createdAt: Date.UTC(2025, 2, 14, 12, 0, 0),
    ...overrides,
  };
}

export function fullMetadata(overrides: Partial<AssetMetadata> = {}): AssetMetadata {
  return { format: 1, app: 'wokgen-studio', role: 'processed', ...metadataInput(), ...overrides };
}

/** A temp folder per test; `workspace()` makes a real workspace folder with its manifest. */
export class TempFolders {
  private readonly dirs: string[] = [];

  make(prefix = 'wokgen-assets-'): string {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    this.dirs.push(dir);
    return dir;
  }

  workspace(id: string = newRowId(), mode: AssetMetadata['mode'] = 'pixel'): { folder: string; id: string } {
    const folder = join(this.make(), 'My Workspace');
    writeManifest(folder, { id, name: 'My Workspace', mode, createdAt: 1_000 });
    return { folder, id };
  }

  cleanup(): void {
    for (const dir of this.dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  }
}
