import { expectTypeOf, test } from 'vitest';
import type { ChannelName, EventName } from './contract';
import type { CHANNEL_NAMES, EVENT_NAMES } from './names';

// The preload is built from these name lists; if a channel is added to the contract and not
// here (or the reverse), the preload would miss a method. Same idea as ComfyUI Desktop's
// tests/unit/infrastructure/ipcChannels.test-d.ts.
test('the preload channel list equals the contract', () => {
  expectTypeOf<(typeof CHANNEL_NAMES)[number]>().toEqualTypeOf<ChannelName>();
});

test('the preload event list equals the contract', () => {
  expectTypeOf<(typeof EVENT_NAMES)[number]>().toEqualTypeOf<EventName>();
});
