/**
 * The gallery's multi-selection (one workspace at a time), in a store of its own so any
 * part of the studio can act on it — delete and star here, exports from their own component
 * (`useSelection(selectSelectedIds)`).
 *
 * Click semantics follow the desktop file managers: a plain click selects one card, Ctrl/⌘
 * toggles one, Shift selects the range from the anchor (the last plain or Ctrl click).
 */
import { create } from 'zustand';

export type SelectMode = 'replace' | 'toggle' | 'range';

export interface SelectionState {
  /** The workspace the selection belongs to; changing workspace clears it. */
  readonly workspaceId: string | null;
  /** Selected asset ids, in the order they were selected (ranges in gallery order). */
  readonly ids: ReadonlyArray<string>;
  /** The same ids as a lookup, so each card's selector is O(1) even with 10k selected. */
  readonly selected: Readonly<Record<string, true>>;
  /** Where a Shift-click range starts. */
  readonly anchor: string | null;
  /** `order`: the asset ids as the gallery shows them (for ranges). */
  select(workspaceId: string, id: string, mode: SelectMode, order: ReadonlyArray<string>): void;
  selectAll(workspaceId: string, ids: ReadonlyArray<string>): void;
  /** Drops ids (deleted, filtered away) from the selection. */
  remove(ids: Iterable<string>): void;
  /** Empties the selection (for `workspaceId`, or whatever it holds when omitted). */
  clear(workspaceId?: string | null): void;
}

const lookup = (ids: ReadonlyArray<string>): Record<string, true> => Object.fromEntries(ids.map((id) => [id, true as const]));

/** The ids between `from` and `to` in `order`, both included, in gallery order. */
export function rangeBetween(order: ReadonlyArray<string>, from: string, to: string): string[] {
  const a = order.indexOf(from);
  const b = order.indexOf(to);
  if (a < 0 || b < 0) return [to];
  return order.slice(Math.min(a, b), Math.max(a, b) + 1);
}

export const selectSelectedIds = (s: SelectionState): ReadonlyArray<string> => s.ids;
export const selectSelectionCount = (s: SelectionState): number => s.ids.length;
export const selectIsSelected =
  (id: string) =>
  (s: SelectionState): boolean =>
    s.selected[id] === true;

export function createSelectionStore() {
  return create<SelectionState>()((set, get) => {
    const put = (workspaceId: string | null, ids: ReadonlyArray<string>, anchor: string | null): void => {
      set({ workspaceId, ids, selected: lookup(ids), anchor });
    };
    return {
      workspaceId: null,
      ids: [],
      selected: {},
      anchor: null,
      select(workspaceId, id, mode, order) {
        const state = get();
        const current = state.workspaceId === workspaceId ? state.ids : [];
        if (mode === 'replace') {
          put(workspaceId, [id], id);
        } else if (mode === 'toggle') {
          const next = current.includes(id) ? current.filter((x) => x !== id) : [...current, id];
          put(workspaceId, next, id);
        } else {
          const anchor = state.workspaceId === workspaceId && state.anchor !== null ? state.anchor : id;
          const range = rangeBetween(order, anchor, id);
          // Shift-click adds the range to what Ctrl-clicks gathered, like file managers do.
          const kept = current.filter((x) => !range.includes(x));
          put(workspaceId, [...kept, ...range], anchor);
        }
      },
      selectAll(workspaceId, ids) {
        put(workspaceId, [...ids], ids[0] ?? null);
      },
      remove(ids) {
        const drop = new Set(ids);
        const state = get();
        if (!state.ids.some((id) => drop.has(id))) return;
        const next = state.ids.filter((id) => !drop.has(id));
        put(state.workspaceId, next, state.anchor !== null && drop.has(state.anchor) ? null : state.anchor);
      },
      clear(workspaceId) {
        const state = get();
        if (state.ids.length === 0 && state.anchor === null) return;
        if (workspaceId !== undefined && workspaceId !== null && state.workspaceId !== workspaceId) return;
        put(state.workspaceId, [], null);
      },
    };
  });
}

export type SelectionStore = ReturnType<typeof createSelectionStore>;
