/**
 * The asset viewer: a modal dialog ("Asset viewer") with the image large on a checkerboard,
 * zoom (+ / − / 0, nearest-neighbour in pixel mode), the provider's original side by side,
 * the embedded metadata, copy prompt, reveal (the asset's own file in the file manager),
 * previous/next (← / →) and, for pixel animation frames, playback at an
 * adjustable frame rate. Esc closes; the gallery gives focus back to the asset's card.
 */
import { useEffect, useRef, useState } from 'react';
import type { Asset } from '../../../../shared/library';
import type { Workspace } from '../../../../shared/workspace';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { assetUrl, useLibrary, useToasts } from '../../stores';
import { StudioAssetView } from '../LatestResult';
import { FallbackImage } from './FallbackImage';
import {
  assetFacts,
  clampFps,
  fitScale,
  frameDelayMs,
  frameSequence,
  MAX_FPS,
  metadataPath,
  MIN_FPS,
  neighbourId,
  promptOf,
  stepZoom,
  type FrameSequence,
} from './galleryModel';

export interface AssetViewerProps {
  readonly workspace: Workspace;
  readonly items: ReadonlyArray<Asset>;
  readonly asset: Asset;
  readonly onNavigate: (id: string) => void;
  readonly onClose: () => void;
}

export function AssetViewer({ workspace, items, asset, onNavigate, onClose }: AssetViewerProps) {
  const previous = neighbourId(items, asset.id, -1);
  const next = neighbourId(items, asset.id, 1);
  return (
    <Dialog title="Asset viewer" onClose={onClose} size="lg">
      <ViewerBody
        key={asset.id}
        workspace={workspace}
        asset={asset}
        sequence={frameSequence(items, asset)}
        previous={previous}
        next={next}
        onNavigate={onNavigate}
      />
    </Dialog>
  );
}

type Zoom = 'fit' | number;

interface Size {
  readonly width: number;
  readonly height: number;
}

const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

function ViewerBody({
  workspace,
  asset,
  sequence,
  previous,
  next,
  onNavigate,
}: {
  workspace: Workspace;
  asset: Asset;
  sequence: FrameSequence | null;
  previous: string | null;
  next: string | null;
  onNavigate: (id: string) => void;
}) {
  const pixel = workspace.mode === 'pixel';
  const prompt = promptOf(asset);
  const originalPath = metadataPath(asset, 'originalPath');
  const [zoom, setZoom] = useState<Zoom>('fit');
  const [showOriginal, setShowOriginal] = useState(false);
  const [loadedSize, setLoadedSize] = useState<Size | null>(null);
  const [stage, setStage] = useState<Size>({ width: 0, height: 0 });
  const stagesRef = useRef<HTMLDivElement>(null);
  const reveal = useLibrary((s) => s.reveal);
  const star = useLibrary((s) => s.star);
  const toggleStar = (): void => void star(asset.workspaceId, [asset.id], !asset.starred);

  // Animation frames: the job's frames in order, playing at the job's frame rate.
  // Plays on open unless the system asks for reduced motion.
  const [playing, setPlaying] = useState(() => !window.matchMedia('(prefers-reduced-motion: reduce)').matches);
  const [fps, setFps] = useState(() => clampFps(sequence?.fps ?? 8));
  const [frameIndex, setFrameIndex] = useState(() => Math.max(0, sequence?.frames.findIndex((f) => f.id === asset.id) ?? 0));
  const frameCount = sequence?.frames.length ?? 0;
  useEffect(() => {
    if (!playing || frameCount < 2) return undefined;
    const timer = window.setInterval(() => setFrameIndex((i) => (i + 1) % frameCount), frameDelayMs(fps));
    return () => window.clearInterval(timer);
  }, [playing, fps, frameCount]);
  const shown = sequence?.frames[frameIndex % Math.max(1, frameCount)] ?? asset;

  const natural: Size | null =
    asset.width !== null && asset.height !== null && asset.width > 0 && asset.height > 0 ? { width: asset.width, height: asset.height } : loadedSize;
  const sideBySide = showOriginal && originalPath !== null;

  // The stage area, to compute the fit scale (half of it each when side by side).
  useEffect(() => {
    const element = stagesRef.current;
    if (element === null) return undefined;
    const observer = new ResizeObserver(([entry]) => {
      if (entry === undefined) return;
      setStage({ width: entry.contentRect.width, height: entry.contentRect.height });
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const gap = 12;
  const stageWidth = sideBySide ? (stage.width - gap) / 2 : stage.width;
  const rawFit = natural === null ? 1 : fitScale(natural.width, natural.height, stageWidth - 16, stage.height - 16);
  // Pixel art fits at a whole multiple so every pixel stays square and crisp.
  const fit = pixel && rawFit >= 1 ? Math.floor(rawFit) : rawFit;
  const scale = zoom === 'fit' ? fit : zoom;

  const zoomIn = (): void => setZoom((z) => stepZoom(z === 'fit' ? fit : z, 1));
  const zoomOut = (): void => setZoom((z) => stepZoom(z === 'fit' ? fit : z, -1));
  const zoomFit = (): void => setZoom('fit');

  const actions = useRef({ zoomIn, zoomOut, zoomFit, previous, next, onNavigate, toggleStar });
  useEffect(() => {
    actions.current = { zoomIn, zoomOut, zoomFit, previous, next, onNavigate, toggleStar };
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      const a = actions.current;
      if (event.key === '+' || event.key === '=') a.zoomIn();
      else if (event.key === '-' || event.key === '_' || event.key === '−') a.zoomOut();
      else if (event.key === '0') a.zoomFit();
      else if (event.key === 'ArrowLeft' && !isTyping(event.target) && a.previous !== null) a.onNavigate(a.previous);
      else if (event.key === 'ArrowRight' && !isTyping(event.target) && a.next !== null) a.onNavigate(a.next);
      // S stars here as in the gallery.
      else if ((event.key === 's' || event.key === 'S') && !event.shiftKey && !isTyping(event.target)) a.toggleStar();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const copyPrompt = async (): Promise<void> => {
    const push = useToasts.getState().push;
    try {
      await navigator.clipboard.writeText(typeof asset.metadata['prompt'] === 'string' ? asset.metadata['prompt'] : prompt);
      push({ tone: 'success', message: 'Prompt copied.' });
    } catch (error) {
      push({ tone: 'error', message: `The prompt could not be copied: ${error instanceof Error ? error.message : String(error)}` });
    }
  };

  const imageStyle =
    natural === null ? undefined : { width: `${Math.max(1, natural.width * scale)}px`, height: `${Math.max(1, natural.height * scale)}px` };
  const isCode = asset.kind === 'code';

  return (
    <div className={pixel ? 'viewer viewer-pixel' : 'viewer'}>
      <div className="viewer-toolbar" role="toolbar" aria-label="Viewer controls">
        <div className="viewer-group">
          <Button size="sm" onClick={() => previous !== null && onNavigate(previous)} disabled={previous === null} aria-keyshortcuts="ArrowLeft">
            Previous
          </Button>
          <Button size="sm" onClick={() => next !== null && onNavigate(next)} disabled={next === null} aria-keyshortcuts="ArrowRight">
            Next
          </Button>
        </div>
        <div className="viewer-group">
          <Button size="sm" onClick={zoomOut} aria-keyshortcuts="-">
            Zoom out
          </Button>
          <Button size="sm" onClick={zoomIn} aria-keyshortcuts="+">
            Zoom in
          </Button>
          <Button size="sm" onClick={zoomFit} aria-pressed={zoom === 'fit'} aria-keyshortcuts="0">
            Fit
          </Button>
          <output className="viewer-zoom" aria-live="polite" aria-label="Zoom level">
            {Math.round(scale * 100)}%
          </output>
        </div>
        {originalPath !== null && (
          <div className="viewer-group">
            <Button size="sm" aria-pressed={showOriginal} onClick={() => setShowOriginal((v) => !v)}>
              Original
            </Button>
          </div>
        )}
        {sequence !== null && (
          <div className="viewer-group">
            <Button size="sm" onClick={() => setPlaying((p) => !p)}>
              {playing ? 'Pause' : 'Play'}
            </Button>
            <label className="viewer-fps">
              <span>Frame rate</span>
              <input
                type="range"
                min={MIN_FPS}
                max={MAX_FPS}
                step={1}
                value={fps}
                onChange={(event) => setFps(clampFps(Number(event.target.value)))}
                aria-valuetext={`${fps} frames per second`}
              />
              <span className="viewer-fps-value">{fps} fps</span>
            </label>
            <span className="viewer-frame" aria-live="off">
              Frame {(frameIndex % Math.max(1, frameCount)) + 1}/{sequence.count}
            </span>
          </div>
        )}
      </div>
      <div className="viewer-main">
        <div ref={stagesRef} className={sideBySide ? 'viewer-stages viewer-stages-split' : 'viewer-stages'}>
          {sideBySide && (
            <figure className="viewer-stage">
              <figcaption className="viewer-caption">Original</figcaption>
              <div className="viewer-canvas">
                <FallbackImage className="viewer-img" sources={[assetUrl(asset.workspaceId, originalPath)]} alt={`Original: ${prompt}`} style={imageStyle} />
              </div>
            </figure>
          )}
          <figure className="viewer-stage">
            {sideBySide && <figcaption className="viewer-caption">Processed</figcaption>}
            <div className="viewer-canvas">
              {isCode ? (
                <StudioAssetView mode={workspace.mode} asset={asset} />
              ) : (
                <FallbackImage
                  className="viewer-img"
                  sources={[shown.relativePath, metadataPath(shown, 'thumbnailPath')].flatMap((path) => (path === null ? [] : [assetUrl(shown.workspaceId, path)]))}
                  alt={prompt}
                  style={imageStyle}
                  onLoad={(event) => {
                    const img = event.currentTarget;
                    if (img.naturalWidth > 0 && img.naturalHeight > 0) setLoadedSize({ width: img.naturalWidth, height: img.naturalHeight });
                  }}
                />
              )}
            </div>
          </figure>
        </div>
        <aside className="viewer-side">
          <dl className="viewer-facts">
            {assetFacts(asset).map((fact) => (
              <div key={fact.term} className="viewer-fact">
                <dt>{fact.term}</dt>
                <dd>{fact.value}</dd>
              </div>
            ))}
          </dl>
          <p className="viewer-path" title={asset.relativePath}>
            {asset.relativePath}
          </p>
          <div className="viewer-actions">
            <Button size="sm" icon="star" aria-pressed={asset.starred} title="Star or unstar (S)" onClick={toggleStar}>
              {asset.starred ? 'Unstar' : 'Star'}
            </Button>
            <Button size="sm" onClick={() => void copyPrompt()}>
              Copy prompt
            </Button>
            <Button
              size="sm"
              icon="reveal"
              onClick={() => void reveal(asset.id)}
              disabled={workspace.missing}
              title="Shows this file in your file manager"
            >
              Reveal in file manager
            </Button>
          </div>
        </aside>
      </div>
    </div>
  );
}
