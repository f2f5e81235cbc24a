/** Asset files: metadata inside them, where they go, thumbnails, writing, rebuilding rows. */
export {
  AssetMetadataSchema,
  ASSET_METADATA_APP,
  ASSET_METADATA_FORMAT,
  formatA1111Parameters,
  parseAssetMetadata,
  serializeAssetMetadata,
  validateAssetMetadata,
} from './asset-metadata';
export type { AssetMetadata, AssetRole } from './asset-metadata';
export { AssetMetadataError } from './errors';
export type { AssetMetadataErrorReason } from './errors';
export { embedPngMetadata, readPngMetadata, readPngTextChunks } from './png-metadata';
export type { PngMetadata } from './png-metadata';
export { embedSvgMetadata, readSvgMetadata, SVG_METADATA_NAMESPACE } from './svg-metadata';
export { commentStyleFor, embedCodeMetadata, readCodeMetadata } from './code-metadata';
export type { CodeCommentStyle } from './code-metadata';
export { formatForExtension, formatForMime, METADATA_EXTENSIONS } from './asset-formats';
export type { AssetFormat } from './asset-formats';
export { embedMetadata, readEmbeddedMetadata } from './embedded-metadata';
export { ASSETS_DIR, THUMBNAILS_DIR, monthFolder, originalAssetPath, processedAssetPath, thumbnailPath } from './asset-paths';
export type { AssetFileName } from './asset-paths';
export { makeThumbnail, THUMBNAIL_MAX_EDGE, THUMBNAIL_MIME } from './thumbnails';
export type { Thumbnail, ThumbnailOptions } from './thumbnails';
export { writeAssetFiles } from './asset-writer';
export type { AssetMetadataInput, OriginalFileInput, ProcessedFileInput, WriteAssetFilesInput, WrittenAssetFiles } from './asset-writer';
export { assetRowFromMetadata, jobRowFromMetadata } from './asset-rows';
export type { AssetFileFacts } from './asset-rows';
export { applyRebuild, rebuildWorkspaceRows } from './rebuild-library';
export type { AppliedRebuild, RebuildRows, RebuildSkipReason, SkippedFile } from './rebuild-library';
