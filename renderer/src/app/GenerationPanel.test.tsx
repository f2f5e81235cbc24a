import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Job } from '../../../shared/library';
import type { Workspace } from '../../../shared/workspace';

const fake = await vi.hoisted(async () => (await import('../testing/componentHarness')).installFakeWokgen());
const { resetFake } = await import('../testing/componentHarness');
const { ok } = await import('../testing/fakeWokgen');
const { GenerationPanel } = await import('./GenerationPanel');
const { generationForms } = await import('../stores');
const { defaultValues } = await import('../stores/generationForm');

const WS = '00000000-0000-4000-8000-0000000000aa';
const workspace: Workspace = { id: WS, name: 'Sprites', mode: 'pixel', folder: '/tmp/ws', createdAt: 1, updatedAt: 1, missing: false } as Workspace;
const comfy = { id: 'comfyui', label: 'ComfyUI (local)', local: true };
const together = { id: 'together', label: 'Together AI', local: false };

beforeEach(() => {
  resetFake(fake);
  generationForms.pixel.setState({ workspaceId: null, values: defaultValues('pixel'), lastSeed: null, submitErrors: {}, formError: null });
  fake.handlers['generation.preview'] = (request) =>
    ok({
      prompt: `pixel art, ${request.prompt}`,
      negativePrompt: 'blurry',
      warnings: [],
      chain: 'provider' in request && request.provider === 'together' ? [together] : [comfy, together],
      seeds: [1],
      profile: { steps: 20, guidance: 7, width: 64, height: 64, sampler: 'euler', scheduler: 'normal' },
      tier: request.hd === true ? 'hd' : 'standard',
    });
  fake.handlers['jobs.list'] = () => ok([]);
  fake.handlers['library.assets'] = () => ok({ items: [], nextCursor: null });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('GenerationPanel', () => {
  it('links the “no provider” notice to the providers settings', async () => {
    fake.handlers['generation.preview'] = (request) =>
      ok({
        prompt: request.prompt,
        negativePrompt: null,
        warnings: [],
        chain: [],
        seeds: [],
        profile: { steps: 20, guidance: 7, width: 64, height: 64, sampler: 'euler', scheduler: 'normal' },
        tier: 'standard',
      });
    render(<GenerationPanel mode="pixel" workspace={workspace} />, { wrapper: MemoryRouter });
    fireEvent.change(screen.getByLabelText('Prompt'), { target: { value: 'a knight' } });
    const link = await screen.findByRole('link', { name: 'Settings → Providers' }, { timeout: 3000 });
    expect(link.getAttribute('href')).toBe('/settings#providers');
  });

  it('fills the prompt from the preset’s example when the example is clicked', () => {
    render(<GenerationPanel mode="pixel" workspace={workspace} />, { wrapper: MemoryRouter });
    const example = screen.getByRole('button', { name: /^Use example: / });
    fireEvent.click(example);
    const prompt = screen.getByLabelText('Prompt') as HTMLTextAreaElement;
    expect(prompt.value).not.toBe('');
    expect(example.getAttribute('aria-label')).toBe(`Use example: ${prompt.value}`);
  });

  it('offers only the providers of the automatic chain, and says where HD runs', async () => {
    render(<GenerationPanel mode="pixel" workspace={workspace} />, { wrapper: MemoryRouter });
    fireEvent.change(screen.getByLabelText('Prompt'), { target: { value: 'a knight' } });
    const provider = (await screen.findByLabelText('Provider')) as HTMLSelectElement;
    await waitFor(() => expect([...provider.options].map((o) => o.text)).toEqual(['Automatic (ComfyUI (local) → Together AI)', 'ComfyUI (local)', 'Together AI']));
    fireEvent.click(screen.getByRole('checkbox', { name: 'HD' }));
    await screen.findByText('Runs on ComfyUI (local), on this machine: no credits.');
    fireEvent.change(provider, { target: { value: 'together' } });
    await screen.findByText('Runs on your own HD-capable key (Together AI): no credits.');
    // The override keeps offering the whole automatic chain.
    expect([...provider.options].map((o) => o.value)).toEqual(['', 'comfyui', 'together']);
  });

  it('shows the seed the last run used and locks it on request', async () => {
    fake.handlers['generation.generate'] = () => ok({ id: 'job-1', seed: 987654, status: 'queued' } as Job);
    render(<GenerationPanel mode="pixel" workspace={workspace} />, { wrapper: MemoryRouter });
    fireEvent.change(screen.getByLabelText('Prompt'), { target: { value: 'a knight' } });
    await act(async () => {
      await generationForms.pixel.getState().generate();
    });
    expect(screen.getByRole('status', { name: 'Seed used by the last run' }).textContent).toBe('987654');
    fireEvent.click(screen.getByRole('button', { name: 'Lock this seed' }));
    expect((screen.getByLabelText('Seed') as HTMLInputElement).value).toBe('987654');
    expect((screen.getByLabelText('Lock') as HTMLInputElement).checked).toBe(true);
    expect(screen.queryByRole('button', { name: 'Lock this seed' })).toBeNull();
  });

  it('shows the image picker only for tools that start from an image; a file is chosen through main', () => {
    render(<GenerationPanel mode="pixel" workspace={workspace} />, { wrapper: MemoryRouter });
    expect(screen.queryByRole('group', { name: 'Start from' })).toBeNull();
    fireEvent.click(screen.getByRole('tab', { name: 'Rotate' }));
    const start = screen.getByRole('group', { name: 'Start from' });
    expect(within(start).getByRole('button', { name: 'Choose from gallery' })).toBeTruthy();
    expect(within(start).getByRole('button', { name: 'Choose a file…' })).toBeTruthy();
    fireEvent.click(within(start).getByRole('button', { name: 'Choose a file…' }));
    expect(fake.callsTo('assets.importImage')).toEqual([{ workspaceId: WS, source: { from: 'dialog' } }]);
  });
});
