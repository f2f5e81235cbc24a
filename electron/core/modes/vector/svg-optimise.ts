/**
 * Optimise a traced SVG for delivery: sanitise (first, so nothing later sees unsafe content),
 * svgo's preset-default, removeScripts, then the root gets a `viewBox` (the drawing's own
 * coordinates) and `width`/`height` (the size the user asked for). Mono icons draw in
 * `currentColor`, so they take the colour of the text around them, as design-system icons do.
 */
import { optimize, type CustomPlugin, type XastElement } from 'svgo';
import { requireSvgRootPlugin, sanitizePlugin } from '../../svg/sanitize';

export interface OptimiseOptions {
  /** Output width and height in px (the SVG stays scalable through its viewBox). */
  readonly size: number;
  /** Replace every fill and stroke colour with `currentColor` (mono icons). */
  readonly currentColor: boolean;
}

function isSvgRoot(node: XastElement, parentType: string): boolean {
  return parentType === 'root' && node.name === 'svg';
}

/** Sets the root's viewBox (from width/height when it has none) and its width and height. */
function sizeRootPlugin(size: number): CustomPlugin {
  return {
    name: 'wokgenSizeRoot',
    fn: () => ({
      element: {
        enter: (node, parent) => {
          if (!isSvgRoot(node, parent.type)) return;
          const attributes = node.attributes;
          if (attributes.viewBox === undefined) {
            const width = Number.parseFloat(attributes.width ?? '');
            const height = Number.parseFloat(attributes.height ?? '');
            if (!(width > 0 && height > 0)) throw new Error('The traced SVG has neither a viewBox nor a size.');
            attributes.viewBox = `0 0 ${width} ${height}`;
          }
          attributes.width = String(size);
          attributes.height = String(size);
        },
      },
    }),
  };
}

const PAINT_ATTRIBUTES = ['fill', 'stroke'] as const;

const currentColorPlugin: CustomPlugin = {
  name: 'wokgenCurrentColor',
  fn: () => ({
    element: {
      enter: (node) => {
        for (const attribute of PAINT_ATTRIBUTES) {
          const value = node.attributes[attribute];
          if (value !== undefined && value !== 'none' && !value.startsWith('url(')) node.attributes[attribute] = 'currentColor';
        }
      },
    },
  }),
};

export function optimiseSvg(svgText: string, options: OptimiseOptions): string {
  return optimize(svgText, {
    multipass: true,
    floatPrecision: 2,
    plugins: [
      requireSvgRootPlugin,
      sanitizePlugin,
      'preset-default',
      'removeScripts',
      ...(options.currentColor ? [currentColorPlugin] : []),
      sizeRootPlugin(options.size),
    ],
    js2svg: { pretty: false },
  }).data;
}
