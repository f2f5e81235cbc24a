import { fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Asset } from '../../../../shared/library';

const fake = await vi.hoisted(async () => (await import('../../testing/componentHarness')).installFakeWokgen());
const { AssetCard } = await import('./AssetCard');
const { useSelection } = await import('../../stores');

const WS = '00000000-0000-4000-8000-0000000000aa';
const asset: Asset = {
  id: 'asset-1',
  jobId: 'job-1',
  workspaceId: WS,
  slot: 0,
  kind: 'image',
  relativePath: 'assets/2026-11/job-1-0.png',
  mime: 'image/png',
  width: 64,
  height: 64,
  bytes: 2048,
  metadata: { prompt: 'a red dragon', thumbnailPath: '.wokgen/thumbnails/asset-1.webp' },
  starred: false,
  createdAt: 1,
};

function renderCard(overrides: Partial<Asset> = {}) {
  const handlers = { onOpen: vi.fn(), onSelect: vi.fn(), onCommand: vi.fn(), onDragOut: vi.fn() };
  render(<AssetCard asset={{ ...asset, ...overrides }} {...handlers} />);
  return handlers;
}

beforeEach(() => {
  useSelection.setState({ workspaceId: null, ids: [], selected: {}, anchor: null });
  fake.calls.length = 0;
});

describe('AssetCard', () => {
  it('shows the thumbnail named by the prompt, served from the workspace', () => {
    renderCard();
    const img = screen.getByRole('img', { name: 'a red dragon' });
    expect(img.getAttribute('src')).toContain('.wokgen/thumbnails/asset-1.webp');
    expect(screen.getByText('job-1-0.png')).toBeTruthy();
  });

  it('falls back from a missing thumbnail to the file, then to a “file missing” placeholder instead of a broken image', () => {
    renderCard();
    fireEvent.error(screen.getByRole('img', { name: 'a red dragon' }));
    const file = screen.getByRole('img', { name: 'a red dragon' });
    expect(file.getAttribute('src')).toContain('assets/2026-11/job-1-0.png');
    fireEvent.error(file);
    expect(screen.getByRole('img', { name: 'a red dragon: File missing — re-attach the workspace folder' })).toBeTruthy();
    expect(screen.getByText('File missing — re-attach the workspace folder')).toBeTruthy();
  });

  it('opens on a plain click, toggles with Ctrl/⌘, extends with Shift', () => {
    const { onOpen, onSelect } = renderCard();
    const open = screen.getByRole('button', { name: 'a red dragon' });
    fireEvent.click(open);
    fireEvent.click(open, { ctrlKey: true });
    fireEvent.click(open, { metaKey: true });
    fireEvent.click(open, { shiftKey: true });
    expect(onOpen).toHaveBeenCalledTimes(1);
    expect(onSelect.mock.calls).toEqual([
      ['asset-1', 'toggle'],
      ['asset-1', 'toggle'],
      ['asset-1', 'range'],
    ]);
  });

  it('reflects the selection store and the starred state on its toggles', () => {
    useSelection.setState({ workspaceId: WS, ids: ['asset-1'], selected: { 'asset-1': true }, anchor: 'asset-1' });
    renderCard({ starred: true });
    expect(screen.getByRole('button', { name: 'Select job-1-0.png' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: 'Unstar' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByText('Starred')).toBeTruthy();
  });

  it('stars from its button and runs menu actions', () => {
    const { onCommand } = renderCard();
    fireEvent.click(screen.getByRole('button', { name: 'Star' }));
    fireEvent.click(screen.getByRole('button', { name: 'More actions' }));
    expect(screen.getByRole('button', { name: 'More actions' }).getAttribute('aria-expanded')).toBe('true');
    const items = screen.getAllByRole('menuitem').map((item) => item.textContent);
    expect(items).toEqual(['Re-run (same seed)', 'Remix (new seed)', 'Copy prompt', 'Reveal in file manager', 'Delete']);
    expect(screen.getByRole('menuitem', { name: 'Delete' }).getAttribute('title')).toBe('Delete — key Del');
    fireEvent.click(screen.getByRole('menuitem', { name: /Remix/ }));
    expect(onCommand.mock.calls).toEqual([
      ['asset-1', 'toggle-star'],
      ['asset-1', 'remix'],
    ]);
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('closes the menu with Escape without running anything', () => {
    const { onCommand } = renderCard();
    fireEvent.click(screen.getByRole('button', { name: 'More actions' }));
    fireEvent.keyDown(screen.getByRole('menu'), { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBeNull();
    expect(onCommand).not.toHaveBeenCalled();
  });

  it('hands a drag to main instead of the page’s own HTML drag', () => {
    const { onDragOut } = renderCard();
    const open = screen.getByRole('button', { name: 'a red dragon' });
    expect(open.getAttribute('draggable')).toBe('true');
    const event = new Event('dragstart', { bubbles: true, cancelable: true });
    open.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    expect(onDragOut).toHaveBeenCalledWith('asset-1');
  });
});
