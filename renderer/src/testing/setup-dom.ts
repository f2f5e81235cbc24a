/**
 * Component tests (the vitest `dom` project): unmount what a test rendered, so one test's
 * tree and its store subscriptions never leak into the next.
 */
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup();
});
