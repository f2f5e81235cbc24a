/**
 * A deterministic, realistic-looking library: what a heavy user accumulates over months.
 *
 * Prompts are assembled from per-mode word lists the way people write them (subject,
 * descriptors, setting, palette, style), so FTS sees a natural spread of common and rare
 * words rather than random strings.
 */
import type { ModeId } from '../../shared/modes';
import { MODE_IDS } from '../../shared/modes';
import type { NewAsset } from '../../electron/core/library/assets-repo';
import type { NewJob } from '../../electron/core/library/jobs-repo';
import type { NewWorkspace } from '../../electron/core/library/workspaces-repo';
import { newRowId } from '../../electron/core/library/row-id';

const SUBJECTS: Record<ModeId, ReadonlyArray<string>> = {
  pixel: ['knight', 'wizard', 'goblin archer', 'slime', 'dragon', 'treasure chest', 'health potion', 'sword', 'shield',
    'castle tileset', 'dungeon floor tiles', 'forest tileset', 'spaceship', 'robot', 'skeleton warrior', 'fire mage',
    'heart container', 'coin', 'key', 'door', 'campfire', 'mushroom', 'bat', 'ghost', 'ninja', 'pirate captain',
    'merchant stall', 'village house', 'waterfall', 'lava pool', 'crystal', 'bow and arrows', 'magic staff', 'cat', 'fox'],
  business: ['logo for a coffee roastery', 'fintech app logo', 'brand kit for a bakery', 'hero image for a SaaS landing page',
    'LinkedIn banner', 'instagram post for a yoga studio', 'business card', 'pitch deck cover slide', 'product mockup',
    'monogram logo', 'mascot for a delivery startup', 'email header', 'podcast cover art', 'conference badge',
    'packaging label for olive oil', 'restaurant menu header', 'real estate flyer', 'app store screenshot background'],
  uiux: ['pricing table', 'login form', 'dashboard sidebar', 'settings page', 'hero section', 'navigation bar',
    'feature grid', 'testimonial carousel', 'checkout flow', 'onboarding modal', 'data table with filters',
    'profile card', 'notification dropdown', 'footer with newsletter signup', 'kanban board', 'file upload dropzone',
    'search results page', 'empty state illustration block', 'command palette', 'chat interface'],
  vector: ['home icon', 'settings gear icon', 'shopping cart icon', 'user avatar icon', 'bell icon', 'calendar icon',
    'cloud upload icon', 'lock icon', 'map pin icon', 'leaf illustration', 'mountain landscape illustration',
    'rocket illustration', 'camera icon', 'trash icon', 'heart icon', 'chart icon', 'folder icon', 'globe icon',
    'lightning bolt icon', 'coffee cup illustration'],
  emoji: ['party parrot', 'thumbs up', 'facepalm', 'crying laughing face', 'heart eyes cat', 'thinking face',
    'rocket launch', 'fire', 'clapping hands', 'eyes', 'skull', 'sparkles', 'pizza slice', 'coffee mug', 'sleepy sloth',
    'dancing banana', 'rainbow', 'ghost', 'shrug', 'victory hand', 'melting face', 'salute'],
};

const STYLES: Record<ModeId, ReadonlyArray<string>> = {
  pixel: ['16x16 sprite', '32x32 sprite', '64x64 sprite', 'NES palette', 'SNES style', 'Game Boy style', 'isometric',
    'side view', 'top-down', 'idle animation', 'walk cycle', 'attack animation', 'transparent background', 'dithered'],
  business: ['minimal', 'flat design', 'bold typography', 'geometric', 'elegant serif', 'playful', 'corporate',
    'gradient', 'monochrome', 'luxury', 'hand drawn', 'modern sans-serif', 'clean whitespace'],
  uiux: ['tailwind', 'dark mode', 'light mode', 'responsive', 'glassmorphism', 'neumorphism', 'material design',
    'accessible contrast', 'rounded corners', 'compact density', 'shadcn style', 'mobile first'],
  vector: ['outline', 'filled', 'duotone', '2px stroke', '24px grid', 'rounded caps', 'flat', 'line art', 'isometric',
    'minimal', 'geometric', 'hand drawn'],
  emoji: ['glossy', 'flat', '3d', 'cartoon', 'kawaii', 'animated', 'sticker with white border', 'slack size',
    'discord size', 'expressive', 'chunky outline', 'pastel'],
};

const DESCRIPTORS = ['red', 'blue', 'green', 'golden', 'silver', 'dark', 'bright', 'ancient', 'futuristic', 'cute',
  'angry', 'happy', 'tiny', 'giant', 'glowing', 'frozen', 'burning', 'mystic', 'rusty', 'shiny', 'wooden', 'crystal',
  'neon', 'vintage', 'retro', 'cozy', 'spooky', 'heroic', 'sleepy', 'friendly', 'fierce', 'elegant', 'rugged', 'soft',
  'sharp', 'colorful', 'muted', 'warm', 'cool', 'detailed'];

const SETTINGS = ['in a dark forest', 'on a snowy mountain', 'in a desert', 'underwater', 'in space', 'in a castle',
  'at sunset', 'at night', 'in the rain', 'in a cyberpunk city', 'in a medieval village', 'on a white background',
  'in a cave', 'on a beach', 'in a garden', 'at dawn', 'in an office', 'on a wooden table', 'in the clouds', 'in a volcano'];

const PALETTES = ['warm palette', 'cool palette', 'pastel colors', 'earth tones', 'vibrant colors', 'muted tones',
  'black and white', 'teal and orange', 'purple and gold', 'brand blue'];

const NEGATIVES: Record<ModeId, ReadonlyArray<string>> = {
  pixel: ['blurry', 'anti-aliasing', 'smooth gradients', 'photorealistic', 'jpeg artifacts', 'extra limbs', 'text'],
  business: ['watermark', 'text errors', 'blurry', 'low quality', 'clip art', 'cluttered', 'distorted letters'],
  uiux: ['lorem ipsum', 'inline styles', 'inaccessible contrast', 'broken layout'],
  vector: ['raster', 'gradients', 'noise', 'photorealistic', 'blurry edges', 'inconsistent stroke'],
  emoji: ['text', 'watermark', 'blurry', 'cropped', 'background clutter', 'low resolution'],
};

const PROVIDERS: Record<ModeId, ReadonlyArray<string>> = {
  pixel: ['comfyui', 'together', 'fal'],
  business: ['together', 'fal', 'replicate', 'hosted'],
  uiux: ['together', 'local-llm', 'hosted'],
  vector: ['together', 'hosted', 'local-llm'],
  emoji: ['fal', 'pollinations', 'comfyui'],
};

const TOOLS: Record<ModeId, ReadonlyArray<string>> = {
  pixel: ['sprite', 'tileset', 'item', 'animation', 'scene'],
  business: ['logo', 'brand-kit', 'social', 'hero', 'slide'],
  uiux: ['component', 'section', 'page'],
  vector: ['icon', 'illustration', 'icon-set'],
  emoji: ['emoji', 'sticker', 'reaction'],
};

/** What each mode's assets look like on disk. */
const ASSET_SHAPE: Record<ModeId, { kind: NewAsset['kind']; mime: string; ext: string; size: number | null }> = {
  pixel: { kind: 'image', mime: 'image/png', ext: 'png', size: 64 },
  business: { kind: 'image', mime: 'image/png', ext: 'png', size: 1024 },
  uiux: { kind: 'code', mime: 'text/tsx', ext: 'tsx', size: null },
  vector: { kind: 'svg', mime: 'image/svg+xml', ext: 'svg', size: null },
  emoji: { kind: 'image', mime: 'image/png', ext: 'png', size: 128 },
};

export const SLOTS_PER_JOB = 4;

export class LibraryCorpus {
  private readonly t0 = Date.UTC(2026, 0, 1);
  private clock = 0;

  constructor(private readonly random: () => number) {}

  private pick<T>(items: ReadonlyArray<T>): T {
    return items[Math.floor(this.random() * items.length)] as T;
  }

  /** The app's id scheme (UUIDv7 at the row's time), with the seeded PRNG for the random bits. */
  rowId(at: number): string {
    return newRowId(at, (bytes) => {
      for (let i = 0; i < bytes.length; i += 1) bytes[i] = Math.floor(this.random() * 256);
    });
  }

  workspaces(count: number): NewWorkspace[] {
    return Array.from({ length: count }, (_, i) => {
      const mode = MODE_IDS[i % MODE_IDS.length] as ModeId;
      return { id: this.rowId(this.t0), name: `${mode} project ${i + 1}`, mode, folder: `/bench/workspaces/${mode}-${i + 1}`, createdAt: this.t0 };
    });
  }

  prompt(mode: ModeId): string {
    const parts = [`${this.pick(DESCRIPTORS)} ${this.pick(SUBJECTS[mode])}`];
    if (this.random() < 0.5) parts[0] = `${this.pick(DESCRIPTORS)} ${parts[0]}`;
    if (this.random() < 0.7) parts.push(this.pick(SETTINGS));
    if (this.random() < 0.5) parts.push(this.pick(PALETTES));
    parts.push(this.pick(STYLES[mode]));
    if (this.random() < 0.4) parts.push(this.pick(STYLES[mode]));
    return parts.join(', ');
  }

  negative(mode: ModeId): string {
    const bank = NEGATIVES[mode];
    return bank.filter(() => this.random() < 0.6).join(', ') || (bank[0] as string);
  }

  /** One job and its batch of assets, a few seconds to minutes after the previous job. */
  jobWithAssets(workspace: NewWorkspace): { job: NewJob; assets: NewAsset[] } {
    const mode = workspace.mode;
    this.clock += 2_000 + Math.floor(this.random() * 120_000);
    const createdAt = this.t0 + this.clock;
    const finishedAt = createdAt + 3_000 + Math.floor(this.random() * 30_000);
    const provider = this.pick(PROVIDERS[mode]);
    const shape = ASSET_SHAPE[mode];
    const seed = Math.floor(this.random() * 2 ** 31);
    const job: NewJob = {
      id: this.rowId(createdAt),
      workspaceId: workspace.id,
      mode,
      tool: this.pick(TOOLS[mode]),
      preset: this.random() < 0.6 ? this.pick(STYLES[mode]) : null,
      prompt: this.prompt(mode),
      negativePrompt: this.negative(mode),
      provider,
      status: 'succeeded',
      seed,
      params: { steps: 20 + Math.floor(this.random() * 20), guidance: 7, width: shape.size ?? 0, height: shape.size ?? 0, slots: SLOTS_PER_JOB },
      attempts: [{ provider, startedAt: createdAt + 50, finishedAt, ok: true, error: null, model: null, slot: 0, errorKind: null }],
      error: null,
      createdAt,
      startedAt: createdAt + 50,
      finishedAt,
    };
    // Every slot is persisted in the same step, so a batch shares one timestamp: the
    // gallery's keyset must break those ties by id.
    const assets: NewAsset[] = Array.from({ length: SLOTS_PER_JOB }, (_, slot) => {
      const id = this.rowId(finishedAt);
      return {
        id,
        jobId: job.id,
        workspaceId: workspace.id,
        slot,
        kind: shape.kind,
        relativePath: `assets/${id}.${shape.ext}`,
        mime: shape.mime,
        width: shape.size,
        height: shape.size,
        bytes: 2_000 + Math.floor(this.random() * 400_000),
        metadata: { seed: seed + slot * 137, provider, tool: job.tool },
        starred: this.random() < 0.05,
        createdAt: finishedAt,
      };
    });
    return { job, assets };
  }

  /** What people type into the search box: one or two prompt words, often half-typed. */
  searchQuery(mode: ModeId): string {
    const words = (text: string) => text.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3);
    const vocabulary = [...words(this.pick(SUBJECTS[mode])), ...words(this.pick(DESCRIPTORS)), ...words(this.pick(SETTINGS))];
    const first = this.pick(vocabulary);
    const query = this.random() < 0.5 ? [first, this.pick(vocabulary)] : [first];
    if (this.random() < 0.4) {
      const last = query[query.length - 1] as string;
      query[query.length - 1] = last.slice(0, Math.max(2, Math.min(last.length - 1, 3 + Math.floor(this.random() * 3))));
    }
    return query.join(' ');
  }
}
