/**
 * The studio's "Latest result" panel: the newest job's results in the mode's own live view
 * (studioViews.ts), with a variant switch when the job made several. Modes without a view show
 * nothing here; the gallery has their results.
 *
 * The job comes from the jobs store, not the gallery page: a gallery filter (starred only, another
 * tool) must never hide the result of the run the user just made (UX review).
 */
import { useEffect, useState } from 'react';
import type { Asset } from '../../../shared/library';
import type { ModeId } from '../../../shared/modes';
import type { Workspace } from '../../../shared/workspace';
import { SegmentedRadio } from '../components/SegmentedRadio';
import { useJobs } from '../stores';
import { selectLatestSucceeded } from '../stores/jobs';
import { latestGroup } from './latestGroup';
import { resultViewFor } from './studioViews';

export function LatestResult({ workspace }: { workspace: Workspace }) {
  const latest = useJobs((s) => (s.workspaceId === workspace.id ? selectLatestSucceeded(s) : null));
  const loadJobAssets = useJobs((s) => s.loadJobAssets);
  const jobId = latest?.job.id ?? null;
  const known = latest?.assets !== null;
  useEffect(() => {
    if (jobId !== null && !known) void loadJobAssets(jobId);
  }, [jobId, known, loadJobAssets]);
  const group = latestGroup(latest?.assets ?? [], (asset) => resultViewFor(workspace.mode, asset) !== null);
  const [picked, setPicked] = useState<string | null>(null);
  const shown = group.find((a) => a.id === picked) ?? group[0];
  if (shown === undefined) return null;
  const view = resultViewFor(workspace.mode, shown);
  if (view === null) return null;
  const prompt = typeof shown.metadata['prompt'] === 'string' ? shown.metadata['prompt'] : '';
  return (
    <section className="latest-result" aria-labelledby="latest-result-title">
      <div className="latest-result-header">
        <h2 id="latest-result-title" className="section-title">
          Latest result · {view.title}
        </h2>
        {group.length > 1 && <SegmentedRadio label="Variant" options={group.map((asset, i) => ({ value: asset.id, label: String(i + 1) }))} value={shown.id} onChange={setPicked} />}
        {prompt !== '' && (
          <span className="latest-result-prompt" title={prompt}>
            {prompt}
          </span>
        )}
      </div>
      <view.View key={shown.id} asset={shown} />
    </section>
  );
}

/** The mode's view of one asset, for the asset viewer (null when the mode has none for it). */
export function StudioAssetView({ mode, asset }: { mode: ModeId; asset: Asset }) {
  const view = resultViewFor(mode, asset);
  return view === null ? null : <view.View asset={asset} />;
}
