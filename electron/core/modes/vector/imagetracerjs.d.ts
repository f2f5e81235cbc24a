/**
 * The part of imagetracerjs 1.2.6 (no bundled types) the vector mode uses. The module exports
 * one ImageTracer instance (CommonJS `module.exports = new ImageTracer()`).
 */
declare module 'imagetracerjs' {
  export interface TracerImageData {
    readonly width: number;
    readonly height: number;
    /** RGBA, 4 bytes a pixel, row-major. */
    readonly data: Uint8Array | Uint8ClampedArray | Buffer;
  }

  export interface TracerColour {
    r: number;
    g: number;
    b: number;
    a: number;
  }

  /** One traced path; the tracer's segment details are opaque to us. */
  export interface TracerPath {
    readonly isholepath: boolean;
    readonly segments: ReadonlyArray<unknown>;
  }

  export interface TraceData {
    /** One layer per palette colour, each a list of paths. */
    layers: TracerPath[][];
    palette: TracerColour[];
    width: number;
    height: number;
  }

  /** See node_modules/imagetracerjs/options.md; unset options take the `default` preset's value. */
  export interface TracerOptions {
    ltres?: number;
    qtres?: number;
    pathomit?: number;
    rightangleenhance?: boolean;
    /** 0 = generated palette, 1 = random sampling, 2 = deterministic grid sampling. */
    colorsampling?: 0 | 1 | 2;
    numberofcolors?: number;
    mincolorratio?: number;
    colorquantcycles?: number;
    layering?: 0 | 1;
    strokewidth?: number;
    linefilter?: boolean;
    scale?: number;
    roundcoords?: number;
    viewbox?: boolean;
    desc?: boolean;
    blurradius?: number;
    blurdelta?: number;
    pal?: TracerColour[];
  }

  export interface ImageTracer {
    imagedataToSVG(imageData: TracerImageData, options?: TracerOptions | string): string;
    imagedataToTracedata(imageData: TracerImageData, options?: TracerOptions | string): TraceData;
    getsvgstring(traceData: TraceData, options?: TracerOptions | string): string;
    readonly versionnumber: string;
  }

  const tracer: ImageTracer;
  export default tracer;
}
