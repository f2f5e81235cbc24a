/**
 * The AssetExporter interface: what every export format of every mode implements.
 *
 * A mode brings its own exporters (`electron/core/modes/<mode>/exports.ts`); the export
 * service asks the mode's registry for them, reads the assets, runs the exporter and writes
 * what it returns. An exporter never touches the disk or the library: it turns asset bytes
 * into output files, so it is tested on real images without a workspace.
 */
import { z } from 'zod';
import { AppFailure } from '../../../shared/errors';
import type { ExportFormatInfo, ExportOptionSpec } from '../../../shared/exports';
import type { Asset } from '../../../shared/library';

/** One asset to export: its row, a file-name-safe base name, and a lazy read of its file. */
export interface ExportSource {
  readonly asset: Asset;
  /** Unique within the export, `[a-z0-9-]`, no extension (e.g. `knight-2`). */
  readonly name: string;
  read(): Promise<Uint8Array>;
}

export interface ExportContext {
  readonly signal: AbortSignal;
  /** Call after each unit of work; the service turns it into throttled progress events. */
  progress(done: number, total: number): void;
  /** The workspace's display name (favicon manifests, README titles). */
  readonly workspaceName: string;
  readonly now: number;
}

/** A file of the export, `/`-separated relative path (zip entry name or the single file's name). */
export interface ExportFile {
  readonly path: string;
  readonly bytes: Uint8Array;
}

export interface ExportOutput {
  readonly files: ReadonlyArray<ExportFile>;
  readonly notes: ReadonlyArray<string>;
}

export interface AssetExporter<Options = Record<string, unknown>> {
  readonly info: ExportFormatInfo;
  /** Parses the user's options (defaults applied); built from `info.options`. */
  readonly options: z.ZodType<Options>;
  /**
   * Works on whole animations (GIF, sprite sheets): the service adds the other frames of any
   * animation a selected frame belongs to, so picking one frame still exports the animation.
   */
  readonly wholeAnimations?: boolean;
  export(sources: ReadonlyArray<ExportSource>, options: Options, context: ExportContext): Promise<ExportOutput>;
  /** Parses raw options (a typed `invalid_input` naming `options.<key>`), then exports. */
  run(sources: ReadonlyArray<ExportSource>, rawOptions: unknown, context: ExportContext): Promise<ExportOutput>;
}

/** Any exporter, options erased: what registries hold. */
export type AnyExporter = Pick<AssetExporter<unknown>, 'info' | 'run' | 'options' | 'wholeAnimations'>;

export function parseOptions<Options>(schema: z.ZodType<Options>, raw: unknown): Options {
  const parsed = schema.safeParse(raw ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue?.path.map(String).join('.') ?? '';
  const message = issue?.code === 'unrecognized_keys' ? `This format has no option ${issue.keys.map((key) => `"${key}"`).join(', ')}.` : (issue?.message ?? 'The export options are not valid.');
  throw new AppFailure('invalid_input', message, path ? `options.${path}` : 'options');
}

interface Choice {
  readonly value: string;
  readonly label: string;
}

/** An option as exporters declare it (`as const` literals, so readonly); `info.options` is its plain copy. */
export type OptionSpec =
  | { readonly type: 'choice'; readonly key: string; readonly label: string; readonly choices: ReadonlyArray<Choice>; readonly default: string }
  | { readonly type: 'multi'; readonly key: string; readonly label: string; readonly choices: ReadonlyArray<Choice>; readonly default: ReadonlyArray<string> }
  | {
      readonly type: 'number';
      readonly key: string;
      readonly label: string;
      readonly min: number;
      readonly max: number;
      readonly step: number;
      readonly default: number;
      readonly unit?: string;
    }
  | { readonly type: 'boolean'; readonly key: string; readonly label: string; readonly default: boolean }
  | { readonly type: 'text'; readonly key: string; readonly label: string; readonly maxLength: number; readonly default: string };

function toInfoOption(spec: OptionSpec): ExportOptionSpec {
  switch (spec.type) {
    case 'choice':
      return { ...spec, choices: spec.choices.map((choice) => ({ ...choice })) };
    case 'multi':
      return { ...spec, choices: spec.choices.map((choice) => ({ ...choice })), default: [...spec.default] };
    default:
      return { ...spec };
  }
}

type OptionValue<S extends OptionSpec> = S extends { type: 'multi' }
  ? string[]
  : S extends { type: 'number' }
    ? number
    : S extends { type: 'boolean' }
      ? boolean
      : string;

export type OptionsOf<Specs extends ReadonlyArray<OptionSpec>> = { [S in Specs[number] as S['key']]: OptionValue<S> };

function valuesOf(spec: { choices: ReadonlyArray<{ value: string }> }): [string, ...string[]] {
  const values = spec.choices.map((choice) => choice.value);
  if (values.length === 0) throw new Error('An export option needs at least one choice.');
  return values as [string, ...string[]];
}

/** The zod schema of one option, defaults from the spec, messages that name the option. */
function optionSchema(spec: OptionSpec): z.ZodType {
  switch (spec.type) {
    case 'choice':
      return z.enum(valuesOf(spec), { error: `${spec.label}: pick one of ${valuesOf(spec).join(', ')}.` }).default(spec.default);
    case 'multi':
      return z
        .array(z.enum(valuesOf(spec), { error: `${spec.label}: pick from ${valuesOf(spec).join(', ')}.` }))
        .min(1, { error: `${spec.label}: pick at least one.` })
        .transform((values) => [...new Set(values)])
        .default([...spec.default]);
    case 'number':
      return z
        .number({ error: `${spec.label} must be a number.` })
        .min(spec.min, { error: `${spec.label} must be at least ${spec.min}.` })
        .max(spec.max, { error: `${spec.label} must be at most ${spec.max}.` })
        .default(spec.default);
    case 'boolean':
      return z.boolean({ error: `${spec.label} must be on or off.` }).default(spec.default);
    case 'text':
      return z
        .string({ error: `${spec.label} must be text.` })
        .trim()
        .max(spec.maxLength, { error: `${spec.label} must be at most ${spec.maxLength} characters.` })
        .default(spec.default);
  }
}

/** One source of truth: the options the UI shows are exactly the ones the core accepts. */
export function optionsSchemaFor<const Specs extends ReadonlyArray<OptionSpec>>(specs: Specs): z.ZodType<OptionsOf<Specs>> {
  const shape: Record<string, z.ZodType> = {};
  for (const spec of specs) shape[spec.key] = optionSchema(spec);
  return z.object(shape).strict() as unknown as z.ZodType<OptionsOf<Specs>>;
}

/** Declares an exporter: the info and the typed `export` function, the options schema derived. */
export function defineExporter<const Specs extends ReadonlyArray<OptionSpec>>(definition: {
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly extension: string;
  readonly options: Specs;
  readonly wholeAnimations?: boolean;
  export(sources: ReadonlyArray<ExportSource>, options: OptionsOf<Specs>, context: ExportContext): Promise<ExportOutput>;
}): AssetExporter<OptionsOf<Specs>> {
  const { id, label, description, extension, options } = definition;
  const schema = optionsSchemaFor(options);
  return {
    info: { id, label, description, extension, options: options.map(toInfoOption) },
    options: schema,
    ...(definition.wholeAnimations ? { wholeAnimations: true } : {}),
    export: (sources, parsed, context) => definition.export(sources, parsed, context),
    run: async (sources, raw, context) => definition.export(sources, parseOptions(schema, raw), context),
  };
}

/** Runs `work` over the sources one at a time, reporting progress and honouring cancel. */
export async function forEachSource<T>(
  sources: ReadonlyArray<ExportSource>,
  context: ExportContext,
  work: (source: ExportSource, index: number) => Promise<T>,
): Promise<T[]> {
  const results: T[] = [];
  for (const [index, source] of sources.entries()) {
    context.signal.throwIfAborted();
    try {
      results.push(await work(source, index));
    } catch (error) {
      if (error instanceof AppFailure || context.signal.aborted) throw error;
      // A damaged file or one the decoder refuses: say which asset, not just "internal error".
      const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '').replace(/\.$/, '') : String(error);
      throw new AppFailure('invalid_input', `${source.name} could not be exported: ${reason}.`, 'assets');
    }
    context.progress(index + 1, sources.length);
  }
  return results;
}

/** `name/file` when the export holds several assets, `file` alone for one (no pointless folder). */
export function perAssetPath(sources: ReadonlyArray<ExportSource>, source: ExportSource, file: string): string {
  return sources.length > 1 ? `${source.name}/${file}` : file;
}
