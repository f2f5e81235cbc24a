import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

await vi.hoisted(async () => (await import('../../testing/componentHarness')).installFakeWokgen());
const { KeyStorageNotice } = await import('./KeyStorageNotice');
const { useSettings } = await import('../../stores');

describe('KeyStorageNotice', () => {
  it('withdrawing plain-text consent is confirmed first, saying the keys will be deleted (security review item 3)', async () => {
    const update = vi.fn(async () => undefined);
    useSettings.setState({ update } as never);
    render(<KeyStorageNotice storage={{ kind: 'plain-text-file', label: 'Plain-text file', usable: true, plainTextOffered: true }} />);
    fireEvent.click(screen.getByRole('button', { name: /Stop storing keys in plain text/ }));
    expect(update).not.toHaveBeenCalled();
    expect(screen.getByRole('dialog').textContent).toMatch(/deleted/);
    fireEvent.click(screen.getByRole('button', { name: 'Delete keys and stop' }));
    await vi.waitFor(() => expect(update).toHaveBeenCalledWith({ allowPlainTextSecrets: false }));
  });
});
