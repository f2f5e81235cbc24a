import { describe, expect, it } from 'vitest';
import { createToastsStore, MAX_TOASTS, notifyError, toastDuration, type ToastInput } from './toasts';

describe('toasts', () => {
  it('pushes, dismisses and clears', () => {
    const store = createToastsStore();
    const id = store.getState().push({ tone: 'info', message: 'Hello' });
    store.getState().push({ tone: 'error', message: 'Oops' });
    expect(store.getState().toasts.map((t) => t.message)).toEqual(['Hello', 'Oops']);
    store.getState().dismiss(id);
    expect(store.getState().toasts.map((t) => t.message)).toEqual(['Oops']);
    store.getState().clear();
    expect(store.getState().toasts).toEqual([]);
  });

  it('does not stack the same message twice', () => {
    const store = createToastsStore();
    const first = store.getState().push({ tone: 'error', message: 'Core unreachable' });
    const second = store.getState().push({ tone: 'error', message: 'Core unreachable' });
    expect(second).toBe(first);
    expect(store.getState().toasts).toHaveLength(1);
  });

  it(`keeps at most ${MAX_TOASTS}, dropping the oldest`, () => {
    const store = createToastsStore();
    for (let i = 1; i <= MAX_TOASTS + 2; i += 1) store.getState().push({ tone: 'info', message: `#${i}` });
    expect(store.getState().toasts.map((t) => t.message)).toEqual(['#3', '#4', '#5', '#6']);
  });

  it('gives errors more time to be read', () => {
    expect(toastDuration('error')).toBeGreaterThan(toastDuration('success'));
  });

  it('notifyError shows failures but not a dismissed dialog', () => {
    const shown: ToastInput[] = [];
    notifyError((t) => shown.push(t), { code: 'cancelled', message: 'Dismissed.' });
    notifyError((t) => shown.push(t), { code: 'io_failed', message: 'Disk full.' }, 'Not saved');
    notifyError((t) => shown.push(t), { code: 'internal', message: 'Boom.' });
    expect(shown).toEqual([
      { tone: 'error', message: 'Disk full.', title: 'Not saved' },
      { tone: 'error', message: 'Boom.' },
    ]);
  });
});
