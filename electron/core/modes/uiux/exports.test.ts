import { describe, expect, it } from 'vitest';
import { sourceOf, testContext } from '../../exports/testing';
import { UIUX_EXPORTERS, uiuxCode, uiuxZip } from './exports';

const code = (text: string, name: string, extension: string) =>
  sourceOf(new TextEncoder().encode(text), name, { kind: 'code', mime: 'text/plain', relativePath: `assets/2026-01/job-0.${extension}` });

describe('uiux exporters', () => {
  it('registers the UI/UX formats', () => {
    expect(UIUX_EXPORTERS.map((e) => e.info.id)).toEqual(['code', 'zip']);
  });

  it('exports the code files byte for byte with their own extensions', async () => {
    const tsx = code('// header\nexport default function Hero() { return <h1/>; }\n', 'hero', 'tsx');
    const css = code('.a{color:red}', 'theme', 'css');
    const out = await uiuxCode.run([tsx, css], {}, testContext());
    expect(out.files.map((f) => f.path)).toEqual(['hero.tsx', 'theme.css']);
    expect(new TextDecoder().decode(out.files[0]!.bytes)).toContain('export default function Hero');
  });

  it('zips the files with a README that explains only the kinds present', async () => {
    const out = await uiuxZip.run([code('<main></main>', 'landing', 'html'), code('x', 'shot', 'png')], {}, testContext());
    expect(out.files.map((f) => f.path)).toEqual(['landing.html', 'README.md']);
    const readme = new TextDecoder().decode(out.files[1]!.bytes);
    expect(readme).toContain('# Test Workspace');
    expect(readme).toContain('- landing.html');
    expect(readme).toContain('`.html`');
    expect(readme).not.toContain('`.tsx`');
    expect(out.notes).toEqual(['1 selected file is not .tsx, .html or .css and was left out.']);
  });
});
