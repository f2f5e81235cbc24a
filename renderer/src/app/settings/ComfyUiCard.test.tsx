import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../shared/settings';

const fake = await vi.hoisted(async () => (await import('../../testing/componentHarness')).installFakeWokgen());
const { ComfyUiCard } = await import('./ComfyUiCard');
const { useComfyUi, useSettings, useToasts } = await import('../../stores');
const { resetFake } = await import('../../testing/componentHarness');
const { ok } = await import('../../testing/fakeWokgen');

const failure = (message: string) => ({ ok: false as const, error: { code: 'io_failed' as const, message } });
const withToken = { state: 'connected', url: 'http://127.0.0.1:8188', version: '0.3', reason: null, devices: [], checkpoints: [], token: { configured: true, last4: 'abcd' } };

describe('ComfyUiCard', () => {
  beforeEach(() => {
    resetFake(fake);
    useSettings.setState({ settings: DEFAULT_SETTINGS });
    useComfyUi.setState({ status: null, workflows: [], validation: null });
    useToasts.getState().clear();
  });

  it('asks before removing the token, and Keep token leaves it', async () => {
    useComfyUi.setState({ status: withToken as never });
    fake.handlers['comfyui.clearToken'] = () => ok({ ...withToken, token: { configured: false, last4: null } } as never);
    render(<ComfyUiCard />);
    fireEvent.click(screen.getByRole('button', { name: 'Remove token…' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove the ComfyUI token?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep token' }));
    expect(fake.callsTo('comfyui.clearToken')).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Remove token…' }));
    fireEvent.click(within(screen.getByRole('dialog', { name: 'Remove the ComfyUI token?' })).getByRole('button', { name: 'Remove token' }));
    await waitFor(() => expect(fake.callsTo('comfyui.clearToken')).toHaveLength(1));
  });

  it('saves the token on Enter', async () => {
    fake.handlers['comfyui.setToken'] = () => ok(withToken as never);
    render(<ComfyUiCard />);
    const field = screen.getByLabelText('Bearer token');
    fireEvent.change(field, { target: { value: 'secret-token' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    await waitFor(() => expect(fake.callsTo('comfyui.setToken')).toHaveLength(1));
  });

  it('shows a failed address save next to the field', async () => {
    fake.handlers['settings.update'] = () => failure('The settings file could not be written.');
    render(<ComfyUiCard />);
    fireEvent.change(screen.getByLabelText('ComfyUI address'), { target: { value: 'http://127.0.0.1:9000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save address' }));
    expect(await screen.findByText('The settings file could not be written.', { selector: '.field-error, .field-error *' })).toBeTruthy();
  });

  it('says so when undoing a workflow removal fails', async () => {
    const summary = { mode: 'pixel', name: 'My flow', nodes: 7, placeholders: ['prompt'] };
    useComfyUi.setState({ workflows: [summary as never] });
    fake.handlers['comfyui.removeWorkflow'] = () => ok({ removed: summary, text: '{}' } as never);
    fake.handlers['comfyui.saveWorkflow'] = () => failure('The workflow file could not be written.');
    await useComfyUi.getState().removeWorkflow('pixel');
    const undo = useToasts.getState().toasts.find((t) => t.action?.label === 'Undo');
    undo?.action?.run();
    await waitFor(() => expect(useToasts.getState().toasts.some((t) => t.title === 'Workflow not restored' && t.message === 'The workflow file could not be written.')).toBe(true));
  });

  it('renders while detection has not answered yet (status null) without re-rendering forever', () => {
    // A selector returning a fresh default object each render used to loop ("Maximum update depth exceeded").
    render(<ComfyUiCard />);
    expect(screen.getByText('Checking…')).toBeTruthy();
    expect(screen.getByText('Looking for ComfyUI…')).toBeTruthy();
  });
});
