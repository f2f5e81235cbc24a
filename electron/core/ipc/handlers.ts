/**
 * Channel → service call. Thin on purpose: parsing happened in `dispatch`, the work happens
 * in the services; this file is the readable table of what each channel does.
 */
import { AppFailure } from '../../../shared/errors';
import { MODE_SPECS } from '../../../shared/generation';
import type { CoreHandlers } from './dispatch';
import { assertSafeExternalUrl } from '../security/external-url';
import { readCodeAsset } from '../assets/read-code';
import { importImageFrom } from '../assets/import-image';
import type { CoreServices } from '../services';

const FOLDER_DIALOG_TITLES = {
  create: 'Choose a folder for the new workspace',
  attach: 'Open an existing workspace folder',
  root: 'Choose the default folder for new workspaces',
} as const;

export function createHandlers(services: CoreServices): CoreHandlers {
  const { workspaces, library, settings, ports, pipeline, gallery, account } = services;
  return {
    'app.info': () => ports.appInfo,
    'app.openExternal': async ({ url }) => {
      await ports.shell.openExternal(assertSafeExternalUrl(url));
      return { opened: true as const };
    },

    'workspaces.list': ({ mode }) => workspaces.list(mode),
    'workspaces.suggestFolder': ({ mode, name }) => ({ folder: workspaces.suggestFolder(mode, name) }),
    'workspaces.chooseFolder': async ({ purpose, defaultPath }) => {
      const folder = await ports.dialogs.chooseFolder({
        title: FOLDER_DIALOG_TITLES[purpose],
        createDirectory: purpose !== 'attach',
        ...(defaultPath === undefined ? {} : { defaultPath }),
      });
      if (folder === null) throw new AppFailure('cancelled', 'No folder was chosen.');
      return { folder };
    },
    'workspaces.create': (input) => workspaces.create(input),
    'workspaces.update': (input) => workspaces.update(input),
    'workspaces.remove': (input) => workspaces.remove(input),
    'workspaces.attach': (input) => workspaces.attach(input),
    'workspaces.reveal': ({ id }) => {
      ports.shell.showItemInFolder(workspaces.folderOf(id));
      return { revealed: true as const };
    },

    'library.assets': ({ workspaceId, limit, cursor, starredOnly, filter }) => {
      workspaces.folderOf(workspaceId); // typed not_found for an unknown workspace
      return library.assets.page(workspaceId, { limit, cursor, starredOnly, ...(filter ? { filter } : {}) });
    },
    'library.facets': ({ workspaceId }) => {
      workspaces.folderOf(workspaceId);
      return library.assets.facets(workspaceId);
    },
    'library.star': ({ workspaceId, assetIds, starred }) => ({ assets: gallery.setStarred(workspaceId, assetIds, starred) }),
    'library.delete': ({ workspaceId, assetIds }) => gallery.delete(workspaceId, assetIds),
    'library.restore': ({ workspaceId, assetIds }) => gallery.restore(workspaceId, assetIds),
    'library.reveal': ({ assetId }) => {
      gallery.reveal(assetId);
      return { revealed: true as const };
    },
    'library.startDrag': ({ assetId }) => {
      gallery.startDrag(assetId);
      return { started: true as const };
    },
    'library.searchJobs': ({ workspaceId, query, limit }) => {
      workspaces.folderOf(workspaceId);
      return library.jobs.search(workspaceId, query, limit);
    },

    'assets.readCode': ({ assetId }) => readCodeAsset(library.assets.get(assetId), (id) => workspaces.folderOf(id)),
    'assets.importImage': ({ workspaceId, source }) => importImageFrom({ library, dialogs: ports.dialogs, now: ports.now ?? Date.now }, workspaceId, source),

    'modes.spec': ({ mode }) => MODE_SPECS[mode],

    'generation.preview': (request) => pipeline.preview(request),
    'generation.generate': (request) => pipeline.submit(request),
    'generation.cancel': ({ jobId }) => ({ cancelled: pipeline.cancel(jobId) }),
    'jobs.list': ({ workspaceId, limit }) => {
      workspaces.folderOf(workspaceId);
      return library.jobs.listByWorkspace(workspaceId, limit);
    },
    'jobs.get': ({ jobId }) => {
      const job = library.jobs.get(jobId);
      if (!job) throw new AppFailure('not_found', 'This job does not exist.', 'jobId');
      return { job, assets: library.assets.listByJob(jobId) };
    },

    'settings.get': () => settings.get(),
    'settings.update': (patch) => settings.update(patch),

    'exports.formats': ({ mode }) => services.exports.formats(mode),
    'exports.run': (input) => services.exports.run(input),
    'exports.cancel': ({ exportId }) => ({ cancelled: services.exports.cancel(exportId) }),
    'exports.reveal': ({ file }) => {
      services.exports.reveal(file);
      return { revealed: true as const };
    },
    'wokpack.choose': ({ workspaceId }) => services.exports.choosePack(workspaceId),
    'wokpack.import': (input) => services.exports.importPack(input),

    'providers.list': () => services.providers.list(),
    'providers.setKey': ({ id, key }) => services.providers.setKey(id, key),
    'providers.removeKey': ({ id }) => services.providers.removeKey(id),
    'providers.testKey': ({ id, key }) => services.providers.testKey(id, key),
    'providers.configure': ({ id, patch }) => services.providers.configure(id, patch),
    'providers.localLlmStatus': () => services.providers.localLlm.status(),
    'providers.detectLocalLlm': () => services.providers.detectLocalLlm(),

    'account.status': () => account.status(),
    'account.signIn': ({ flow }) => account.signIn(flow),
    'account.cancelSignIn': () => account.cancelSignIn(),
    'account.signOut': () => account.signOut(),
    'account.sync': () => account.sync(),
    'account.openPage': async ({ page }) => {
      await account.openPage(page);
      return { opened: true as const };
    },

    'comfyui.status': () => services.comfyui.status(),
    'comfyui.recheck': () => services.comfyui.recheck(),
    'comfyui.setToken': ({ token }) => services.comfyui.setToken(token),
    'comfyui.clearToken': () => services.comfyui.clearToken(),
    'comfyui.validateWorkflow': ({ text }) => services.comfyui.validateWorkflow(text),
    'comfyui.saveWorkflow': ({ mode, name, text }) => services.comfyui.saveWorkflow(mode, name, text),
    'comfyui.listWorkflows': () => services.comfyui.listWorkflows(),
    'comfyui.removeWorkflow': ({ mode }) => services.comfyui.removeWorkflow(mode),
  };
}
