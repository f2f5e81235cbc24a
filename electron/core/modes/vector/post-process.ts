/**
 * Vector post-processing: the provider's bitmap → a traced, sanitised, optimised SVG whose
 * viewBox is the trace square and whose width/height are the size asked for. Providers that
 * already return SVG (e.g. recraft's SVG model) skip the trace and are sanitised the same way.
 *
 * The tracer is synchronous JavaScript, so cancellation is checked between the steps, not
 * inside the trace (at most ~0.5 s for a 768 px full-colour trace).
 */
import type { VectorRequest } from '../../../../shared/mode-specs/vector';
import type { ProcessedOutput, ProviderImage } from '../engine';
import { optimiseSvg } from './svg-optimise';
import { traceBitmap } from './trace';

/** Trace square: icons at 512; HD illustrations at 768 for their finer shapes. */
export function traceSizeFor(request: Pick<VectorRequest, 'tool' | 'hd'>): number {
  return request.tool === 'illustration' && request.hd ? 768 : 512;
}

export class VectorTraceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VectorTraceError';
  }
}

function countPaths(svg: string): number {
  return (svg.match(/<path\b/g) ?? []).length;
}

function isSvg(image: ProviderImage): boolean {
  return image.mime === 'image/svg+xml';
}

export async function postProcessVector(request: VectorRequest, image: ProviderImage, signal: AbortSignal): Promise<ProcessedOutput> {
  signal.throwIfAborted();
  const colourMode = request.controls.colourMode;
  const notes: string[] = [];
  let source: string;
  if (isSvg(image)) {
    source = new TextDecoder('utf-8', { fatal: false }).decode(image.bytes);
    notes.push('The provider returned SVG; it was sanitised and optimised, not traced.');
  } else {
    const traceSize = traceSizeFor(request);
    const traced = await traceBitmap(image.bytes, { traceSize, colourMode });
    signal.throwIfAborted();
    if (traced.paletteSize < 2 || traced.paths === 0) {
      throw new VectorTraceError('The provider image had nothing to trace (a blank image); try again or change the prompt.');
    }
    source = traced.svg;
    notes.push(`Traced at ${traceSize}×${traceSize} px: ${traced.paths} path${traced.paths === 1 ? '' : 's'} in ${traced.colours} colour${traced.colours === 1 ? '' : 's'}.`);
    if (traced.mergedColours > 0) notes.push(`Merged ${traced.mergedColours} minor edge colour${traced.mergedColours === 1 ? '' : 's'} into their neighbours.`);
    if (traced.removedBackground !== null) notes.push(`Removed the ${traced.removedBackground} background (transparent).`);
  }

  const svg = optimiseSvg(source, { size: request.size, currentColor: colourMode === 'mono' });
  signal.throwIfAborted();
  if (countPaths(svg) === 0 && !/<(circle|rect|ellipse|polygon|polyline|line)\b/.test(svg)) {
    throw new VectorTraceError('The SVG has no shapes left after sanitising.');
  }
  if (colourMode === 'mono') notes.push('Drawn in currentColor, so the icon takes the colour of the text around it.');
  notes.push(`Sanitised and optimised with svgo; ${request.size}×${request.size} px with a viewBox.`);

  return {
    kind: 'svg',
    mime: 'image/svg+xml',
    extension: 'svg',
    bytes: new TextEncoder().encode(svg),
    width: request.size,
    height: request.size,
    notes,
  };
}
