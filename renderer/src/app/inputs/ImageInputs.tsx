/**
 * "Start from": the input image of tools that begin with one (pixel rotate, inpaint). Pick an
 * image of this workspace's gallery, choose a file (main's open dialog reads it), or drop one
 * here (its bytes go to main, which validates and imports it). For inpaint, the mask brush
 * paints over the picked image.
 */
import { useEffect, useState, type DragEvent } from 'react';
import type { AppError } from '../../../../shared/errors';
import type { Asset, AssetCursor } from '../../../../shared/library';
import type { ModeId } from '../../../../shared/modes';
import type { Workspace } from '../../../../shared/workspace';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { assetUrl, generationForms, useLibrary } from '../../stores';
import { MaskBrush } from './MaskBrush';

/** Above this, a dropped file is refused before it is read (main enforces the same limit). */
const DROP_MAX_BYTES = 20 * 1024 * 1024;
const DROP_TOO_LARGE = 'The image is larger than 20 MB: resize it below 20 MB and 4096×4096 px, then drop it again.';
const DROP_BUSY = 'An image is still being imported: drop this one once it has finished.';

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
  // The picked Asset is kept in the form: it shows even when the gallery's filter hides it.
  const inputAsset = useForm((s) => s.inputAsset);
  const [choosing, setChoosing] = useState(false);
  const [dropError, setDropError] = useState<string | null>(null);
  const [over, setOver] = useState(false);
  // Reading a dropped file happens before the store's import starts: it counts as busy too.
  const [reading, setReading] = useState(false);

  const picked = inputAsset !== null && inputAsset.id === inputId ? inputAsset : null;
  const pick = (asset: Asset | null): void => {
    setDropError(null);
    useForm.getState().pickInput(asset);
  };
  const afterImport = (asset: Asset | null): void => {
    if (asset === null) return;
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
    if (importing || reading) {
      setDropError(DROP_BUSY);
      return;
    }
    if (file.size > DROP_MAX_BYTES) {
      setDropError(DROP_TOO_LARGE);
      return;
    }
    setDropError(null);
    setReading(true);
    base64Of(file).then(
      (base64) => {
        setReading(false);
        void useForm.getState().importInput({ from: 'bytes', name: file.name || 'dropped image', base64 }).then(afterImport);
      },
      (error: unknown) => {
        setReading(false);
        setDropError(`“${file.name || 'The dropped file'}” could not be read (${error instanceof Error ? error.message : String(error)}). Save it to disk and use Choose a file… instead.`);
      },
    );
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
        aria-busy={importing || reading || undefined}
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
          <Button size="sm" icon="folderOpen" onClick={chooseFile} pending={importing || reading}>
            Choose a file…
          </Button>
          {picked !== null && (
            <Button size="sm" variant="ghost" icon="close" onClick={() => pick(null)}>
              Remove input
            </Button>
          )}
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
            workspaceId={workspace.id}
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

/** Every image of the workspace, newest first, regardless of the gallery's filter (UX review). */
function useUnfilteredImages(workspaceId: string) {
  const [images, setImages] = useState<ReadonlyArray<Asset>>([]);
  const [cursor, setCursor] = useState<AssetCursor | null>(null);
  const [status, setStatus] = useState<'loading' | 'ready' | 'error'>('loading');
  const [error, setError] = useState<AppError | null>(null);
  // The first page is fetched by the effect (status starts as loading); more/retry mark it again.
  const fetchPage = (from: AssetCursor | null, replace: boolean): void => {
    void useLibrary
      .getState()
      .browseUnfiltered(workspaceId, from)
      .then((result) => {
        if (!result.ok) {
          setError(result.error);
          setStatus('error');
          return;
        }
        setImages((current) => [...(replace ? [] : current), ...result.value.items.filter(isImage)]);
        setCursor(result.value.nextCursor);
        setError(null);
        setStatus('ready');
      });
  };
  const load = (from: AssetCursor | null, replace: boolean): void => {
    setStatus('loading');
    fetchPage(from, replace);
  };
  useEffect(() => {
    fetchPage(null, true);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- loads once per workspace (the picker dialog mounts afresh each time)
  }, [workspaceId]);
  return { images, status, error, more: cursor === null ? null : () => load(cursor, false), retry: () => load(null, true) };
}

function GalleryPicker({ workspaceId, selected, onPick }: { workspaceId: string; selected: string | null; onPick: (asset: Asset) => void }) {
  const { images: assets, status, error, more, retry } = useUnfilteredImages(workspaceId);
  if (status === 'error' && assets.length === 0)
    return (
      <div className="field-error" role="alert">
        <p>{error?.message ?? 'The images could not be read.'}</p>
        <Button size="sm" icon="refresh" onClick={retry}>
          Try again
        </Button>
      </div>
    );
  if (status === 'loading' && assets.length === 0) return <p className="field-hint">Reading the workspace’s images…</p>;
  if (assets.length === 0 && more === null) return <p className="field-hint">No images in this workspace yet: generate one, or choose a file.</p>;
  return (
    <>
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
      {more !== null && (
        <Button size="sm" variant="ghost" pending={status === 'loading'} onClick={more}>
          Load more
        </Button>
      )}
    </>
  );
}
