/**
 * The pipeline's view of its collaborators, as small interfaces: engines describe a mode,
 * providers render, the asset store writes files. Each is wired in `services.ts` and stood in
 * by tests.
 */
import type { ModeId } from '../../../shared/modes';
import type { ModeEngine, ProcessedOutput, ProviderImage } from '../modes/engine';

/** The fields the pipeline reads from any mode's parsed request (each mode adds its controls). */
export interface ModeRequest {
  readonly mode: ModeId;
  readonly workspaceId: string;
  readonly tool: string;
  readonly preset: string;
  readonly prompt: string;
  readonly negativePrompt: string;
  readonly batch: number;
  readonly seed: number | null;
  readonly hd: boolean;
  readonly provider?: string | undefined;
  readonly size: number;
  readonly inputAssetId?: string | undefined;
  readonly maskPngBase64?: string | undefined;
  readonly maskFromJobId?: string | undefined;
  readonly controls: object;
}

export type AnyModeEngine = ModeEngine<ModeRequest>;
export type EngineRegistry = Readonly<Record<ModeId, AnyModeEngine>>;

/** Declared with the provider interface (providers never import the pipeline). */
export type { ProviderRegistry } from '../providers/provider';

/** Metadata embedded in every file (the asset writer adds format, app and role). */
export type { AssetMetadataInput } from '../assets/asset-writer';
import type { AssetMetadataInput } from '../assets/asset-writer';
import type { AssetMetadata } from '../assets/asset-metadata';

export interface WrittenAsset {
  /** The metadata document embedded in the processed file (what rebuild-from-folder reads). */
  readonly metadata: AssetMetadata;
  readonly relativePath: string;
  readonly originalRelativePath: string | null;
  readonly thumbnailRelativePath: string | null;
  readonly bytes: number;
}

export interface AssetStore {
  write(input: {
    readonly workspaceFolder: string;
    readonly metadata: AssetMetadataInput;
    readonly processed: ProcessedOutput;
    readonly original: ProviderImage | null;
    readonly signal: AbortSignal;
  }): Promise<WrittenAsset>;
}
