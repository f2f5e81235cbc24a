/**
 * Above the grid: prompt search (debounced; FTS5 in the core), filters by tool, preset,
 * provider and status, "Starred only", and — while assets are selected — the selection bar
 * (star, unstar, delete with Undo, clear). Other features add their own selection actions
 * through `selectionActions` (exports do).
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { JOB_STATUSES, type AssetFilter } from '../../../../shared/library';
import { Button } from '../../components/Button';
import { humanize, SelectField, type SelectOption } from '../../components/FormFields';
import { Icon } from '../../components/Icon';
import { useLibrary, useSelection } from '../../stores';
import { JOB_STATUS_LABELS } from '../../stores/jobs';
import { isFiltered, selectFacets, selectFilter } from '../../stores/library';
import { selectSelectedIds } from '../../stores/selection';

/** How long typing must pause before the search runs (one query per pause, not per key). */
export const SEARCH_DEBOUNCE_MS = 250;

/** `value` once it has stopped changing for `delay` ms. */
export function useDebounced<T>(value: T, delay: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), delay);
    return () => window.clearTimeout(timer);
  }, [value, delay]);
  return settled;
}

const ALL = '';

function facetOptions(values: ReadonlyArray<string>, all: string, current: string | undefined): ReadonlyArray<SelectOption<string>> {
  // The current value stays listed even when no asset has it any more (after a delete).
  const list = current !== undefined && !values.includes(current) ? [...values, current] : values;
  return [{ value: ALL, label: all }, ...list.map((v) => ({ value: v, label: humanize(v) }))];
}

/** The filter menus, in order; tool, preset and provider list the workspace's own values. */
const FACET_FILTERS = [
  { key: 'tool', label: 'Tool', all: 'All tools' },
  { key: 'preset', label: 'Preset', all: 'All presets' },
  { key: 'provider', label: 'Provider', all: 'All providers' },
  { key: 'status', label: 'Status', all: 'Any status' },
] as const;
const FACET_VALUES = { tool: 'tools', preset: 'presets', provider: 'providers' } as const;

const STATUS_OPTIONS: ReadonlyArray<SelectOption<string>> = [
  { value: ALL, label: 'Any status' },
  ...JOB_STATUSES.map((s) => ({ value: s, label: JOB_STATUS_LABELS[s] })),
];

export function GalleryToolbar({ workspaceId, selectionActions }: { workspaceId: string; selectionActions?: ReactNode }) {
  const filter = useLibrary(selectFilter(workspaceId));
  const facets = useLibrary(selectFacets(workspaceId));
  const setFilter = useLibrary((s) => s.setFilter);
  const clearFilter = useLibrary((s) => s.clearFilter);
  const loadFacets = useLibrary((s) => s.loadFacets);
  const searchId = useId();
  const [text, setText] = useState(filter.query ?? '');
  const query = useDebounced(text, SEARCH_DEBOUNCE_MS);
  // The search box follows the filter when something else changes it (the empty state's
  // "Clear filters"): React's "adjust state while rendering" pattern, no effect round trip.
  const [shownQuery, setShownQuery] = useState(filter.query);
  if (filter.query !== shownQuery) {
    setShownQuery(filter.query);
    if ((filter.query ?? '') !== query) setText(filter.query ?? '');
  }
  const pushed = useRef(filter.query ?? '');

  // The filter menus' values are not needed for the first paint: fetched once the browser is
  // idle, so the query never delays the first page of thumbnails (gallery.first_grid_ms).
  useEffect(() => {
    const run = (): void => void loadFacets(workspaceId);
    if (typeof window.requestIdleCallback === 'function') {
      const handle = window.requestIdleCallback(run, { timeout: 1000 });
      return () => window.cancelIdleCallback(handle);
    }
    const timer = window.setTimeout(run, 200);
    return () => window.clearTimeout(timer);
  }, [loadFacets, workspaceId]);

  // The debounced text becomes the filter — only when the user changed it: not on mount, and
  // not when a stale debounced value meets a filter cleared from elsewhere.
  useEffect(() => {
    const current = filter.query ?? '';
    if (query === current) pushed.current = query;
    else if (query !== pushed.current) {
      pushed.current = query;
      void setFilter(workspaceId, { query });
    }
  }, [query, filter.query, setFilter, workspaceId]);

  const set = (patch: Partial<AssetFilter>): void => void setFilter(workspaceId, patch);
  const pick = (value: string): string | undefined => (value === ALL ? undefined : value);

  return (
    <div className="gallery-toolbar">
      <div className="gallery-filters" role="search" aria-label="Filter assets">
        <div className="gallery-search">
          <Icon name="search" className="gallery-search-icon" />
          <label htmlFor={searchId} className="visually-hidden">
            Search prompts
          </label>
          <input
            id={searchId}
            type="search"
            className="input"
            data-shortcut="gallery-search"
            aria-keyshortcuts="Control+F Meta+F /"
            placeholder="Search prompts…"
            value={text}
            maxLength={200}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={(event) => {
              // Enter searches at once; Esc in a non-empty box clears it (then bubbles no further).
              if (event.key === 'Enter') void setFilter(workspaceId, { query: text });
              if (event.key === 'Escape' && text !== '') {
                event.stopPropagation();
                setText('');
              }
            }}
          />
        </div>
        {FACET_FILTERS.map(({ key, label, all }) => (
          <SelectField
            key={key}
            className="gallery-filter"
            label={label}
            value={filter[key] ?? ALL}
            options={key === 'status' ? STATUS_OPTIONS : facetOptions(facets[FACET_VALUES[key]], all, filter[key])}
            onChange={(v) => set({ [key]: pick(v) })}
          />
        ))}
        <Button
          size="sm"
          variant={filter.starredOnly === true ? 'primary' : 'secondary'}
          icon="star"
          aria-pressed={filter.starredOnly === true}
          onClick={() => set({ starredOnly: filter.starredOnly !== true })}
        >
          Starred only
        </Button>
        {isFiltered(filter) && (
          <Button
            size="sm"
            variant="ghost"
            icon="close"
            onClick={() => {
              setText('');
              void clearFilter(workspaceId);
            }}
          >
            Clear filters
          </Button>
        )}
      </div>
      <SelectionBar workspaceId={workspaceId}>{selectionActions}</SelectionBar>
    </div>
  );
}

function SelectionBar({ workspaceId, children }: { workspaceId: string; children?: ReactNode }) {
  const ids = useSelection(selectSelectedIds);
  const mine = useSelection((s) => s.workspaceId === workspaceId);
  const clear = useSelection((s) => s.clear);
  const remove = useSelection((s) => s.remove);
  const star = useLibrary((s) => s.star);
  const deleteAssets = useLibrary((s) => s.deleteAssets);
  const [busy, setBusy] = useState(false);
  if (!mine || ids.length === 0) return null;

  const run = (action: () => Promise<unknown>): void => {
    setBusy(true);
    void action().finally(() => setBusy(false));
  };

  return (
    <div className="selection-bar" role="toolbar" aria-label="Selection">
      <span className="selection-count" aria-live="polite">
        {ids.length === 1 ? '1 selected' : `${ids.length} selected`}
      </span>
      <Button size="sm" icon="star" disabled={busy} onClick={() => run(() => star(workspaceId, ids, true))}>
        Star
      </Button>
      <Button size="sm" disabled={busy} onClick={() => run(() => star(workspaceId, ids, false))}>
        Unstar
      </Button>
      {children}
      <Button
        size="sm"
        variant="danger"
        icon="trash"
        pending={busy}
        onClick={() =>
          run(async () => {
            const result = await deleteAssets(workspaceId, ids);
            if (result.ok) remove(result.value.deleted);
          })
        }
      >
        Delete
      </Button>
      <Button size="sm" variant="ghost" icon="close" onClick={() => clear()}>
        Clear selection
      </Button>
    </div>
  );
}
