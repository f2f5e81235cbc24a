import { render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../shared/settings';

await vi.hoisted(async () => (await import('../../testing/componentHarness')).installFakeWokgen());
const { ComfyUiCard } = await import('./ComfyUiCard');
const { useComfyUi, useSettings } = await import('../../stores');

describe('ComfyUiCard', () => {
  beforeEach(() => {
    useSettings.setState({ settings: DEFAULT_SETTINGS });
    useComfyUi.setState({ status: null });
  });

  it('renders while detection has not answered yet (status null) without re-rendering forever', () => {
    // A selector returning a fresh default object each render used to loop ("Maximum update depth exceeded").
    render(<ComfyUiCard />);
    expect(screen.getByText('Checking…')).toBeTruthy();
    expect(screen.getByText('Looking for ComfyUI…')).toBeTruthy();
  });
});
