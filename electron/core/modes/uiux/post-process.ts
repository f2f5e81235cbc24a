/**
 * UI/UX post-processing: the text provider's answer (bytes) → one code file. Decodes strict
 * UTF-8, runs `extractCode`, and returns the code without a header: the pipeline adds the
 * generation header with `withCodeHeader` (./header) when it knows the provider, model and job.
 */
import { FRAMEWORK_LANGUAGE, type UiuxFramework, type UiuxRequest } from '../../../../shared/mode-specs/uiux';
import type { ProcessedOutput, ProviderImage } from '../engine';
import { CodeExtractError, MAX_CODE_BYTES, extractCode, type CodeLanguage } from './code-result';
import { previewHeight } from './quality';

/** Must match electron/core/assets/asset-formats.ts: the asset writer refuses a file whose type disagrees with its extension. */
export const CODE_MIME: Readonly<Record<CodeLanguage, string>> = {
  html: 'text/html',
  tsx: 'text/tsx',
  css: 'text/css',
};

function pascal(words: string): string {
  return words
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word.length > 0)
    .map((word) => (word[0] ?? '').toUpperCase() + word.slice(1))
    .join('');
}

/** `Pricing.tsx`, `page.tsx` (a Next.js page), `pricing.html`; "custom" takes the tool's name. */
export function codeFilename(request: Pick<UiuxRequest, 'tool' | 'controls'>): string {
  const framework: UiuxFramework = request.controls.framework;
  const subject = request.controls.componentType === 'custom' ? request.tool : request.controls.componentType;
  if (framework === 'next-tsx' && request.tool === 'page') return 'page.tsx';
  return FRAMEWORK_LANGUAGE[framework] === 'tsx' ? `${pascal(subject)}.tsx` : `${subject}.html`;
}

function decode(image: ProviderImage): string {
  if (image.mime.startsWith('image/')) throw new CodeExtractError('not_text', 'The provider returned an image, not code.');
  if (image.bytes.byteLength > MAX_CODE_BYTES) {
    throw new CodeExtractError('too_large', `The generated answer is larger than ${MAX_CODE_BYTES / 1024} KB.`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(image.bytes);
  } catch {
    throw new CodeExtractError('not_text', 'The provider’s answer is not valid UTF-8 text.');
  }
}

export async function postProcessUiux(request: UiuxRequest, image: ProviderImage, signal: AbortSignal): Promise<ProcessedOutput> {
  signal.throwIfAborted();
  const { result, notes } = extractCode(decode(image), request.controls.framework, { filename: codeFilename(request) });
  return {
    kind: 'code',
    mime: CODE_MIME[result.language],
    extension: result.language,
    bytes: new TextEncoder().encode(result.code),
    // The preview viewport it was designed for (code has no pixel size of its own).
    width: request.size,
    height: previewHeight(request.size),
    notes: [...notes, `${result.filename}: ${result.code.split('\n').length - 1} lines of ${result.language}.`],
  };
}
