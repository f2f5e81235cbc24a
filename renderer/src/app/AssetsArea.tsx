/**
 * The gallery of a studio's workspace: thumbnails newest first, a page at a time ("Load
 * more" follows the keyset cursor); the first page reloads when a job of the workspace
 * succeeds. Not virtualised yet (no virtualiser is installed): a CSS grid whose cards use
 * `content-visibility: auto`, so off-screen cards skip layout and paint.
 */
import { useEffect } from 'react';
import { MODES } from '../../../shared/modes';
import type { Asset } from '../../../shared/library';
import type { Workspace } from '../../../shared/workspace';
import { Badge } from '../components/Badge';
import { Button } from '../components/Button';
import { EmptyState } from '../components/EmptyState';
import { Spinner } from '../components/Spinner';
import { Icon } from '../components/Icon';
import { assetUrl, useLibrary } from '../stores';
import { selectWorkspaceAssets } from '../stores/library';
import { formatBytes } from './format';

export function AssetsArea({ workspace }: { workspace: Workspace }) {
  const { status, items, nextCursor, error } = useLibrary(selectWorkspaceAssets(workspace.id));
  const loadAssets = useLibrary((s) => s.loadAssets);
  const loadMore = useLibrary((s) => s.loadMore);

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
          “{workspace.name}” is ready. What you make in the {MODES[workspace.mode].name} studio appears here, saved as
          files in this workspace’s folder. Write a prompt and press Generate (Ctrl+Enter).
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
      <ul className={workspace.mode === 'pixel' ? 'asset-grid asset-grid-pixel' : 'asset-grid'}>
        {items.map((asset) => (
          <AssetCard key={asset.id} asset={asset} />
        ))}
      </ul>
      {status === 'error' && <p className="field-error">{error?.message}</p>}
      {nextCursor !== null && (
        <div className="gallery-more">
          <Button pending={status === 'loading'} onClick={() => void loadMore(workspace.id)}>
            Load more
          </Button>
        </div>
      )}
    </section>
  );
}

function promptOf(asset: Asset): string {
  const prompt = asset.metadata.prompt;
  return typeof prompt === 'string' && prompt !== '' ? prompt : fileName(asset.relativePath);
}

function fileName(relativePath: string): string {
  return relativePath.split('/').pop() ?? relativePath;
}

function AssetCard({ asset }: { asset: Asset }) {
  const thumbnail = asset.metadata.thumbnailPath;
  const isCode = asset.kind === 'code';
  const src = assetUrl(asset.workspaceId, typeof thumbnail === 'string' && thumbnail !== '' ? thumbnail : asset.relativePath);
  return (
    <li className="asset-card">
      <div className="asset-thumb">
        {isCode ? (
          <span className="asset-code">
            <Icon name="code" size={28} />
            <span className="asset-code-name">{fileName(asset.relativePath)}</span>
          </span>
        ) : (
          <img className="asset-img" src={src} alt={promptOf(asset)} loading="lazy" decoding="async" draggable={false} />
        )}
      </div>
      <div className="asset-meta">
        <span className="asset-path" title={`${promptOf(asset)}\n${asset.relativePath}`}>
          {fileName(asset.relativePath)}
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
