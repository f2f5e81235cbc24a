/**
 * The pipeline's AssetStore backed by real files: `writeAssetFiles` puts the processed file,
 * the original and the thumbnail into the workspace, metadata inside each.
 */
import type { AssetStore } from '../pipeline/types';
import { writeAssetFiles } from './asset-writer';

export const fileAssetStore: AssetStore = {
  async write({ workspaceFolder, metadata, processed, original, signal }) {
    const written = await writeAssetFiles({ workspaceFolder, metadata, processed, original, signal });
    return {
      metadata: written.metadata,
      relativePath: written.relativePath,
      originalRelativePath: written.originalRelativePath,
      thumbnailRelativePath: written.thumbnailRelativePath,
      bytes: written.bytes,
    };
  },
};
