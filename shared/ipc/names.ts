/**
 * Channel and event names only, without schemas, so the sandboxed preload stays tiny and
 * dependency-free. `names.test-d.ts` proves these lists equal the contract's keys.
 */
export const CHANNEL_NAMES = [
  'app.info',
  'app.openExternal',
  'workspaces.list',
  'workspaces.suggestFolder',
  'workspaces.chooseFolder',
  'workspaces.create',
  'workspaces.update',
  'workspaces.remove',
  'workspaces.attach',
  'workspaces.reveal',
  'library.assets',
  'library.searchJobs',
  'library.facets',
  'library.star',
  'library.delete',
  'library.restore',
  'library.reveal',
  'library.startDrag',
  'assets.readCode',
  'assets.readCode',
  'modes.spec',
  'generation.preview',
  'generation.generate',
  'generation.cancel',
  'jobs.list',
  'jobs.get',
  'settings.get',
  'settings.update',
  'providers.list',
  'providers.setKey',
  'providers.removeKey',
  'providers.testKey',
  'providers.configure',
  'localLlm.status',
  'localLlm.detect',
  'account.status',
  'account.signIn',
  'account.cancelSignIn',
  'account.signOut',
  'account.sync',
  'account.openPage',
] as const;

export const EVENT_NAMES = [
  'workspaces.changed',
  'settings.changed',
  'providers.changed',
  'jobs.queued',
  'jobs.started',
  'jobs.progress',
  'jobs.attemptFailed',
  'jobs.succeeded',
  'jobs.failed',
  'jobs.cancelled',
  'account.changed',
  'account.creditsDiscrepancy',
] as const;

/** Electron IPC channel for an invoke channel; the prefix keeps ours apart from Electron's own. */
export const ipcChannelFor = (name: string): string => `wokgen:${name}`;
/** Electron IPC channel for an event main sends. */
export const ipcEventFor = (name: string): string => `wokgen-event:${name}`;
