import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const fake = await vi.hoisted(async () => (await import('../../testing/componentHarness')).installFakeWokgen());
const { GalleryToolbar, SEARCH_DEBOUNCE_MS } = await import('./GalleryToolbar');
const { useLibrary, useSelection } = await import('../../stores');
const { ok } = await import('../../testing/fakeWokgen');
const { resetFake } = await import('../../testing/componentHarness');

const WS = '00000000-0000-4000-8000-0000000000aa';

beforeEach(() => {
  resetFake(fake);
  fake.handlers['library.facets'] = () => ok({ tools: ['sprite', 'tileset'], presets: ['rpg'], providers: ['comfyui'] });
  fake.handlers['library.assets'] = () => ok({ items: [], nextCursor: null });
  useLibrary.setState({ assets: {}, filters: {}, facets: {} });
  useSelection.setState({ workspaceId: null, ids: [], selected: {}, anchor: null });
});

describe('GalleryToolbar', () => {
  it('offers the workspace’s own tools, presets and providers, and filters by them', async () => {
    render(<GalleryToolbar workspaceId={WS} />);
    await waitFor(() => expect(screen.getAllByRole('option', { name: 'Tileset' })).toHaveLength(1));
    fireEvent.change(screen.getByLabelText('Tool'), { target: { value: 'tileset' } });
    await waitFor(() => expect(fake.callsTo('library.assets').at(-1)).toEqual({ workspaceId: WS, filter: { tool: 'tileset' } }));
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'failed' } });
    await waitFor(() => expect(fake.callsTo('library.assets').at(-1)).toEqual({ workspaceId: WS, filter: { tool: 'tileset', status: 'failed' } }));
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(fake.callsTo('library.assets').at(-1)).toEqual({ workspaceId: WS }));
  });

  it('searches once typing pauses, not on every key', async () => {
    vi.useFakeTimers();
    try {
      render(<GalleryToolbar workspaceId={WS} />);
      const box = screen.getByLabelText('Search prompts');
      for (const text of ['d', 'dr', 'dragon']) fireEvent.change(box, { target: { value: text } });
      await act(async () => {
        vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS - 10);
      });
      expect(fake.callsTo('library.assets')).toEqual([]);
      await act(async () => {
        vi.advanceTimersByTime(20);
      });
      expect(fake.callsTo('library.assets')).toEqual([{ workspaceId: WS, filter: { query: 'dragon' } }]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('empties the search box when the filter is cleared from elsewhere, without searching again', async () => {
    render(<GalleryToolbar workspaceId={WS} />);
    const box = screen.getByLabelText<HTMLInputElement>('Search prompts');
    fireEvent.change(box, { target: { value: 'unicorn' } });
    await waitFor(() => expect(fake.callsTo('library.assets').at(-1)).toEqual({ workspaceId: WS, filter: { query: 'unicorn' } }));
    await act(async () => {
      await useLibrary.getState().clearFilter(WS);
    });
    expect(box.value).toBe('');
    await new Promise((r) => setTimeout(r, SEARCH_DEBOUNCE_MS + 50));
    expect(fake.callsTo('library.assets').at(-1)).toEqual({ workspaceId: WS });
  });

  it('shows the selection bar with the count, and deletes the selection', async () => {
    fake.handlers['library.delete'] = (input) => ok({ deleted: [...input.assetIds] });
    render(<GalleryToolbar workspaceId={WS} />);
    expect(screen.queryByRole('toolbar', { name: 'Selection' })).toBeNull();
    act(() => useSelection.getState().selectAll(WS, ['a', 'b']));
    const bar = screen.getByRole('toolbar', { name: 'Selection' });
    expect(bar.textContent).toContain('2 selected');
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(fake.callsTo('library.delete')).toEqual([{ workspaceId: WS, assetIds: ['a', 'b'] }]));
    await waitFor(() => expect(screen.queryByRole('toolbar', { name: 'Selection' })).toBeNull());
  });

  it('stars and unstars the selection', async () => {
    fake.handlers['library.star'] = () => ok({ assets: [] });
    render(<GalleryToolbar workspaceId={WS} />);
    act(() => useSelection.getState().selectAll(WS, ['a']));
    fireEvent.click(screen.getByRole('button', { name: 'Star' }));
    await waitFor(() => expect(fake.callsTo('library.star')).toEqual([{ workspaceId: WS, assetIds: ['a'], starred: true }]));
    fireEvent.click(screen.getByRole('button', { name: 'Unstar' }));
    await waitFor(() => expect(fake.callsTo('library.star')).toHaveLength(2));
    expect(fake.callsTo('library.star')[1]).toMatchObject({ starred: false });
  });
});
