/**
 * The gallery area of a studio. For now a plain grid of the first page of assets; the
 * virtualised gallery replaces it when generation lands.
 */
import { useEffect } from 'react';
import { MODES } from '../../../shared/modes';
import type { Asset } from '../../../shared/library';
import type { Workspace } from '../../../shared/workspace';
import { Badge } from '../components/Badge';
import { Button } from '../components/Button';
import { EmptyState } from '../components/EmptyState';
import { Spinner } from '../components/Spinner';
import { useLibrary } from '../stores';
import { selectWorkspaceAssets } from '../stores/library';
import { formatBytes } from './format';

export function AssetsArea({ workspace }: { workspace: Workspace }) {
  const { status, items, nextCursor, error } = useLibrary(selectWorkspaceAssets(workspace.id));
  const loadAssets = useLibrary((s) => s.loadAssets);

  useEffect(() => {
    void loadAssets(workspace.id);
  }, [loadAssets, workspace.id]);

  if (items.length === 0 && (status === 'idle' || status === 'loading')) {
    return (
      <div className="page-centered">
        <Spinner size="md" label="Loading assets…" />
      </div>
    );
  }
  if (items.length === 0 && status === 'error') {
    return (
      <EmptyState
        icon="warning"
        title="Assets could not be loaded"
        actions={
          <Button icon="refresh" onClick={() => void loadAssets(workspace.id)}>
            Try again
          </Button>
        }
      >
        <p>{error?.message}</p>
      </EmptyState>
    );
  }
  if (items.length === 0 && workspace.missing) {
    return (
      <EmptyState icon="folder" title="No assets yet">
        <p>Nothing is listed for “{workspace.name}”. Once its folder is back, what it holds shows here.</p>
      </EmptyState>
    );
  }
  if (items.length === 0) {
    return (
      <EmptyState icon="sparkle" title="No assets yet">
        <p>
          “{workspace.name}” is ready. Generation arrives with the pipeline in an upcoming version: what you make in the{' '}
          {MODES[workspace.mode].name} studio will appear here, saved as files in this workspace’s folder.
        </p>
      </EmptyState>
    );
  }
  return (
    <section className="gallery" aria-labelledby="gallery-title">
      <div className="gallery-header">
        <h2 id="gallery-title" className="section-title">
          Assets
        </h2>
        <span className="gallery-count">
          {items.length}
          {nextCursor !== null ? '+' : ''}
        </span>
      </div>
      <ul className="asset-grid">
        {items.map((asset) => (
          <AssetCard key={asset.id} asset={asset} />
        ))}
      </ul>
    </section>
  );
}

function AssetCard({ asset }: { asset: Asset }) {
  return (
    <li className="asset-card">
      <div className="asset-thumb" aria-hidden="true">
        <span className="asset-kind">{asset.kind}</span>
      </div>
      <div className="asset-meta">
        <span className="asset-path" title={asset.relativePath}>
          {asset.relativePath}
        </span>
        <span className="asset-details">
          {asset.width !== null && asset.height !== null && `${asset.width}×${asset.height} · `}
          {formatBytes(asset.bytes)}
          {asset.starred && (
            <>
              {' '}
              <Badge tone="accent">Starred</Badge>
            </>
          )}
        </span>
      </div>
    </li>
  );
}
