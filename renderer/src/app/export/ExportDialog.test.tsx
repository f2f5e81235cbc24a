import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExportFormatInfo } from '../../../../shared/exports';

const fake = await vi.hoisted(async () => (await import('../../testing/componentHarness')).installFakeWokgen());
const { ExportDialog } = await import('./ExportDialog');
const { useExports } = await import('../../stores');
const { aWorkspace, ok } = await import('../../testing/fakeWokgen');
const { resetFake } = await import('../../testing/componentHarness');

const GIF: ExportFormatInfo = {
  id: 'gif',
  label: 'Animated GIF',
  description: 'The selected frames as one animated GIF.',
  extension: 'gif',
  options: [
    { type: 'number', key: 'delayMs', label: 'Frame delay', min: 0, max: 5000, step: 10, default: 0, unit: 'ms' },
    {
      type: 'choice',
      key: 'loop',
      label: 'Loop',
      choices: [
        { value: 'forever', label: 'Loop forever' },
        { value: 'once', label: 'Play once' },
      ],
      default: 'forever',
    },
  ],
};
const PNG: ExportFormatInfo = {
  id: 'png',
  label: 'PNG',
  description: 'Scaled PNGs.',
  extension: 'png',
  options: [
    {
      type: 'multi',
      key: 'scales',
      label: 'Scales',
      choices: [
        { value: '1', label: '1×' },
        { value: '8', label: '8×' },
      ],
      default: ['1'],
    },
  ],
};

beforeEach(() => {
  resetFake(fake);
  useExports.setState({ formats: {}, running: null, importing: null, lastChoice: {} });
  fake.handlers['exports.formats'] = () => ok([PNG, GIF]);
  fake.handlers['exports.run'] = ({ exportId }) =>
    ok({ exportId, file: '/w/exports/x.gif', renamed: false, bytes: 1, assetCount: 2, entries: ['animation.gif'], notes: [] });
  // happy-dom's <dialog> has no top layer; showModal just opens it.
  HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
});

describe('ExportDialog', () => {
  it('offers the mode’s formats with their options and sends what the user chose', async () => {
    const workspace = aWorkspace({ name: 'Sprites', mode: 'pixel' });
    const onClose = vi.fn();
    const first = render(<ExportDialog mode="pixel" workspace={workspace} selectedIds={['a1', 'a2']} onClose={onClose} />);
    await waitFor(() => expect(screen.getByLabelText('Format')).toBeTruthy());
    expect(fake.callsTo('exports.formats')).toEqual([{ mode: 'pixel' }]);
    expect(screen.getByRole('radio', { name: 'Selection (2)' })).toHaveProperty('checked', true);
    // The PNG format's multi option, then switching format shows the GIF's own options.
    expect(screen.getByLabelText('8×')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Format'), { target: { value: 'gif' } });
    expect(screen.queryByLabelText('8×')).toBeNull();
    fireEvent.change(screen.getByLabelText('Loop'), { target: { value: 'once' } });
    fireEvent.change(screen.getByLabelText('Frame delay (ms)'), { target: { value: '120' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Workspace exports folder' }));
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(fake.callsTo('exports.run')).toEqual([
      { exportId: expect.any(String), workspaceId: workspace.id, assets: ['a1', 'a2'], format: 'gif', options: { delayMs: 120, loop: 'once' }, destination: 'workspace' },
    ]);
    // Opened again, it starts on the last choice.
    first.unmount();
    render(<ExportDialog mode="pixel" workspace={workspace} selectedIds={[]} onClose={() => undefined} />);
    await waitFor(() => expect(screen.getByLabelText('Format')).toHaveProperty('value', 'gif'));
    expect(screen.getByLabelText('Loop')).toHaveProperty('value', 'once');
    expect(screen.getByRole('radio', { name: 'Workspace exports folder' })).toHaveProperty('checked', true);
  });

  it('exports the whole workspace when nothing is selected', async () => {
    const workspace = aWorkspace({ mode: 'pixel' });
    render(<ExportDialog mode="pixel" workspace={workspace} selectedIds={[]} onClose={() => undefined} />);
    await waitFor(() => expect(screen.getByLabelText('Format')).toBeTruthy());
    expect(screen.getByRole('radio', { name: 'Selection (0)' })).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    await waitFor(() => expect(fake.callsTo('exports.run')).toHaveLength(1));
    expect(fake.callsTo('exports.run')[0]).toMatchObject({ assets: 'all', format: 'png', options: { scales: ['1'] }, destination: 'dialog' });
  });
});
