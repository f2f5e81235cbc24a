/**
 * SVG sanitising: what may run, load or navigate is removed; the drawing stays.
 *
 * An SVG is a document, not a picture: it can carry scripts, event handlers, HTML inside
 * `<foreignObject>`, links to `javascript:` URLs and references to remote files. Our traced
 * output has none of these, but provider SVGs, exported files and SVGs imported from a .wokpack
 * may, whatever their mode, and the studio shows SVGs in the renderer — so this lives in a
 * neutral core module (not in the vector mode's sealed folder) that all of them import.
 * The rules are an allow-nothing-external list:
 *
 * - elements that run or embed other documents are removed: script, foreignObject, iframe,
 *   embed, object, handler/listener (SVG Tiny), and the like, with everything inside them;
 * - every `on*` attribute is removed;
 * - `href`/`xlink:href`/`src` must point inside the document (`#id`); any other value (http:,
 *   data:, javascript:, relative files) is removed, and an `<image>`/`<feImage>`/`<use>` that
 *   pointed outside is removed whole (it has nothing left to draw);
 * - any attribute whose value holds a script URL (`javascript:`, `vbscript:`, `data:text/html`,
 *   even split by whitespace) or a `url(…)` that is not `url(#id)` is removed;
 * - `<style>` blocks that import or load anything (`@import`, `url(` outside the document) or
 *   hold script URLs are removed; animations that target `href` or an event attribute too;
 * - processing instructions other than the XML declaration (`<?xml-stylesheet?>`) and the
 *   DOCTYPE (entity declarations) are dropped.
 *
 * `<metadata>` is kept: the pipeline writes our generation record there.
 */
import { optimize, type CustomPlugin, type XastChild, type XastElement, type XastParent } from 'svgo';

export class SvgSanitizeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SvgSanitizeError';
  }
}

/** Local names (lower case, namespace prefix dropped) of elements removed with their content. */
const FORBIDDEN_ELEMENTS = new Set([
  'script',
  'foreignobject',
  'iframe',
  'frame',
  'frameset',
  'embed',
  'object',
  'applet',
  'handler',
  'listener',
  'audio',
  'video',
  'base',
  'link',
  'meta',
]);

/** Elements that only draw what their `href` points at. */
const REFERENCE_ELEMENTS = new Set(['image', 'feimage', 'use']);
const ANIMATION_ELEMENTS = new Set(['animate', 'set', 'animatetransform', 'animatemotion', 'animatecolor']);
/** Attributes that load or navigate: allowed only as same-document `#id` references. */
const URL_ATTRIBUTES = new Set(['href', 'src']);
/** Attributes with no safe value in an image. */
const DROPPED_ATTRIBUTES = new Set(['base', 'srcdoc', 'action', 'formaction', 'data', 'codebase', 'classid']);

function localName(name: string): string {
  return name.slice(name.lastIndexOf(':') + 1).toLowerCase();
}

/** Browsers ignore whitespace and control characters inside a URL scheme ("java\tscript:"). */
function squeeze(value: string): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  return value.replace(/[\s\u0000-\u001f\u007f]+/g, '').toLowerCase();
}

const SCRIPT_URL = /(?:javascript|vbscript|livescript):|data:(?:text\/html|application\/(?:xhtml|ecmascript|javascript)|text\/(?:javascript|ecmascript))/;

function holdsScriptUrl(value: string): boolean {
  return SCRIPT_URL.test(squeeze(value));
}

/** True when the value has a `url(…)` whose target is anything but a same-document `#id`. */
function holdsExternalUrl(value: string): boolean {
  const squeezed = squeeze(value);
  const pattern = /url\(\s*['"]?([^'")]*)/g;
  for (let match = pattern.exec(squeezed); match !== null; match = pattern.exec(squeezed)) {
    if (!(match[1] ?? '').startsWith('#')) return true;
  }
  return false;
}

/** CSS that can load, run or bind anything. */
function isUnsafeCss(css: string): boolean {
  const squeezed = squeeze(css);
  return (
    squeezed.includes('@import') ||
    squeezed.includes('expression(') ||
    squeezed.includes('-moz-binding') ||
    squeezed.includes('behavior:') ||
    holdsScriptUrl(css) ||
    holdsExternalUrl(css)
  );
}

function isInternalReference(value: string): boolean {
  return value.trim().startsWith('#');
}

function textOf(node: XastElement): string {
  return node.children.map((child) => (child.type === 'text' || child.type === 'cdata' ? child.value : '')).join('');
}

function detach(node: XastChild, parent: XastParent): void {
  // A new array, so svgo's traversal (iterating the old one) does not skip the next sibling.
  parent.children = parent.children.filter((child) => child !== node);
}

/** True when the element must go whole; otherwise strips its unsafe attributes in place. */
function sanitizeElement(node: XastElement): boolean {
  const name = localName(node.name);
  if (FORBIDDEN_ELEMENTS.has(name)) return true;
  if (name === 'style' && isUnsafeCss(textOf(node))) return true;
  if (ANIMATION_ELEMENTS.has(name)) {
    const target = localName(node.attributes.attributeName ?? '');
    if (URL_ATTRIBUTES.has(target) || target.startsWith('on') || target === 'style') return true;
  }
  for (const [attribute, value] of Object.entries(node.attributes)) {
    const local = localName(attribute);
    if (attribute.toLowerCase() === 'xml:base') {
      delete node.attributes[attribute];
    } else if (local.startsWith('on') || DROPPED_ATTRIBUTES.has(local)) {
      delete node.attributes[attribute];
    } else if (URL_ATTRIBUTES.has(local) && !isInternalReference(value)) {
      if (REFERENCE_ELEMENTS.has(name)) return true;
      delete node.attributes[attribute];
    } else if (holdsScriptUrl(value) || holdsExternalUrl(value) || (local === 'style' && isUnsafeCss(value))) {
      delete node.attributes[attribute];
    }
  }
  return false;
}

/** The svgo plugin; put it first so later plugins never see (or inline) unsafe content. */
export const sanitizePlugin: CustomPlugin = {
  name: 'wokgenSanitize',
  fn: () => ({
    doctype: { enter: (node, parent) => detach(node, parent) },
    instruction: {
      enter: (node, parent) => {
        if (node.name.toLowerCase() !== 'xml') detach(node, parent);
      },
    },
    element: {
      enter: (node, parent) => {
        if (sanitizeElement(node)) detach(node, parent);
      },
    },
  }),
};

/** The root must be exactly one `<svg>` element (comments and the XML declaration aside). */
export const requireSvgRootPlugin: CustomPlugin = {
  name: 'wokgenRequireSvgRoot',
  fn: () => ({
    root: {
      enter: (root) => {
        const elements = root.children.filter((child): child is XastElement => child.type === 'element');
        if (elements.length !== 1 || localName(elements[0]?.name ?? '') !== 'svg') {
          throw new SvgSanitizeError('The file is not an SVG image.');
        }
      },
    },
  }),
};

/**
 * Removes everything in an SVG that could run, load or navigate (see the module comment), and
 * keeps the drawing as it is (no optimisation: ids, metadata and structure stay). Throws
 * `SvgSanitizeError` when the text is not a well-formed SVG document.
 */
export function sanitizeSvg(svgText: string): string {
  try {
    return optimize(svgText, {
      multipass: false,
      plugins: [requireSvgRootPlugin, sanitizePlugin, 'removeScripts'],
      js2svg: { pretty: false },
    }).data;
  } catch (error) {
    if (error instanceof SvgSanitizeError) throw error;
    throw new SvgSanitizeError(`The SVG could not be read: ${error instanceof Error ? firstLine(error.message) : String(error)}.`);
  }
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? '').replace(/\.$/, '');
}
