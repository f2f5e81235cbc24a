import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { patternPng } from '../../assets/testing';
import { sourceOf, testContext } from '../../exports/testing';
import { DISCORD_PACK, SLACK_PACK, fitUnderLimit } from './export-limits';
import { EMOJI_EXPORTERS, emojiDiscord, emojiPng, emojiSlack, emojiZip } from './exports';

/** Noise: the worst case for PNG compression, so size limits are really exercised. */
async function noisePng(edge: number): Promise<Uint8Array> {
  const raw = Buffer.alloc(edge * edge * 4);
  let seed = 12345;
  for (let i = 0; i < raw.length; i += 1) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    raw[i] = seed >>> 24;
  }
  return new Uint8Array(await sharp(raw, { raw: { width: edge, height: edge, channels: 4 } }).png().toBuffer());
}

describe('emoji exporters', () => {
  it('registers the emoji formats', () => {
    expect(EMOJI_EXPORTERS.map((e) => e.info.id)).toEqual(['png', 'slack', 'discord', 'zip']);
  });

  it('exports PNGs at the chosen emoji sizes, square and transparent', async () => {
    const out = await emojiPng.run([sourceOf(await patternPng(300, 200), 'party')], { sizes: ['16', '256'] }, testContext());
    expect(out.files.map((f) => f.path)).toEqual(['16/party.png', '256/party.png']);
    const meta = await sharp(out.files[1]!.bytes).metadata();
    expect([meta.width, meta.height, meta.hasAlpha]).toEqual([256, 256, true]);
    const one = await emojiPng.run([sourceOf(await patternPng(30, 30), 'ok')], {}, testContext());
    expect(one.files.map((f) => f.path)).toEqual(['ok.png']);
  });

  it('keeps every Slack and Discord emoji at 128² within the platform limit, even from noisy 1024² art', async () => {
    const sources = [sourceOf(await noisePng(1024), 'noise'), sourceOf(await patternPng(512, 512), 'pattern')];
    for (const [exporter, pack] of [
      [emojiSlack, SLACK_PACK],
      [emojiDiscord, DISCORD_PACK],
    ] as const) {
      const out = await exporter.run(sources, {}, testContext());
      expect(out.files.map((f) => f.path)).toEqual(['noise.png', 'pattern.png']);
      for (const file of out.files) {
        const meta = await sharp(file.bytes).metadata();
        expect([meta.width, meta.height]).toEqual([128, 128]);
        expect(file.bytes.byteLength).toBeLessThanOrEqual(pack.maxBytes);
      }
    }
  });

  it('re-quantises when the full-colour PNG is over the limit', async () => {
    const noisy = await noisePng(128);
    const full = await fitUnderLimit(noisy, 128, 1024 * 1024);
    expect(full?.colours).toBeNull();
    const limit = Math.floor((full?.bytes.byteLength ?? 0) / 2);
    const fitted = await fitUnderLimit(noisy, 128, limit);
    expect(fitted?.colours).toBeTypeOf('number');
    expect(fitted!.bytes.byteLength).toBeLessThanOrEqual(limit);
    expect((await sharp(fitted!.bytes).metadata()).width).toBe(128);
  });

  it('says which emoji cannot meet a limit instead of writing an oversized pack', async () => {
    expect(await fitUnderLimit(await noisePng(128), 128, 200)).toBeNull();
  });

  it('zips every size in its own folder', async () => {
    const out = await emojiZip.run([sourceOf(await patternPng(64, 64), 'wave')], {}, testContext());
    expect(out.files.map((f) => f.path)).toEqual(['16/wave.png', '32/wave.png', '64/wave.png', '128/wave.png', '256/wave.png']);
  });
});
