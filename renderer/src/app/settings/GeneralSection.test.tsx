import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../shared/settings';

const fake = await vi.hoisted(async () => (await import('../../testing/componentHarness')).installFakeWokgen());
const { GeneralSection } = await import('./GeneralSection');
const { useSettings } = await import('../../stores');
const { ok } = await import('../../testing/fakeWokgen');
const { resetFake } = await import('../../testing/componentHarness');

beforeEach(() => {
  resetFake(fake);
  useSettings.setState({ settings: DEFAULT_SETTINGS, status: 'ready' });
  fake.handlers['settings.update'] = (patch) => ok({ ...DEFAULT_SETTINGS, ...(patch.theme ? { theme: patch.theme } : {}), ...(patch.promptEngine ? { promptEngine: patch.promptEngine } : {}) });
});

describe('GeneralSection', () => {
  it('switches the prompt engine to the account and back', async () => {
    render(<GeneralSection />);
    const engine = screen.getByRole('group', { name: 'Prompt engine' });
    expect(engine.querySelector<HTMLInputElement>('input[value="oss"]')?.checked).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: 'WokGen account' }));
    await waitFor(() => expect(fake.callsTo('settings.update')).toEqual([{ promptEngine: 'hosted' }]));
    await waitFor(() => expect(screen.getByRole('radio', { name: 'WokGen account' })).toHaveProperty('checked', true));
  });

  it('keeps the theme choice working through the shared radio row', async () => {
    render(<GeneralSection />);
    fireEvent.click(screen.getByRole('radio', { name: 'Light' }));
    await waitFor(() => expect(fake.callsTo('settings.update')).toEqual([{ theme: 'light' }]));
  });
});
