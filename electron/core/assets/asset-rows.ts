/**
 * Library rows from embedded metadata.
 *
 * The asset row is fully determined by the file (its metadata, path, size and format), so
 * the pipeline should build its asset rows with `assetRowFromMetadata` too: a row rebuilt
 * from the folder is then identical to the one the app wrote. The job row can only be a
 * reconstruction (attempts and timings are not in the files); it is marked
 * `params.rebuiltFromFiles` so the history can say so.
 */
import type { NewAsset, NewJob } from '../library';
import type { AssetMetadata } from './asset-metadata';
import type { AssetFormat } from './asset-formats';

/** What the file itself says, beside its metadata. */
export interface AssetFileFacts {
  /** Relative to the workspace folder, `/`-separated. */
  readonly relativePath: string;
  readonly bytes: number;
  readonly format: AssetFormat;
  /** The provider's original kept beside it, and the thumbnail, when they exist. */
  readonly originalRelativePath: string | null;
  readonly thumbnailRelativePath: string | null;
  /** Pixel size read from the file itself (PNG's IHDR), preferred over the metadata's. */
  readonly width?: number | null;
  readonly height?: number | null;
}

/** The asset row of a processed file. */
export function assetRowFromMetadata(workspaceId: string, metadata: AssetMetadata, file: AssetFileFacts): NewAsset {
  return {
    id: metadata.assetId,
    jobId: metadata.jobId,
    workspaceId,
    slot: metadata.slot,
    kind: metadata.kind ?? file.format.kind,
    relativePath: file.relativePath,
    mime: file.format.mime,
    width: file.width ?? metadata.fileWidth ?? null,
    height: file.height ?? metadata.fileHeight ?? null,
    bytes: file.bytes,
    // The whole embedded document (the details panel shows it) and where its companions are.
    metadata: { ...metadata, originalPath: file.originalRelativePath, thumbnailPath: file.thumbnailRelativePath },
    createdAt: metadata.createdAt,
  };
}

/**
 * The job row for a group of one job's processed assets (non-empty, any order). Job-level
 * fields come from the lowest slot. What the files cannot tell stays empty: attempts,
 * start/finish times. A job with files on disk succeeded.
 */
export function jobRowFromMetadata(workspaceId: string, group: ReadonlyArray<AssetMetadata>): NewJob {
  const sorted = [...group].sort((a, b) => a.slot - b.slot || a.createdAt - b.createdAt);
  const first = sorted[0];
  if (!first) throw new Error('jobRowFromMetadata needs at least one asset');
  return {
    id: first.jobId,
    workspaceId,
    mode: first.mode,
    tool: first.tool,
    preset: first.preset,
    prompt: first.prompt,
    negativePrompt: first.negativePrompt,
    provider: first.provider,
    status: 'succeeded',
    // Slot 0 is generated with the job's seed; later slots use seed + slot × 137 (wrapped in
    // the provider's range, which the files do not record), so only slot 0 tells it.
    seed: first.slot === 0 ? first.seed : null,
    params: {
      model: first.model,
      steps: first.steps,
      guidance: first.guidance,
      sampler: first.sampler ?? null,
      scheduler: first.scheduler ?? null,
      width: first.width,
      height: first.height,
      rebuiltFromFiles: true,
    },
    createdAt: Math.min(...group.map((m) => m.createdAt)),
  };
}
