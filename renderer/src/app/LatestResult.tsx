/**
 * The studio's "Latest result" panel: the workspace's newest asset in the mode's own live
 * view (studioViews.ts). Modes without one show nothing here; the gallery has their results.
 */
import type { Asset } from '../../../shared/library';
import type { ModeId } from '../../../shared/modes';
import type { Workspace } from '../../../shared/workspace';
import { useLibrary } from '../stores';
import { selectWorkspaceAssets } from '../stores/library';
import { resultViewFor } from './studioViews';

export function LatestResult({ workspace }: { workspace: Workspace }) {
  const { items } = useLibrary(selectWorkspaceAssets(workspace.id));
  const latest = items.find((asset) => resultViewFor(workspace.mode, asset) !== null);
  if (latest === undefined) return null;
  const view = resultViewFor(workspace.mode, latest);
  if (view === null) return null;
  const prompt = typeof latest.metadata['prompt'] === 'string' ? latest.metadata['prompt'] : '';
  return (
    <section className="latest-result" aria-labelledby="latest-result-title">
      <div className="latest-result-header">
        <h2 id="latest-result-title" className="section-title">
          Latest result · {view.title}
        </h2>
        {prompt !== '' && (
          <span className="latest-result-prompt" title={prompt}>
            {prompt}
          </span>
        )}
      </div>
      <view.View key={latest.id} asset={latest} />
    </section>
  );
}

/** The mode's view of one asset, for the asset viewer (null when the mode has none for it). */
export function StudioAssetView({ mode, asset }: { mode: ModeId; asset: Asset }) {
  const view = resultViewFor(mode, asset);
  return view === null ? null : <view.View asset={asset} />;
}
