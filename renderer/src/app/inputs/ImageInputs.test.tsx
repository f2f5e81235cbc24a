import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../../shared/errors';
import type { Asset } from '../../../../shared/library';

const fake = await vi.hoisted(async () => (await import('../../testing/componentHarness')).installFakeWokgen());
const { resetFake } = await import('../../testing/componentHarness');
const { ok, aWorkspace, anAsset, deferred } = await import('../../testing/fakeWokgen');
const { ImageInputs } = await import('./ImageInputs');
const { generationForms, useLibrary } = await import('../../stores');
const { defaultValues } = await import('../../stores/generationForm');

const workspace = aWorkspace();
const useForm = generationForms.pixel;
const noErrors = (): undefined => undefined;

beforeEach(() => {
  resetFake(fake);
  useForm.setState({ workspaceId: workspace.id, values: defaultValues('pixel'), inputAsset: null, importing: false, submitErrors: {}, formError: null });
  // The gallery shows only starred assets: its page is empty.
  useLibrary.setState({ assets: { [workspace.id]: { status: 'ready', items: [], nextCursor: null, error: null } }, filters: { [workspace.id]: { starredOnly: true } } });
  fake.handlers['generation.preview'] = () => ({ ok: false, error: { code: 'invalid_input', message: 'not needed here' } });
});

function dropZone(container: HTMLElement): HTMLElement {
  const zone = container.querySelector('.image-drop');
  if (!(zone instanceof HTMLElement)) throw new Error('no drop zone');
  return zone;
}

function drop(zone: HTMLElement, file: { name: string; size: number; arrayBuffer: () => Promise<ArrayBuffer> }): void {
  fireEvent.drop(zone, { dataTransfer: { files: [file], types: ['Files'] } });
}

describe('ImageInputs', () => {
  it('picks from every image of the workspace, not the filtered gallery page, keeps the pick shown and can remove it', async () => {
    const unstarred = anAsset('img-1', workspace.id, { metadata: { prompt: 'a blue slime' } });
    fake.handlers['library.assets'] = () => ok({ items: [unstarred, anAsset('code-1', workspace.id, { kind: 'code', width: null, height: null })], nextCursor: null });
    render(<ImageInputs mode="pixel" workspace={workspace} withMask={false} errorOf={noErrors} />);
    fireEvent.click(screen.getByRole('button', { name: 'Choose from gallery' }));
    const dialog = await screen.findByRole('dialog', { name: 'Choose an image' });
    const grid = await within(dialog).findByRole('list', { name: 'Workspace images' });
    expect(fake.callsTo('library.assets')[0]).not.toHaveProperty('filter');
    expect(within(grid).getAllByRole('button')).toHaveLength(1);
    fireEvent.click(within(grid).getByRole('button', { name: /a blue slime/ }));
    expect(useForm.getState().values.inputAssetId).toBe('img-1');
    expect(screen.getByRole('img', { name: 'Input image' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove input' }));
    expect(useForm.getState().values.inputAssetId).toBeNull();
    expect(screen.queryByRole('img', { name: 'Input image' })).toBeNull();
  });

  it('tells what to do with a file over 20 MB', () => {
    const { container } = render(<ImageInputs mode="pixel" workspace={workspace} withMask={false} errorOf={noErrors} />);
    drop(dropZone(container), { name: 'huge.png', size: 21 * 1024 * 1024, arrayBuffer: () => Promise.resolve(new ArrayBuffer(1)) });
    expect(screen.getByRole('alert').textContent).toContain('resize it below 20 MB and 4096×4096 px');
  });

  it('reports a dropped file that cannot be read', async () => {
    const { container } = render(<ImageInputs mode="pixel" workspace={workspace} withMask={false} errorOf={noErrors} />);
    drop(dropZone(container), { name: 'locked.png', size: 10, arrayBuffer: () => Promise.reject(new Error('permission denied')) });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('“locked.png” could not be read (permission denied)'));
    expect(fake.callsTo('assets.importImage')).toEqual([]);
  });

  it('refuses a second drop while the first is being imported', async () => {
    const pending = deferred<Result<Asset>>();
    fake.handlers['assets.importImage'] = () => pending.promise;
    const { container } = render(<ImageInputs mode="pixel" workspace={workspace} withMask={false} errorOf={noErrors} />);
    const png = { name: 'a.png', size: 4, arrayBuffer: () => Promise.resolve(new Uint8Array([1, 2, 3, 4]).buffer) };
    drop(dropZone(container), png);
    await waitFor(() => expect(fake.callsTo('assets.importImage')).toHaveLength(1));
    drop(dropZone(container), { ...png, name: 'b.png' });
    expect(screen.getByRole('alert').textContent).toContain('still being imported');
    await act(async () => {
      pending.resolve(ok(anAsset('imp-1', workspace.id)));
      await pending.promise;
    });
    expect(fake.callsTo('assets.importImage')).toHaveLength(1);
    expect(useForm.getState().values.inputAssetId).toBe('imp-1');
  });
});
