/**
 * The UI/UX mode's export formats: the code files exactly as generated (`.tsx`, `.html`,
 * `.css`, header comment included), and a zip of them with a short README on how to use each.
 */
import { AppFailure } from '../../../../shared/errors';
import { defineExporter, forEachSource, type AnyExporter, type ExportSource } from '../../exports/exporter';
import { CODE_LANGUAGES, type CodeLanguage } from './code-result';

function languageOf(source: ExportSource): CodeLanguage | null {
  const extension = source.asset.relativePath.slice(source.asset.relativePath.lastIndexOf('.') + 1).toLowerCase();
  return (CODE_LANGUAGES as ReadonlyArray<string>).includes(extension) ? (extension as CodeLanguage) : null;
}

async function codeFiles(sources: ReadonlyArray<ExportSource>, context: Parameters<typeof forEachSource>[1]) {
  const files = await forEachSource(sources, context, async (source) => {
    const language = languageOf(source);
    return language === null ? null : { path: `${source.name}.${language}`, bytes: await source.read(), language };
  });
  const kept = files.filter((file) => file !== null);
  const skipped = files.length - kept.length;
  const notes = skipped > 0 ? [`${skipped} selected file${skipped === 1 ? ' is' : 's are'} not .tsx, .html or .css and ${skipped === 1 ? 'was' : 'were'} left out.`] : [];
  if (kept.length === 0) throw new AppFailure('invalid_input', 'None of the selected assets is a .tsx, .html or .css file.', 'assets');
  return { files: kept, notes };
}

const HOW_TO: Readonly<Record<CodeLanguage, string>> = {
  tsx: '- `.tsx` — a typed React component. Copy it into your components folder and import it (`import Hero from "./hero"`). It uses Tailwind CSS classes: your project needs Tailwind configured (https://tailwindcss.com/docs/installation).',
  html: '- `.html` — a standalone page or section. Open it in a browser, or paste the markup into your page; styles are inline or in its own `<style>`.',
  css: '- `.css` — a stylesheet. Link it (`<link rel="stylesheet" href="styles.css">`) or import it from your bundler.',
};

function readme(workspaceName: string, languages: ReadonlySet<CodeLanguage>, names: ReadonlyArray<string>): string {
  return [
    `# ${workspaceName} — UI code from WokGen Studio`,
    '',
    'Files in this folder:',
    '',
    ...names.map((name) => `- ${name}`),
    '',
    '## How to use them',
    '',
    ...CODE_LANGUAGES.filter((language) => languages.has(language)).map((language) => HOW_TO[language]),
    '',
    'Each file starts with a comment recording how it was generated (prompt, model, date); it is safe to delete.',
    'Review generated code before shipping it: check accessibility, copy and any links.',
    '',
  ].join('\n');
}

export const uiuxCode = defineExporter({
  id: 'code',
  label: 'Code files',
  description: 'The .tsx, .html and .css files exactly as generated.',
  extension: 'tsx',
  options: [],
  async export(sources, _options, context) {
    const { files, notes } = await codeFiles(sources, context);
    return { files: files.map(({ path, bytes }) => ({ path, bytes })), notes };
  },
});

export const uiuxZip = defineExporter({
  id: 'zip',
  label: 'Zip with README',
  description: 'The code files and a README explaining how to use each kind.',
  extension: 'zip',
  options: [],
  async export(sources, _options, context) {
    const { files, notes } = await codeFiles(sources, context);
    const text = readme(context.workspaceName, new Set(files.map((file) => file.language)), files.map((file) => file.path));
    return { files: [...files.map(({ path, bytes }) => ({ path, bytes })), { path: 'README.md', bytes: new TextEncoder().encode(text) }], notes };
  },
});

export const UIUX_EXPORTERS: ReadonlyArray<AnyExporter> = [uiuxCode, uiuxZip];
