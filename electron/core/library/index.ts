/** The library's public surface; other core modules import from here, not from the files. */
export { openLibrary, DEFAULT_MIGRATIONS_DIR } from './open-library';
export type { Library, OpenLibraryOptions, OpenedLibrary } from './open-library';
export type { WorkspaceRow, NewWorkspace, WorkspacesRepo } from './workspaces-repo';
export type { NewJob, JobPatch, JobsRepo } from './jobs-repo';
export { INTERRUPTED_ERROR, JOBS_LIST_MAX } from './jobs-repo';
export type { NewAsset, AssetPageQuery, AssetsRepo } from './assets-repo';
export { toFtsQuery } from './fts-query';
export { newRowId } from './row-id';
