/**
 * Settings → Providers: the core's provider overview (never a key — configured + last four at
 * most), kept current by `providers.changed`, and the actions of the provider cards. A key the
 * user types lives only in the card's input until it is sent; nothing here stores it.
 */
import { create } from 'zustand';
import type { AppError, Result } from '../../../shared/errors';
import type { Unsubscribe, WokgenApi } from '../../../shared/ipc/api';
import type { ConfigurableProviderId, KeyTestResult, LocalLlmStatus, ProviderConfigPatch, ProvidersOverview, ProviderStatus } from '../../../shared/provider-status';
import type { KEYED_PROVIDER_IDS } from '../../../shared/provider-status';
import { notifyError, type Notify } from './toasts';
import type { LoadStatus } from './status';

export type KeyedProviderId = (typeof KEYED_PROVIDER_IDS)[number];

export interface ProvidersState {
  readonly overview: ProvidersOverview | null;
  readonly status: LoadStatus;
  readonly error: AppError | null;
  /** The last "Test key" answer per provider (cleared when the key changes). */
  readonly tests: Readonly<Partial<Record<KeyedProviderId, KeyTestResult>>>;
  /** Local LLM detection running. */
  readonly detecting: boolean;
  load(): Promise<Result<ProvidersOverview>>;
  /** Resolves to the typed error for the card to show beside the field (not a toast). */
  setKey(id: KeyedProviderId, key: string): Promise<Result<ProviderStatus>>;
  removeKey(id: KeyedProviderId): Promise<Result<ProviderStatus>>;
  testKey(id: KeyedProviderId, candidate?: string): Promise<Result<KeyTestResult>>;
  configure(id: ConfigurableProviderId, patch: ProviderConfigPatch): Promise<Result<ProviderStatus>>;
  detectLocalLlm(): Promise<Result<LocalLlmStatus>>;
  /** Opens the provider's "create a key" page in the system browser. */
  openKeyPage(url: string): Promise<Result<{ opened: true }>>;
  start(): Unsubscribe;
}

export interface ProvidersDeps {
  readonly api: WokgenApi;
  readonly notify: Notify;
}

/** The overview with one provider's status replaced (answers arrive before the event does). */
export function withProviderStatus(overview: ProvidersOverview | null, status: ProviderStatus): ProvidersOverview | null {
  if (overview === null) return null;
  return { ...overview, providers: overview.providers.map((p) => (p.id === status.id ? status : p)) };
}

function withoutTest(tests: ProvidersState['tests'], id: KeyedProviderId): ProvidersState['tests'] {
  return Object.fromEntries(Object.entries(tests).filter(([key]) => key !== id));
}

export function createProvidersStore({ api, notify }: ProvidersDeps) {
  return create<ProvidersState>()((set, get) => ({
    overview: null,
    status: 'idle',
    error: null,
    tests: {},
    detecting: false,

    async load() {
      set({ status: 'loading', error: null });
      const result = await api.providers.list({});
      set(result.ok ? { overview: result.value, status: 'ready' } : { status: 'error', error: result.error });
      return result;
    },

    async setKey(id, key) {
      const result = await api.providers.setKey({ id, key });
      if (result.ok) {
        set((s) => ({ overview: withProviderStatus(s.overview, result.value), tests: withoutTest(s.tests, id) }));
        notify({ tone: 'success', message: `${result.value.label} key saved.` });
      }
      return result;
    },

    async removeKey(id) {
      const result = await api.providers.removeKey({ id });
      if (result.ok) {
        set((s) => ({ overview: withProviderStatus(s.overview, result.value), tests: withoutTest(s.tests, id) }));
        notify({ tone: 'info', message: `${result.value.label} key removed.` });
      } else {
        notifyError(notify, result.error, 'Key not removed');
      }
      return result;
    },

    async testKey(id, candidate) {
      const result = await api.providers.testKey(candidate === undefined ? { id } : { id, key: candidate });
      if (result.ok) set((s) => ({ tests: { ...s.tests, [id]: result.value } }));
      return result;
    },

    async configure(id, patch) {
      const result = await api.providers.configure({ id, patch });
      if (result.ok) set((s) => ({ overview: withProviderStatus(s.overview, result.value) }));
      else if (result.error.field === undefined || !result.error.field.startsWith('patch.')) notifyError(notify, result.error, 'Provider setting not saved');
      return result;
    },

    async detectLocalLlm() {
      set({ detecting: true });
      const result = await api.providers.detectLocalLlm({});
      set((s) => ({ detecting: false, ...(result.ok && s.overview ? { overview: { ...s.overview, localLlm: result.value } } : {}) }));
      if (!result.ok) notifyError(notify, result.error, 'Local servers not checked');
      // The statuses (available, hint) follow with providers.changed; ask once more in case nothing changed.
      if (result.ok && get().status === 'ready') void get().load();
      return result;
    },

    async openKeyPage(url) {
      const result = await api.app.openExternal({ url });
      if (!result.ok) notifyError(notify, result.error, 'Page not opened');
      return result;
    },

    start() {
      return api.on('providers.changed', (overview) => set({ overview, status: 'ready', error: null }));
    },
  }));
}

export type ProvidersStore = ReturnType<typeof createProvidersStore>;
