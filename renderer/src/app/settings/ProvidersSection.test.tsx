import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProvidersOverview, ProviderStatus } from '../../../../shared/provider-status';
import { DEFAULT_SETTINGS } from '../../../../shared/settings';

const fake = await vi.hoisted(async () => (await import('../../testing/componentHarness')).installFakeWokgen());
// The ComfyUI card has its own tests (issue 4); here it is only a slot in the list.
vi.mock('./ComfyUiCard', () => ({ ComfyUiCard: () => <li>ComfyUI card</li> }));
const { ProvidersSection } = await import('./ProvidersSection');
const { useProviders } = await import('../../stores');
const { ok } = await import('../../testing/fakeWokgen');
const { aProviderStatus } = await import('../../testing/fixtures');
const { resetFake } = await import('../../testing/componentHarness');

const together: ProviderStatus = aProviderStatus();
const localLlm: ProviderStatus = {
  ...together,
  id: 'local-llm',
  label: 'Local LLM (Ollama / LM Studio)',
  kind: 'On this computer, free, works offline',
  makes: ['code'],
  defaultBaseUrl: null,
  keyUrl: null,
  defaultModels: { standard: 'qwen2.5-coder:7b', hd: null },
  key: null,
  available: true,
  hint: null,
};

function overview(storage: ProvidersOverview['storage']): ProvidersOverview {
  return {
    providers: [together, localLlm],
    storage,
    localLlm: {
      checkedAt: 1,
      servers: [
        { kind: 'ollama', label: 'Ollama', baseUrl: 'http://127.0.0.1:11434/v1', reachable: true, models: ['qwen2.5-coder:7b', 'llama3.2:3b'], message: null },
        { kind: 'lmstudio', label: 'LM Studio', baseUrl: 'http://127.0.0.1:1234/v1', reachable: false, models: [], message: 'Not running — nothing answers at http://127.0.0.1:1234.' },
      ],
      selected: { baseUrl: 'http://127.0.0.1:11434/v1', model: 'qwen2.5-coder:7b' },
    },
  };
}

beforeEach(() => {
  resetFake(fake);
  useProviders.setState({ overview: null, status: 'idle', error: null, tests: {}, detecting: false });
});

describe('ProvidersSection', () => {
  it('refuses plain-text key storage until the user confirms it, and then turns the setting on', async () => {
    fake.handlers['providers.list'] = () => ok(overview({ kind: 'plain-text-file', label: 'Plain-text file (no keyring found)', usable: false, plainTextOffered: true }));
    fake.handlers['settings.update'] = () => ok({ ...DEFAULT_SETTINGS, allowPlainTextSecrets: true });
    render(<ProvidersSection />);
    await screen.findByText(/cannot be stored securely/);
    expect((screen.getByLabelText('Together AI API key') as HTMLInputElement).disabled).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Store keys in plain text…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Store API keys in plain text?' });
    expect(dialog.textContent).toMatch(/Anyone or any program that can read your data folder/);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(fake.callsTo('settings.update')).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Store keys in plain text…' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Store keys in plain text' }));
    await waitFor(() => expect(fake.callsTo('settings.update')).toEqual([{ allowPlainTextSecrets: true }]));
  });

  it('names the keychain and lists the local servers with their models; Detect again asks the core', async () => {
    fake.handlers['providers.list'] = () => ok(overview({ kind: 'keychain', label: 'OS keychain', usable: true, plainTextOffered: false }));
    fake.handlers['providers.detectLocalLlm'] = () => ok(overview({ kind: 'keychain', label: 'OS keychain', usable: true, plainTextOffered: false }).localLlm);
    render(<ProvidersSection />);
    expect((await screen.findByText('OS keychain')).tagName).toBe('STRONG');
    const card = screen.getByRole('listitem', { name: 'Local LLM (Ollama / LM Studio)' });
    expect(within(card).getByText('qwen2.5-coder:7b, llama3.2:3b')).toBeTruthy();
    expect(within(card).getByText(/nothing answers at http:\/\/127.0.0.1:1234/)).toBeTruthy();
    fireEvent.click(within(card).getByRole('button', { name: 'Detect again' }));
    await waitFor(() => expect(fake.callsTo('providers.detectLocalLlm')).toHaveLength(1));
  });

  it('shows a bad paste beside the field, and never keeps the key after saving', async () => {
    fake.handlers['providers.list'] = () => ok(overview({ kind: 'keychain', label: 'OS keychain', usable: true, plainTextOffered: false }));
    fake.handlers['providers.setKey'] = ({ key }) =>
      key.includes(' ')
        ? { ok: false, error: { code: 'invalid_input', message: 'The key contains spaces or line breaks — paste it again without them.', field: 'key' } }
        : ok({ ...together, key: { configured: true, last4: '7890' }, available: true, hint: null });
    render(<ProvidersSection />);
    const input = (await screen.findByLabelText('Together AI API key')) as HTMLInputElement;
    expect(input.type).toBe('password');
    fake.handlers['app.openExternal'] = () => ok({ opened: true as const });
    fireEvent.click(screen.getByRole('button', { name: 'Create a Together AI key' }));
    await waitFor(() => expect(fake.callsTo('app.openExternal')).toEqual([{ url: 'https://api.together.ai/settings/api-keys' }]));
    fireEvent.change(input, { target: { value: 'tgp two parts' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect((await screen.findByRole('alert')).textContent).toMatch(/spaces/);
    fireEvent.change(input, { target: { value: 'tgp_v1_secret_1234567890' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    await screen.findByText('Key saved');
    expect(screen.getByText('••••7890')).toBeTruthy();
    expect(document.body.innerHTML).not.toContain('tgp_v1_secret_1234567890');
  });
});
