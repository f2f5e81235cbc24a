/**
 * The generation pipeline: `submit` runs the planning stages (1–8) and records the job as
 * queued — bad input fails there, before anything is queued or written — then the job runs
 * in the background: dispatch and fallback per batch slot (6, 9, 10), post-processing and
 * files (11), credits (12) and the final event (13). The job row is updated at every state
 * change and no job is ever left `running`: every path ends in succeeded, failed, cancelled
 * or interrupted.
 */
import { readFileSync, rmSync } from 'node:fs';
import type { z } from 'zod';
import { AppFailure } from '../../../shared/errors';
import type { GenerationPreviewSchema } from '../../../shared/generation';
import type { ModeId } from '../../../shared/modes';
import type { EventName, EventPayload } from '../../../shared/ipc/contract';
import type { Asset, Job, JobAttempt, JobError } from '../../../shared/library';
import { assetRowFromMetadata } from '../assets/asset-rows';
import { formatForExtension } from '../assets/asset-formats';
import type { JobPatch, Library } from '../library';
import { newRowId } from '../library/row-id';
import type { EventSink, Logger } from '../ports';
import { resolveInside } from '../fs/path-containment';
import type { PromptEngineChoice } from '../prompt/prompt-engine';
import { toProviderError, type ProviderRequest } from '../providers/provider';
import { abortableSleep, promptForProvider, runSlot, SlotFailure, type SlotSuccess } from './attempt';
import { readJobMask, storeJobMask } from './job-mask';
import { planGeneration, type GenerationPlan, type PlanDeps } from './plan';
import { KeyedSemaphore } from './semaphore';
import { slotSeed } from './seeds';
import type { AssetStore, EngineRegistry, ProviderRegistry } from './types';

export interface PipelineDeps {
  readonly library: Library;
  readonly engines: EngineRegistry;
  readonly providers: ProviderRegistry;
  readonly assets: AssetStore;
  readonly events: EventSink;
  readonly log: Logger;
  readonly now?: () => number;
  readonly randomSeed?: () => number;
  readonly promptEngine?: () => PromptEngineChoice;
  /**
   * Stage 1 guard for what routing chose (e.g. the hosted account's HD credits): throws an
   * AppFailure to refuse the run before anything is queued.
   */
  readonly beforeQueue?: (plan: GenerationPlan) => void;
  /** The hosted prompt engine: rewrites the user's prompt when `promptEngine` picks `hosted`. */
  readonly refinePrompt?: (input: { readonly mode: ModeId; readonly tool: string; readonly preset: string; readonly prompt: string }, signal: AbortSignal) => Promise<string>;
}

/** What the studio shows before a run: the prompt exactly as the first provider gets it. */
export type GenerationPreview = z.output<typeof GenerationPreviewSchema>;

interface RunningJob {
  readonly controller: AbortController;
  readonly done: Promise<void>;
  readonly workspaceId: string;
}

/** Why a run was aborted: the user, or the app shutting down (→ `interrupted`). */
const SHUTDOWN = 'shutdown';
/** Why a frame's siblings were stopped: another frame of the same animation failed. */
const FRAME_SET_FAILED = 'frame-set-failed';
/** How long quitting waits for running jobs to stop before marking them interrupted. */
export const SHUTDOWN_DEADLINE_MS = 5000;
const INTERRUPTED: JobError = { stage: 'run', code: 'interrupted', message: 'The app closed while this job was in progress.' };

export class Pipeline {
  private readonly running = new Map<string, RunningJob>();
  private readonly semaphore = new KeyedSemaphore();
  private readonly now: () => number;
  private closing = false;

  constructor(private readonly deps: PipelineDeps) {
    this.now = deps.now ?? Date.now;
  }

  private planDeps(): PlanDeps {
    return {
      engines: this.deps.engines,
      workspaces: this.deps.library.workspaces,
      availableProviders: () => this.deps.providers.available(),
      queuedJobs: () => this.running.size,
      ...(this.deps.randomSeed ? { randomSeed: this.deps.randomSeed } : {}),
      ...(this.deps.promptEngine ? { promptEngine: this.deps.promptEngine } : {}),
    };
  }

  preview(raw: unknown): GenerationPreview {
    const plan = planGeneration(raw, this.planDeps(), { requireProvider: false });
    const first = plan.chain[0];
    const shaped = first ? promptForProvider(plan, plan.slots[0]!, first) : { prompt: plan.userPrompt, negativePrompt: plan.negatives.join(', '), notes: [] };
    return {
      prompt: shaped.prompt,
      negativePrompt: shaped.negativePrompt,
      warnings: [...plan.warnings, ...shaped.notes],
      chain: plan.chain.map((c) => ({ id: c.id, label: c.label, local: c.local })),
      seeds: plan.slots.map((s) => slotSeed(s.seed, s.slot, first?.seedMax)),
      profile: { ...plan.profile },
      tier: plan.tier,
    };
  }

  /** Stages 1–8, then the job is queued and runs in the background. */
  submit(raw: unknown): Job {
    if (this.closing) throw new AppFailure('rate_limited', 'The studio is closing; generation is no longer accepted.');
    const plan = planGeneration(raw, this.planDeps());
    this.deps.beforeQueue?.(plan);
    const input = this.loadInputImages(plan);
    const jobId = newRowId(this.now());
    // The mask goes to the workspace folder before the job is queued: Retry, Re-run and Remix
    // in a later session send `maskFromJobId` and get the same mask back.
    const maskPath = input.mask ? storeJobMask(plan.workspace.folder, jobId, input.mask.bytes, plan.request.maskFromJobId ? 'maskFromJobId' : 'maskPngBase64') : null;
    let job: Job;
    try {
      job = this.insertQueued(plan, jobId, maskPath);
    } catch (error) {
      // Refused after all: no mask file without its job.
      if (maskPath !== null) this.removeFiles(plan.workspace.folder, [maskPath]);
      throw error;
    }
    this.emit('jobs.queued', job);
    const controller = new AbortController();
    const done = this.run(plan, job, controller.signal, input)
      .catch((error: unknown) => this.deps.log.error('pipeline run crashed', { jobId, error: String(error) }))
      .finally(() => this.running.delete(jobId));
    this.running.set(jobId, { controller, done, workspaceId: plan.workspace.id });
    return job;
  }

  private insertQueued(plan: GenerationPlan, jobId: string, maskPath: string | null): Job {
    return this.deps.library.jobs.insert({
      id: jobId,
      workspaceId: plan.workspace.id,
      mode: plan.request.mode,
      tool: plan.request.tool,
      preset: plan.request.preset,
      prompt: plan.request.prompt,
      negativePrompt: plan.negatives.join(', '),
      status: 'queued',
      seed: plan.baseSeed,
      params: {
        size: plan.request.size,
        batch: plan.request.batch,
        hd: plan.request.hd,
        controls: plan.request.controls,
        userPrompt: plan.userPrompt,
        warnings: plan.warnings,
        profile: plan.profile,
        chain: plan.chain.map((c) => c.id),
        ...(plan.frames ? { frames: plan.frames } : {}),
        ...(plan.request.inputAssetId ? { inputAssetId: plan.request.inputAssetId } : {}),
        // Relative to the workspace folder (`.wokgen/masks/<jobId>.png`); `requestFromJob` turns it into `maskFromJobId`.
        ...(maskPath !== null ? { maskPath } : {}),
      },
      createdAt: this.now(),
    });
  }

  /** True when the job was still queued or running and is now being cancelled. */
  cancel(jobId: string): boolean {
    const entry = this.running.get(jobId);
    if (!entry) {
      if (!this.deps.library.jobs.get(jobId)) throw new AppFailure('not_found', 'This job does not exist.', 'jobId');
      return false;
    }
    if (entry.controller.signal.aborted) return false;
    entry.controller.abort(new DOMException('Cancelled by the user.', 'AbortError'));
    return true;
  }

  /** Cancels a workspace's jobs and waits for them to settle (before the workspace is removed). */
  async cancelWorkspace(workspaceId: string): Promise<void> {
    const entries = [...this.running.values()].filter((entry) => entry.workspaceId === workspaceId);
    for (const entry of entries) entry.controller.abort(new DOMException('The workspace was removed.', 'AbortError'));
    await Promise.all(entries.map((entry) => entry.done));
  }

  /** Resolves when every job submitted so far has settled (tests, shutdown). */
  async whenIdle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running.values()].map((r) => r.done));
  }

  /**
   * App quit: refuse new work, abort everything and wait a bounded time; a provider that
   * ignores its signal cannot keep the app from quitting — its job is marked `interrupted`.
   */
  async shutdown(deadlineMs = SHUTDOWN_DEADLINE_MS): Promise<void> {
    this.closing = true;
    for (const entry of this.running.values()) entry.controller.abort(SHUTDOWN);
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'deadline'>((resolve) => {
      timer = setTimeout(() => resolve('deadline'), deadlineMs);
    });
    const outcome = await Promise.race([this.whenIdle().then(() => 'idle' as const), deadline]);
    clearTimeout(timer);
    if (outcome === 'deadline') {
      for (const jobId of this.running.keys()) {
        this.deps.library.jobs.update(jobId, { status: 'interrupted', finishedAt: this.now(), error: INTERRUPTED });
      }
    }
  }

  /**
   * The hosted prompt engine, when chosen: the account's engine rewrites the user's prompt
   * (stage 6 still fits it to each provider). Offline or failing, the local builders' prompt
   * is used and the log says why — a prompt service never fails a generation.
   */
  private async refinePrompt(plan: GenerationPlan, signal: AbortSignal): Promise<GenerationPlan> {
    const refine = this.deps.refinePrompt;
    if (!refine || this.deps.promptEngine?.().engine !== 'hosted') return plan;
    try {
      const { mode, tool, preset } = plan.request;
      return { ...plan, userPrompt: await refine({ mode, tool, preset, prompt: plan.userPrompt }, signal) };
    } catch (error) {
      if (signal.aborted) throw error;
      this.deps.log.warn('hosted prompt engine unavailable; the local prompt builders were used', { error: String(error) });
      return plan;
    }
  }

  private async run(initialPlan: GenerationPlan, queued: Job, signal: AbortSignal, input: Pick<ProviderRequest, 'inputImage' | 'mask'>): Promise<void> {
    let plan = initialPlan;
    const jobs = this.deps.library.jobs;
    const attempts: JobAttempt[] = [];
    const written: Asset[] = [];
    const slotFractions = plan.slots.map(() => 0);
    // Frames of an animation stand or fall together: the first failed frame stops its siblings.
    const slots = new AbortController();
    const stopSlots = () => slots.abort(signal.reason);
    signal.addEventListener('abort', stopSlots, { once: true });
    try {
      signal.throwIfAborted();
      plan = await this.refinePrompt(plan, signal);
      // `queued` until a provider actually takes the job: ten jobs behind a one-at-a-time
      // ComfyUI show as waiting, not as ten running jobs.
      let started = false;
      const markStarted = () => {
        if (started) return;
        started = true;
        if (this.update(queued.id, { status: 'running', startedAt: this.now() })) this.emit('jobs.started', { jobId: queued.id });
      };

      const outcomes = await Promise.allSettled(
        plan.slots.map(async (slot) => {
          try {
            const success = await runSlot(plan, slot, slots.signal, {
              providers: this.deps.providers,
              semaphore: this.semaphore,
              now: this.now,
              sleep: abortableSleep,
              input,
              onAcquired: markStarted,
              onAttempt: (attempt) => {
                attempts.push(attempt);
                jobs.update(queued.id, { attempts: [...attempts] });
                if (!attempt.ok && !slots.signal.aborted) {
                  this.emit('jobs.attemptFailed', {
                    jobId: queued.id,
                    slot: slot.slot,
                    provider: attempt.provider,
                    error: attempt.error ?? 'failed',
                    errorKind: attempt.errorKind ?? 'provider_failure',
                  });
                }
              },
              onProgress: (progress) => {
                if (progress.fraction !== undefined) slotFractions[slot.slot] = Math.max(0, Math.min(1, progress.fraction));
                this.emit('jobs.progress', {
                  jobId: queued.id,
                  slot: slot.slot,
                  fraction: slotFractions[slot.slot] ?? 0,
                  overall: slotFractions.reduce((a, b) => a + b, 0) / slotFractions.length,
                  step: progress.step ?? null,
                  total: progress.total ?? null,
                  previewDataUrl: progress.preview ? `data:${progress.preview.mime};base64,${Buffer.from(progress.preview.bytes).toString('base64')}` : null,
                  ...(progress.partialText === undefined ? {} : { partialText: progress.partialText }),
                  ...(progress.activity === undefined ? {} : { activity: progress.activity.slice(0, 200) }),
                });
              },
            });
            const asset = await this.persistSlot(plan, queued, success, slots.signal);
            written.push(asset);
            return asset;
          } catch (error) {
            if (plan.frames && !slots.signal.aborted) slots.abort(FRAME_SET_FAILED);
            throw error;
          }
        }),
      );

      signal.throwIfAborted();
      const assets = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
      const failures = outcomes.flatMap((o) => (o.status === 'rejected' && o.reason !== FRAME_SET_FAILED ? [o.reason as unknown] : []));
      const used = new Set(attempts.filter((a) => a.ok).map((a) => a.provider));
      if (plan.frames && failures.length > 0) {
        // An animation with missing frames is not an animation: fail the job and take back the
        // frames it wrote, so the workspace never holds half a frame set.
        this.discardAssets(plan.workspace.folder, queued.id, written);
        const first = this.describeFailure(failures[0]);
        const error = { ...first, message: `${plan.frames.count - assets.length} of ${plan.frames.count} frames were not made — ${first.message}` };
        this.finishFailed(queued.id, error, attempts);
        return;
      }
      if (assets.length === 0) {
        this.finishFailed(queued.id, this.describeFailure(failures[0]), attempts);
        return;
      }
      // Stage 12 — credits: the account service watches the finished-job events; a job whose
      // attempts include the hosted provider triggers its sync and reconciliation (account/).
      const partial = failures.length > 0 ? this.describeFailure(failures[0]) : null;
      const succeeded = this.update(queued.id, { status: 'succeeded', provider: [...used].join(', ') || null, error: partial, finishedAt: this.now(), attempts });
      // Stage 13 — respond.
      if (succeeded) this.emit('jobs.succeeded', { job: succeeded, assets });
    } catch (error) {
      this.settleAborted(plan, queued.id, signal, error, attempts, written);
    } finally {
      signal.removeEventListener('abort', stopSlots);
    }
  }

  /** Stage 11 — post-process, write the files (original kept beside), add the asset row. */
  private async persistSlot(plan: GenerationPlan, job: Job, success: SlotSuccess, signal: AbortSignal): Promise<Asset> {
    let processed;
    try {
      processed = await plan.engine.postProcess(plan.request, { bytes: success.output.bytes, mime: success.output.mime }, signal, success.slot.slot);
    } catch (error) {
      if (signal.aborted) throw error;
      throw new SlotFailure('post-process', 'post_process_failed', `Post-processing failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    const format = formatForExtension(processed.extension);
    if (!format) throw new SlotFailure('post-process', 'unsupported_format', `The studio cannot store .${processed.extension} files.`);
    const assetId = newRowId(this.now());
    const createdAt = this.now();
    const metadata = {
      assetId,
      jobId: job.id,
      workspaceId: plan.workspace.id,
      mode: plan.request.mode,
      tool: plan.request.tool,
      preset: plan.request.preset,
      prompt: success.request.prompt,
      negativePrompt: success.request.negativePrompt ?? '',
      seed: success.request.seed,
      provider: success.caps.id,
      model: success.output.model,
      steps: success.request.steps,
      guidance: success.request.guidance,
      sampler: success.request.sampler,
      scheduler: success.request.scheduler,
      // The size the provider rendered (A1111's "Size"); the writer records the file's own size.
      width: success.request.width,
      height: success.request.height,
      slot: success.slot.slot,
      createdAt,
      extra: {
        notes: processed.notes,
        size: plan.request.size,
        controls: plan.request.controls,
        // Frames of one animation stay together: the job is the group, `slot` is the frame index.
        ...(plan.frames ? { group: { type: 'frames', jobId: job.id, frame: success.slot.slot, count: plan.frames.count, fps: plan.frames.fps } } : {}),
      },
    };
    const written = await this.deps.assets.write({
      workspaceFolder: plan.workspace.folder,
      metadata,
      processed,
      // Kept beside the deliverable — unless post-processing passed the provider's bytes
      // through unchanged, when the processed file already is the original.
      original: processed.kind === 'code' || processed.bytes === success.output.bytes ? null : { bytes: success.output.bytes, mime: success.output.mime },
      signal,
    });
    // The same row rebuild-from-folder would make from the file: live and rebuilt libraries agree.
    const row = assetRowFromMetadata(plan.workspace.id, written.metadata, {
      relativePath: written.relativePath,
      bytes: written.bytes,
      format,
      originalRelativePath: written.originalRelativePath,
      thumbnailRelativePath: written.thumbnailRelativePath,
      width: processed.width,
      height: processed.height,
    });
    let asset: Asset | undefined;
    try {
      this.deps.library.assets.insertMany([row]);
      asset = this.deps.library.assets.get(assetId);
    } catch (error) {
      asset = undefined;
      this.deps.log.warn('asset row could not be stored', { assetId, error: String(error) });
    }
    if (!asset) {
      // No row, no files: never leave files the library does not know about.
      this.removeFiles(plan.workspace.folder, [written.relativePath, written.originalRelativePath, written.thumbnailRelativePath]);
      throw new SlotFailure('persist', 'persist_failed', 'The asset could not be recorded in the library (was the workspace removed?).');
    }
    return asset;
  }

  private discardAssets(folder: string, jobId: string, assets: ReadonlyArray<Asset>): void {
    for (const asset of assets) this.removeFiles(folder, [asset.relativePath, asset.metadata['originalPath'], asset.metadata['thumbnailPath']]);
    this.deps.library.assets.deleteByJob(jobId);
  }

  private removeFiles(folder: string, relativePaths: ReadonlyArray<unknown>): void {
    for (const relative of relativePaths) {
      if (typeof relative !== 'string') continue;
      try {
        rmSync(resolveInside(folder, relative), { force: true });
      } catch (error) {
        this.deps.log.warn('could not remove a file', { relative, error: String(error) });
      }
    }
  }

  private describeFailure(failure: unknown): JobError {
    if (failure instanceof SlotFailure) return { stage: failure.stage, code: failure.kind, message: failure.message };
    if (failure instanceof AppFailure) return { stage: 'persist', code: failure.code, message: failure.message };
    const error = toProviderError(failure);
    return { stage: 'persist', code: error.kind, message: error.message };
  }

  /**
   * The job was cancelled (kept: the slots already finished — nothing the user made is lost,
   * except the frames of an incomplete animation), interrupted by shutdown, or failed outside
   * a slot.
   */
  private settleAborted(plan: GenerationPlan, jobId: string, signal: AbortSignal, error: unknown, attempts: JobAttempt[], written: Asset[]): void {
    if (signal.aborted && plan.frames) {
      this.discardAssets(plan.workspace.folder, jobId, written);
      written.length = 0;
    }
    if (signal.aborted && signal.reason === SHUTDOWN) {
      this.update(jobId, { status: 'interrupted', finishedAt: this.now(), attempts, error: INTERRUPTED });
      return;
    }
    if (signal.aborted) {
      const cancelled = this.update(jobId, { status: 'cancelled', finishedAt: this.now(), attempts, error: null });
      if (cancelled) this.emit('jobs.cancelled', { job: cancelled, assets: [...written] });
      return;
    }
    this.finishFailed(jobId, this.describeFailure(error), attempts);
  }

  private finishFailed(jobId: string, error: JobError, attempts: JobAttempt[]): void {
    const failed = this.update(jobId, { status: 'failed', error, finishedAt: this.now(), attempts });
    if (failed) this.emit('jobs.failed', { job: failed, stage: error.stage, error: error.message });
  }

  /** The row may be gone (its workspace was removed meanwhile): then there is nothing to report. */
  private update(jobId: string, patch: JobPatch): Job | undefined {
    const job = this.deps.library.jobs.update(jobId, patch);
    if (!job) this.deps.log.warn('job row vanished while running (workspace removed?)', { jobId });
    return job;
  }

  /** A listener's failure must never fail, re-run or strand a job. */
  private emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    try {
      this.deps.events.emit(event, payload);
    } catch (error) {
      this.deps.log.error('event listener failed', { event, error: String(error) });
    }
  }

  /**
   * Tools that start from an image: the input asset must belong to this workspace; the mask is
   * the painted one, or the one an earlier job of this workspace stored.
   */
  private loadInputImages(plan: GenerationPlan): Pick<ProviderRequest, 'inputImage' | 'mask'> {
    const { inputAssetId, maskPngBase64, maskFromJobId } = plan.request;
    if (inputAssetId === undefined) return {};
    const asset = this.deps.library.assets.get(inputAssetId);
    if (!asset || asset.workspaceId !== plan.workspace.id) {
      throw new AppFailure('not_found', 'The input image is not an asset of this workspace.', 'inputAssetId');
    }
    let bytes: Buffer;
    try {
      bytes = readFileSync(resolveInside(plan.workspace.folder, asset.relativePath));
    } catch {
      throw new AppFailure('not_found', 'The input image file is missing from the workspace folder.', 'inputAssetId');
    }
    const mask = maskFromJobId ? readJobMask(this.deps.library.jobs, plan.workspace, maskFromJobId) : maskPngBase64 ? Buffer.from(maskPngBase64, 'base64') : null;
    return {
      inputImage: { bytes, mime: asset.mime },
      ...(mask ? { mask: { bytes: mask, mime: 'image/png' } } : {}),
    };
  }
}
