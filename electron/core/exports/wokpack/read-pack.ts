/**
 * Reading a `.wokpack` without trusting it. Everything is checked before the importer writes
 * a byte: the file size, every entry name (zip-slip), every entry's declared size against the
 * limits (fflate inflates into a buffer of exactly the declared size, so a lying entry cannot
 * grow past it), the manifest (version first, then zod), and each asset file's SHA-256.
 */
import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import { AppFailure } from '../../../../shared/errors';
import type { ModeId } from '../../../../shared/modes';
import { DEFAULT_PACK_LIMITS, MANIFEST_FILE, WOKPACK_FORMAT_VERSION, WokpackManifestSchema, isUnsafeEntryName, type PackAsset, type PackLimits, type WokpackManifest } from './manifest';

export interface PackEntry {
  readonly asset: PackAsset;
  readonly bytes: Uint8Array;
}

export interface ReadPack {
  readonly manifest: WokpackManifest;
  readonly entries: ReadonlyArray<PackEntry>;
  /** Assets per source mode. */
  readonly modes: Partial<Record<ModeId, number>>;
}

const refuse = (message: string): AppFailure => new AppFailure('invalid_input', message, 'file');
const mb = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${Math.round(bytes / (1024 * 1024))} MB`);

interface EntryFacts {
  readonly name: string;
  readonly originalSize: number;
}

/** Lists the entries (names and declared sizes) without inflating anything. */
function listEntries(pack: Uint8Array): EntryFacts[] {
  const facts: EntryFacts[] = [];
  try {
    unzipSync(pack, {
      filter: (file) => {
        facts.push({ name: file.name, originalSize: file.originalSize });
        return false;
      },
    });
  } catch {
    throw refuse('The file is not a .wokpack (it is not a readable zip).');
  }
  return facts;
}

function checkEntries(facts: ReadonlyArray<EntryFacts>, limits: PackLimits): void {
  let total = 0;
  const seen = new Set<string>();
  for (const { name, originalSize } of facts) {
    if (isUnsafeEntryName(name)) throw refuse(`The pack holds a file named "${name.slice(0, 120)}", which points outside the pack; nothing was imported.`);
    if (seen.has(name)) throw refuse(`The pack holds "${name}" twice; nothing was imported.`);
    seen.add(name);
    const cap = name === MANIFEST_FILE ? limits.maxManifestBytes : limits.maxEntryBytes;
    if (originalSize > cap) throw refuse(`"${name}" would unpack to ${mb(originalSize)}, over the ${mb(cap)} limit for one file; nothing was imported.`);
    total += originalSize;
  }
  if (total > limits.maxTotalBytes) throw refuse(`The pack would unpack to ${mb(total)}, over the ${mb(limits.maxTotalBytes)} limit; nothing was imported.`);
}

function parseManifest(bytes: Uint8Array | undefined, limits: PackLimits): WokpackManifest {
  if (!bytes) throw refuse('The file is not a .wokpack: it has no manifest.json.');
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw refuse('The pack’s manifest.json is not valid JSON.');
  }
  const version = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)['formatVersion'] : undefined;
  if (version !== WOKPACK_FORMAT_VERSION) {
    throw refuse(
      typeof version === 'number' && version > WOKPACK_FORMAT_VERSION
        ? `This pack is format ${version}, made by a newer WokGen Studio; update the app to import it.`
        : `This pack's format version (${JSON.stringify(version ?? null)}) is not one WokGen Studio knows.`,
    );
  }
  const parsed = WokpackManifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw refuse(`The pack’s manifest is not valid (${issue?.path.join('.') || 'manifest'}: ${issue?.message ?? 'unknown problem'}).`);
  }
  if (parsed.data.assets.length > limits.maxAssets) throw refuse(`The pack holds ${parsed.data.assets.length} assets; at most ${limits.maxAssets} can be imported at once.`);
  return parsed.data;
}

/**
 * Entries inflated per slice before yielding to the event loop: a 512 MB pack never holds
 * the main process (IPC, window) for longer than one slice's inflate.
 */
const SLICE_BYTES = 16 * 1024 * 1024;
const SLICE_ENTRIES = 256;
const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Inflates the listed entries a slice at a time (fflate's filter picks the slice's names; the
 * central directory is re-walked per slice, which is cheap next to inflating), yielding between
 * slices. fflate's async `unzip` would not help here: it inflates every entry under 512 KB
 * synchronously in one go, which is exactly what asset packs are made of.
 */
async function inflateInSlices(pack: Uint8Array, facts: ReadonlyArray<EntryFacts>, signal?: AbortSignal): Promise<Record<string, Uint8Array>> {
  const files: Record<string, Uint8Array> = {};
  let slice = new Set<string>();
  let sliceBytes = 0;
  const flush = async (): Promise<void> => {
    if (slice.size === 0) return;
    const names = slice;
    slice = new Set();
    sliceBytes = 0;
    try {
      Object.assign(files, unzipSync(pack, { filter: (file) => names.has(file.name) }));
    } catch {
      throw refuse('The pack is damaged: a file inside it cannot be unpacked.');
    }
    await nextTick();
    signal?.throwIfAborted();
  };
  for (const { name, originalSize } of facts) {
    slice.add(name);
    sliceBytes += originalSize;
    if (sliceBytes >= SLICE_BYTES || slice.size >= SLICE_ENTRIES) await flush();
  }
  await flush();
  return files;
}

export async function readPack(pack: Uint8Array, limits: PackLimits = DEFAULT_PACK_LIMITS, signal?: AbortSignal): Promise<ReadPack> {
  if (pack.byteLength > limits.maxPackBytes) throw refuse(`The pack is ${mb(pack.byteLength)}, over the ${mb(limits.maxPackBytes)} limit.`);
  const facts = listEntries(pack);
  checkEntries(facts, limits);
  const files = await inflateInSlices(pack, facts, signal);
  const manifest = parseManifest(files[MANIFEST_FILE], limits);
  const modes: Partial<Record<ModeId, number>> = {};
  const used = new Set<string>();
  const entries = manifest.assets.map((asset) => {
    const bytes = files[asset.file];
    if (!bytes) throw refuse(`The manifest lists ${asset.file}, which is not in the pack.`);
    if (used.has(asset.file)) throw refuse(`The manifest lists ${asset.file} twice.`);
    used.add(asset.file);
    if (bytes.byteLength !== asset.bytes || createHash('sha256').update(bytes).digest('hex') !== asset.sha256) {
      throw refuse(`${asset.file} does not match its checksum: the pack is damaged or was altered.`);
    }
    modes[asset.sourceMode] = (modes[asset.sourceMode] ?? 0) + 1;
    return { asset, bytes };
  });
  return { manifest, entries, modes };
}
