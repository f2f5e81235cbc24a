/**
 * The gallery of a studio's workspace: thumbnails newest first in a row-virtualised grid
 * (@tanstack/react-virtual over rows; the column count follows the container's width), so
 * only the visible rows — plus a few overscan rows — are in the DOM even at 10k+ assets.
 * The next page (keyset cursor) loads when the last rows come into view; "Load more" stays
 * as a fallback. Cards are buttons named by the prompt; Enter or a click opens the viewer;
 * arrow keys, Page Up/Down and Home/End move between cards.
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
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
import { AssetViewer } from './gallery/AssetViewer';
import {
  columnCount,
  fileName,
  GRID_GAP,
  gridMove,
  metadataPath,
  OVERSCAN_ROWS,
  promptOf,
  ROW_HEIGHT,
  rowCount,
  rowOfIndex,
  rowSlice,
  shouldLoadMore,
} from './gallery/galleryModel';

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
      <VirtualGrid workspace={workspace} items={items} hasMore={nextCursor !== null} busy={status === 'loading' || status === 'error'} />
      {status === 'error' && <p className="field-error">{error?.message}</p>}
      {nextCursor !== null && <LoadMoreButton workspaceId={workspace.id} pending={status === 'loading'} />}
    </section>
  );
}

function LoadMoreButton({ workspaceId, pending }: { workspaceId: string; pending: boolean }) {
  const loadMore = useLibrary((s) => s.loadMore);
  return (
    <div className="gallery-more">
      <Button pending={pending} onClick={() => void loadMore(workspaceId)}>
        Load more
      </Button>
    </div>
  );
}

function VirtualGrid({
  workspace,
  items,
  hasMore,
  busy,
}: {
  workspace: Workspace;
  items: ReadonlyArray<Asset>;
  hasMore: boolean;
  busy: boolean;
}) {
  const loadMore = useLibrary((s) => s.loadMore);
  const scrollerRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const [viewing, setViewing] = useState<string | null>(null);

  // Columns follow the container's width (the observer also reports the first size).
  useEffect(() => {
    const element = scrollerRef.current;
    if (element === null) return undefined;
    const observer = new ResizeObserver(([entry]) => {
      if (entry !== undefined) setWidth(entry.contentRect.width);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const columns = columnCount(width);
  const rows = rowCount(items.length, columns);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualiser's functions are read during render on purpose; this component is not memoised by the compiler.
  const virtualizer = useVirtualizer({
    count: rows,
    getScrollElement: () => scrollerRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN_ROWS,
  });
  const virtualRows = virtualizer.getVirtualItems();
  const lastRenderedRow = virtualRows.length > 0 ? virtualRows[virtualRows.length - 1]!.index : -1;

  // The next page, when the last loaded rows come into view.
  useEffect(() => {
    if (shouldLoadMore({ lastRenderedRow, rowCount: rows, hasMore, busy })) void loadMore(workspace.id);
  }, [lastRenderedRow, rows, hasMore, busy, loadMore, workspace.id]);

  // The viewer near the end of what is loaded fetches ahead too, so Next keeps going.
  const viewingIndex = viewing === null ? -1 : items.findIndex((a) => a.id === viewing);
  useEffect(() => {
    if (viewingIndex >= 0 && viewingIndex >= items.length - 2 && hasMore && !busy) void loadMore(workspace.id);
  }, [viewingIndex, items.length, hasMore, busy, loadMore, workspace.id]);

  // Scrolls an asset's row into view and focuses its card once the row is rendered.
  const focusAsset = useCallback(
    (id: string, defer = false) => {
      const index = items.findIndex((a) => a.id === id);
      if (index < 0) return;
      virtualizer.scrollToIndex(rowOfIndex(index, columns), { align: 'auto' });
      let tries = 0;
      const focusCard = (): boolean => {
        const card = scrollerRef.current?.querySelector<HTMLElement>(`[data-asset-id="${CSS.escape(id)}"]`);
        card?.focus({ preventScroll: true });
        return card != null;
      };
      const retry = (): void => {
        if (!focusCard() && (tries += 1) < 10) requestAnimationFrame(retry);
      };
      // A rendered card takes the focus at once (fast key repeat stays in step); else once its
      // row renders — and always after the frame when a closing dialog hands focus back first.
      if (defer || !focusCard()) requestAnimationFrame(retry);
    },
    [items, virtualizer, columns],
  );

  // Esc gives focus back to the card of the asset last shown (after the dialog gave it to the opener).
  const closeViewer = useCallback(() => {
    const id = viewing;
    setViewing(null);
    if (id !== null) focusAsset(id, true);
  }, [viewing, focusAsset]);

  // Arrow keys, Page Up/Down and Home/End move between cards, rows the virtualiser has not rendered included.
  const onGridKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.ctrlKey || event.metaKey || event.altKey || !(event.target instanceof HTMLElement)) return;
    const id = event.target.dataset['assetId'];
    if (id === undefined) return;
    const rowsPerPage = Math.max(1, Math.floor((scrollerRef.current?.clientHeight ?? ROW_HEIGHT) / ROW_HEIGHT));
    const target = gridMove(
      items.findIndex((a) => a.id === id),
      event.key,
      columns,
      items.length,
      rowsPerPage,
    );
    if (target === null) return;
    event.preventDefault();
    const next = items[target];
    if (next !== undefined) focusAsset(next.id);
  };

  const viewed = viewingIndex >= 0 ? items[viewingIndex] : undefined;
  const pixel = workspace.mode === 'pixel';

  return (
    <>
      <div ref={scrollerRef} className={pixel ? 'gallery-scroller asset-grid-pixel' : 'gallery-scroller'} onKeyDown={onGridKeyDown}>
        <div className="gallery-canvas" role="list" aria-label="Assets" style={{ height: `${virtualizer.getTotalSize()}px` }}>
          {virtualRows.map((row) => {
            const { start, end } = rowSlice(row.index, columns, items.length);
            return (
              <div
                key={row.key}
                className="asset-row"
                style={{
                  transform: `translateY(${row.start}px)`,
                  gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
                  gap: `${GRID_GAP}px`,
                }}
              >
                {items.slice(start, end).map((asset) => (
                  <AssetCard key={asset.id} asset={asset} onOpen={setViewing} />
                ))}
              </div>
            );
          })}
        </div>
      </div>
      {viewed !== undefined && (
        <AssetViewer workspace={workspace} items={items} asset={viewed} onNavigate={setViewing} onClose={closeViewer} />
      )}
    </>
  );
}

function AssetCard({ asset, onOpen }: { asset: Asset; onOpen: (id: string) => void }) {
  const thumbnail = metadataPath(asset, 'thumbnailPath');
  const isCode = asset.kind === 'code';
  const prompt = promptOf(asset);
  return (
    <div className="asset-card" role="listitem">
      <button
        type="button"
        className="asset-thumb asset-open"
        data-asset-id={asset.id}
        aria-label={isCode ? prompt : undefined}
        aria-haspopup="dialog"
        onClick={() => onOpen(asset.id)}
      >
        {isCode ? (
          <span className="asset-code">
            <Icon name="code" size={28} />
            <span className="asset-code-name">{fileName(asset.relativePath)}</span>
          </span>
        ) : (
          <img
            className="asset-img"
            src={assetUrl(asset.workspaceId, thumbnail ?? asset.relativePath)}
            alt={prompt}
            decoding="async"
            draggable={false}
          />
        )}
      </button>
      <div className="asset-meta">
        <span className="asset-path" title={`${prompt}\n${asset.relativePath}`}>
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
    </div>
  );
}
