/**
 * The gallery of a studio's workspace: thumbnails newest first in a row-virtualised grid
 * (@tanstack/react-virtual over rows; the column count follows the container's width), so
 * only the visible rows — plus a few overscan rows — are in the DOM even at 10k+ assets.
 * The next page (keyset cursor) loads when the last rows come into view; "Load more" stays
 * as a fallback. Cards are buttons named by the prompt; Enter or a click opens the viewer;
 * arrow keys, Page Up/Down and Home/End move between cards. Search and filters narrow the
 * same grid (in the core); the gallery's shortcuts are in gallery/galleryShortcuts.ts.
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { MODES } from '../../../shared/modes';
import type { Asset } from '../../../shared/library';
import type { Workspace } from '../../../shared/workspace';
import { Button } from '../components/Button';
import { EmptyState } from '../components/EmptyState';
import { Spinner } from '../components/Spinner';
import { useLibrary, useSelection, useToasts } from '../stores';
import { isFiltered, selectFilter, selectWorkspaceAssets } from '../stores/library';
import { AssetCard } from './gallery/AssetCard';
import { AssetViewer } from './gallery/AssetViewer';
import { GalleryToolbar } from './gallery/GalleryToolbar';
import { galleryCommand, nextStarred, targetsOf, type GalleryCommand } from './gallery/galleryShortcuts';
import {
  columnCount,
  GRID_GAP,
  gridMove,
  OVERSCAN_ROWS,
  ROW_HEIGHT,
  rowCount,
  rowOfIndex,
  rowSlice,
  shouldLoadMore,
} from './gallery/galleryModel';

export function AssetsArea({ workspace, selectionActions }: { workspace: Workspace; selectionActions?: ReactNode }) {
  const { status, items, nextCursor, error } = useLibrary(selectWorkspaceAssets(workspace.id));
  const loadAssets = useLibrary((s) => s.loadAssets);
  const filter = useLibrary(selectFilter(workspace.id));
  const filtered = isFiltered(filter);
  const clearFilter = useLibrary((s) => s.clearFilter);
  const clearSelection = useSelection((s) => s.clear);

  useEffect(() => {
    void loadAssets(workspace.id);
  }, [loadAssets, workspace.id]);

  // A selection belongs to what is shown: another workspace or another filter starts afresh.
  useEffect(() => {
    clearSelection();
  }, [clearSelection, workspace.id, filter]);

  const toolbar = <GalleryToolbar workspaceId={workspace.id} selectionActions={selectionActions} />;

  if (items.length === 0 && filtered && status !== 'error') {
    return (
      <section className="gallery" aria-labelledby="gallery-title">
        <GalleryHeader count={0} more={false} />
        {toolbar}
        {status === 'ready' ? (
          <EmptyState
            icon="search"
            title="No assets match"
            actions={
              <Button icon="close" onClick={() => void clearFilter(workspace.id)}>
                Clear filters
              </Button>
            }
          >
            <p>Nothing in “{workspace.name}” matches this search and these filters.</p>
          </EmptyState>
        ) : (
          <div className="page-centered">
            <Spinner size="md" label="Searching…" />
          </div>
        )}
      </section>
    );
  }
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
    <section className="gallery" aria-labelledby="gallery-title" aria-busy={status === 'loading' || undefined}>
      <GalleryHeader count={items.length} more={nextCursor !== null} />
      {toolbar}
      <VirtualGrid workspace={workspace} items={items} hasMore={nextCursor !== null} busy={status === 'loading' || status === 'error'} />
      {status === 'error' && <p className="field-error">{error?.message}</p>}
      {nextCursor !== null && <LoadMoreButton workspaceId={workspace.id} pending={status === 'loading'} />}
    </section>
  );
}

function GalleryHeader({ count, more }: { count: number; more: boolean }) {
  return (
    <div className="gallery-header">
      <h2 id="gallery-title" className="section-title">
        Assets
      </h2>
      <span className="gallery-count">
        {count}
        {more ? '+' : ''}
      </span>
    </div>
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

  const commands = useGalleryCommands(workspace.id, items);
  const select = useSelection((s) => s.select);
  const itemsRef = useLatest(items);
  // Stable while pages load, so the memoised cards do not all re-render on every page.
  const onSelect = useCallback(
    (id: string, mode: 'toggle' | 'range') => select(workspace.id, id, mode, itemsRef.current.map((a) => a.id)),
    [select, workspace.id, itemsRef],
  );

  // Arrow keys, Page Up/Down and Home/End move between cards, rows the virtualiser has not rendered included.
  const onGridKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (!(event.target instanceof HTMLElement)) return;
    const id = event.target.dataset['assetId'];
    if (id === undefined) return;
    const command = galleryCommand(event);
    if (command !== null) {
      event.preventDefault();
      commands.run(command, id);
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
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
                  <AssetCard
                    key={asset.id}
                    asset={asset}
                    onOpen={setViewing}
                    onSelect={onSelect}
                    onCommand={commands.onCard}
                    onDragOut={commands.dragOut}
                  />
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

/**
 * The gallery's actions on assets: keyboard commands on the focused card (acting on the
 * selection when the card is part of it) and the card buttons (acting on that card).
 */
/** A ref that always holds the latest value (read in callbacks that must stay stable). */
function useLatest<T>(value: T): { readonly current: T } {
  const ref = useRef(value);
  useEffect(() => {
    ref.current = value;
  }, [value]);
  return ref;
}

function useGalleryCommands(workspaceId: string, items: ReadonlyArray<Asset>) {
  const itemsRef = useLatest(items);
  const star = useLibrary((s) => s.star);
  const deleteAssets = useLibrary((s) => s.deleteAssets);
  const rerun = useLibrary((s) => s.rerun);
  const reveal = useLibrary((s) => s.reveal);
  const startDrag = useLibrary((s) => s.startDrag);
  const push = useToasts((s) => s.push);
  const selection = useSelection;

  const act = useCallback(
    (command: GalleryCommand, ids: ReadonlyArray<string>, focused: string | null): void => {
      const items = itemsRef.current;
      const byId = new Map(items.map((a) => [a.id, a]));
      const focusedAsset = focused === null ? undefined : byId.get(focused);
      switch (command) {
        case 'toggle-star': {
          const targets = ids.flatMap((id) => byId.get(id) ?? []);
          if (targets.length > 0) void star(workspaceId, ids, nextStarred(targets));
          return;
        }
        case 'delete':
          if (ids.length > 0) {
            void deleteAssets(workspaceId, ids).then((result) => {
              if (result.ok) selection.getState().remove(result.value.deleted);
            });
          }
          return;
        case 'rerun':
        case 'remix':
          if (focusedAsset !== undefined) {
            void rerun(focusedAsset, command === 'rerun' ? 'same-seed' : 'new-seed').then((result) => {
              if (result.ok) push({ tone: 'success', message: command === 'rerun' ? 'Re-run queued with the same seed.' : 'Remix queued with a new seed.' });
            });
          }
          return;
        case 'copy-prompt':
          if (focusedAsset !== undefined) {
            const prompt = focusedAsset.metadata['prompt'];
            void navigator.clipboard.writeText(typeof prompt === 'string' ? prompt : '').then(
              () => push({ tone: 'success', message: 'Prompt copied.' }),
              () => push({ tone: 'error', message: 'The clipboard is not available.' }),
            );
          }
          return;
        case 'reveal':
          if (focused !== null) void reveal(focused);
          return;
        case 'select-all':
          selection.getState().selectAll(workspaceId, items.map((a) => a.id));
          return;
        case 'toggle-select':
          if (focused !== null) selection.getState().select(workspaceId, focused, 'toggle', items.map((a) => a.id));
          return;
        case 'clear-selection':
          selection.getState().clear();
          return;
      }
    },
    [itemsRef, star, deleteAssets, rerun, reveal, push, selection, workspaceId],
  );

  /** A key on the focused card: the selection when the card is in it, else the card. */
  const run = useCallback(
    (command: GalleryCommand, focused: string): void => {
      const state = selection.getState();
      const selected = state.workspaceId === workspaceId ? state.ids : [];
      act(command, targetsOf(selected, focused), focused);
    },
    [act, selection, workspaceId],
  );

  /** A card's own button: that card (its star toggles it alone). */
  const onCard = useCallback((id: string, command: GalleryCommand) => act(command, [id], id), [act]);
  const dragOut = useCallback((id: string) => startDrag(id), [startDrag]);
  return { run, onCard, dragOut };
}
