/**
 * For component tests (the vitest `dom` project): the app's stores are module singletons
 * bound to `window.wokgen` when `src/stores` is first imported, so a test installs a fake
 * API there *before* importing any component:
 *
 *   const fake = await vi.hoisted(async () => (await import('../../testing/componentHarness')).installFakeWokgen());
 *
 * Every test then sets the handlers it needs on `fake.handlers` and inspects `fake.calls`.
 */
import { createFakeWokgen, type FakeWokgen } from './fakeWokgen';

export function installFakeWokgen(): FakeWokgen {
  const fake = createFakeWokgen();
  (window as unknown as { wokgen: unknown }).wokgen = fake.api;
  return fake;
}

/** Clears recorded calls and handlers between tests (the stores themselves are reset by the test). */
export function resetFake(fake: FakeWokgen): void {
  fake.calls.length = 0;
  for (const key of Object.keys(fake.handlers)) delete (fake.handlers as Record<string, unknown>)[key];
}
