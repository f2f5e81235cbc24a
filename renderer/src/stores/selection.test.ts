import { describe, expect, it } from 'vitest';
import { createSelectionStore, rangeBetween, selectIsSelected } from './selection';

const ORDER = ['a', 'b', 'c', 'd', 'e'];

describe('selection store', () => {
  it('selects one, toggles with Ctrl, extends a range with Shift from the anchor', () => {
    const store = createSelectionStore();
    const { select } = store.getState();
    select('ws', 'b', 'replace', ORDER);
    expect(store.getState().ids).toEqual(['b']);
    select('ws', 'd', 'toggle', ORDER);
    expect(store.getState().ids).toEqual(['b', 'd']);
    select('ws', 'b', 'toggle', ORDER);
    expect(store.getState().ids).toEqual(['d']);
    // The anchor is the last plain/Ctrl click (b); Shift-click on e selects b..e, in gallery order.
    select('ws', 'e', 'range', ORDER);
    expect(store.getState().ids).toEqual(['b', 'c', 'd', 'e']);
    expect(selectIsSelected('c')(store.getState())).toBe(true);
    expect(selectIsSelected('a')(store.getState())).toBe(false);
    // A further Shift-click adds the range from the same anchor.
    select('ws', 'a', 'range', ORDER);
    expect(store.getState().ids).toEqual(['c', 'd', 'e', 'a', 'b']);
    expect(store.getState().anchor).toBe('b');
  });

  it('ranges work backwards and a range from nowhere starts at the clicked card', () => {
    expect(rangeBetween(ORDER, 'd', 'b')).toEqual(['b', 'c', 'd']);
    expect(rangeBetween(ORDER, 'gone', 'b')).toEqual(['b']);
    const store = createSelectionStore();
    store.getState().select('ws', 'c', 'range', ORDER);
    expect(store.getState().ids).toEqual(['c']);
  });

  it('starts afresh in another workspace, selects all, drops removed ids and clears', () => {
    const store = createSelectionStore();
    store.getState().select('ws', 'a', 'replace', ORDER);
    store.getState().select('other', 'b', 'toggle', ORDER);
    expect(store.getState()).toMatchObject({ workspaceId: 'other', ids: ['b'] });
    store.getState().selectAll('ws', ORDER);
    expect(store.getState().ids).toEqual(ORDER);
    store.getState().remove(['a', 'c']);
    expect(store.getState().ids).toEqual(['b', 'd', 'e']);
    expect(store.getState().anchor).toBeNull();
    store.getState().clear('other');
    expect(store.getState().ids).toHaveLength(3);
    store.getState().clear();
    expect(store.getState().ids).toEqual([]);
    expect(store.getState().selected).toEqual({});
  });
});
