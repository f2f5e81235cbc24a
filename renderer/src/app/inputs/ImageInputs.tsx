/**
 * "Start from": the input image of tools that begin with one (pixel rotate, inpaint). Pick an
 * image of this workspace's gallery, choose a file (main's open dialog reads it), or drop one
 * here (its bytes go to main, which validates and imports it). For inpaint, the mask brush
 * paints over the picked image.
 */
import { useState, type DragEvent } from 'react';
import type { Asset } from '../../../../shared/library';
import type { ModeId } from '../../../../shared/modes';
import type { Workspace } from '../../../../shared/workspace';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { assetUrl, generationForms, useLibrary } from '../../stores';
import { selectWorkspaceAssets } from '../../stores/library';
import { MaskBrush } from './MaskBrush';

/** Above this, a dropped file is refused before it is read (main enforces the same limit). */
const DROP_MAX_BYTES = 20 * 1024 * 1024;

export interface ImageInputsProps {
  readonly mode: ModeId;
  readonly workspace: Workspace;
  readonly withMask: boolean;
  readonly errorOf: (field: string) => string | undefined;
}

const isImage = (asset: Asset): boolean => asset.kind === 'image' && asset.width !== null && asset.height !== null;

function thumbnailOf(asset: Asset): string {
  const thumb = asset.metadata['thumbnailPath'];
  return assetUrl(asset.workspaceId, typeof thumb === 'string' ? thumb : asset.relativePath);
}

async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  // In chunks: String.fromCharCode with a spread of millions of bytes overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function ImageInputs({ mode, workspace, withMask, errorOf }: ImageInputsProps) {
  const useForm = generationForms[mode];
  const inputId = useForm((s) => s.values.inputAssetId);
  const importing = useForm((s) => s.importing);
  const { items } = useLibrary(selectWorkspaceAssets(workspace.id));
  const [imported, setImported] = useState<Asset | null>(null);
  const [choosing, setChoosing] = useState(false);
  const [dropError, setDropError] = useState<string | null>(null);
  const [over, setOver] = useState(false);

  const picked = items.find((a) => a.id === inputId) ?? (imported?.id === inputId ? imported : null);
  const pick = (asset: Asset): void => {
    setDropError(null);
    useForm.getState().set('inputAssetId', asset.id);
    useForm.getState().set('maskPngBase64', null);
  };
  const afterImport = (asset: Asset | null): void => {
    if (asset === null) return;
    setImported(asset);
    void useLibrary.getState().refreshNewest(workspace.id);
  };
  const chooseFile = (): void => {
    setDropError(null);
    void useForm.getState().importInput({ from: 'dialog' }).then(afterImport);
  };
  const onDrop = (event: DragEvent<HTMLDivElement>): void => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file === undefined) return;
    if (file.size > DROP_MAX_BYTES) {
      setDropError('The image is larger than 20 MB.');
      return;
    }
    setDropError(null);
    void base64Of(file)
      .then((base64) => useForm.getState().importInput({ from: 'bytes', name: file.name || 'dropped image', base64 }))
      .then(afterImport);
  };

  const error = dropError ?? errorOf('inputAssetId');
  const maskError = errorOf('maskPngBase64');
  return (
    <fieldset className="image-input">
      <legend className="field-label">Start from</legend>
      <div
        className={over ? 'image-drop image-drop-over' : 'image-drop'}
        onDragOver={(event) => {
          if (!event.dataTransfer.types.includes('Files')) return;
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        aria-busy={importing || undefined}
      >
        {picked === null ? (
          <p className="field-hint">Drop an image here, or choose one.</p>
        ) : (
          <img className={mode === 'pixel' ? 'image-input-preview pixelated' : 'image-input-preview'} src={thumbnailOf(picked)} alt="Input image" draggable={false} />
        )}
        <div className="image-input-actions">
          <Button size="sm" icon="image" onClick={() => setChoosing(true)}>
            Choose from gallery
          </Button>
          <Button size="sm" icon="folderOpen" onClick={chooseFile} pending={importing}>
            Choose a file…
          </Button>
        </div>
      </div>
      {error !== undefined && error !== null && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {withMask && picked !== null && picked.width !== null && picked.height !== null && (
        <MaskBrush
          key={picked.id}
          imageUrl={assetUrl(picked.workspaceId, picked.relativePath)}
          width={picked.width}
          height={picked.height}
          pixelated={mode === 'pixel'}
          onChange={(mask) => useForm.getState().set('maskPngBase64', mask)}
        />
      )}
      {withMask && maskError !== undefined && picked !== null && (
        <p className="field-error" role="alert">
          {maskError}
        </p>
      )}
      {choosing && (
        <Dialog title="Choose an image" onClose={() => setChoosing(false)} size="lg">
          <GalleryPicker
            assets={items.filter(isImage)}
            selected={inputId}
            onPick={(asset) => {
              pick(asset);
              setChoosing(false);
            }}
          />
        </Dialog>
      )}
    </fieldset>
  );
}

function GalleryPicker({ assets, selected, onPick }: { assets: ReadonlyArray<Asset>; selected: string | null; onPick: (asset: Asset) => void }) {
  if (assets.length === 0) return <p className="field-hint">No images in this workspace yet: generate one, or choose a file.</p>;
  return (
    <ul className="image-picker-grid" aria-label="Workspace images">
      {assets.map((asset) => {
        const prompt = typeof asset.metadata['prompt'] === 'string' ? asset.metadata['prompt'] : asset.relativePath;
        return (
          <li key={asset.id}>
            <button type="button" className="image-picker-item" aria-pressed={asset.id === selected} onClick={() => onPick(asset)} title={prompt}>
              <img src={thumbnailOf(asset)} alt={prompt} draggable={false} />
              <span className="image-picker-size">
                {asset.width}×{asset.height}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
