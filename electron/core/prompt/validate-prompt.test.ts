import { describe, expect, it } from 'vitest';
import { assembleNegatives, encodeNegativesIntoPrompt, splitTerms } from './negatives';
import { PromptRejected, truncateAtBoundary, validatePrompt } from './validate-prompt';

const pixel = { name: 'Pixel', conflictingTerms: ['photorealistic', '3d render', 'HD', '4k'] };

describe('validatePrompt', () => {
  it.each([
    ['a knight https://evil.example/x.png with a sword', 'a knight with a sword', 'Removed a link.'],
    ['see www.example.com for a dragon', 'see for a dragon', 'Removed a link.'],
    ['<b>bold</b> <script>alert(1)</script> wizard', 'bold alert(1) wizard', 'Removed HTML tags.'],
    ['**shiny** [sword](http://x) gem', 'shiny sword gem', 'Removed markdown emphasis.'],
    ['```js\nconsole.log(1)\n``` a potion', 'a potion', 'Removed a code block.'],
    ['a `red` potion --- with a cork', 'a red potion with a cork', 'Removed a divider line.'],
    ['a\u0000 slime\u200b monster', 'a slime monster', 'Removed invisible control characters.'],
    ['photo\u200brealistic knight', 'knight', 'Removed invisible control characters.'],
    ['ｈｔｔｐｓ://evil.example a gem', 'a gem', 'Removed a link.'],
  ])('%j → %j', (input, expected, warning) => {
    const result = validatePrompt(input, '', pixel);
    expect(result.prompt).toBe(expected);
    expect(result.warnings).toContain(warning);
  });

  it('removes words that conflict with the mode, whole words only, and says which', () => {
    const result = validatePrompt('photorealistic 4k castle, 3D render, HDR sky, 40k army', '', pixel);
    expect(result.prompt).toBe('castle, HDR sky, 40k army');
    expect(result.warnings).toEqual(expect.arrayContaining(['Removed “photorealistic”: it does not fit the Pixel mode.', 'Removed “3d render”: it does not fit the Pixel mode.', 'Removed “4k”: it does not fit the Pixel mode.']));
  });

  it.each([
    ['a robot named my__init__', 'a robot named my__init__'],
    ['```a glowing sword with runes', 'a glowing sword with runes'],
  ])('leaves %j alone where it is not markup', (input, expected) => {
    expect(validatePrompt(input, '', pixel).prompt).toBe(expected);
  });

  it('keeps a clean prompt untouched with no warnings', () => {
    expect(validatePrompt('a tiny red potion, glass bottle', 'blur', pixel)).toEqual({ prompt: 'a tiny red potion, glass bottle', negative: 'blur', warnings: [] });
  });

  it.each(['', '   ', 'a1', '!!!', '12 34', 'https://only.a/link'])('rejects %j (fewer than 3 letters left)', (input) => {
    expect(() => validatePrompt(input, '', pixel)).toThrow(PromptRejected);
  });

  it('rejects a prompt made only of conflicting words with advice', () => {
    expect(() => validatePrompt('photorealistic 4k', '', pixel)).toThrow(/Nothing is left/);
  });
});

describe('truncateAtBoundary', () => {
  it('cuts at a comma or space, never mid-word', () => {
    expect(truncateAtBoundary('alpha, beta, gamma', 100)).toEqual({ text: 'alpha, beta, gamma', truncated: false });
    expect(truncateAtBoundary('alpha, beta, gamma', 14)).toEqual({ text: 'alpha, beta', truncated: true });
    expect(truncateAtBoundary('supercalifragilistic', 5)).toEqual({ text: 'super', truncated: true });
  });
});

describe('negatives', () => {
  it('puts the user first and de-duplicates without regard to case', () => {
    expect(assembleNegatives('Blurry, text; extra fingers', ['blurry', 'watermark', 'TEXT', 'noise'])).toEqual(['Blurry', 'text', 'extra fingers', 'watermark', 'noise']);
    expect(splitTerms(' a ,, b\nc ')).toEqual(['a', 'b', 'c']);
  });

  it('encodes at most 8 terms into the prompt for providers without a negative field', () => {
    const terms = Array.from({ length: 10 }, (_, i) => `t${i}`);
    expect(encodeNegativesIntoPrompt('a cat', terms)).toBe('a cat, ((avoid: t0, t1, t2, t3, t4, t5, t6, t7))');
    expect(encodeNegativesIntoPrompt('a cat', [])).toBe('a cat');
  });
});

describe('scripts that need joiners', () => {
  it('keeps ZWJ emoji sequences and ZWNJ words intact', () => {
    expect(validatePrompt('family 👨\u200d👩\u200d👧 picnic', '', pixel).prompt).toBe('family 👨\u200d👩\u200d👧 picnic');
    expect(validatePrompt('کتاب\u200cها on a shelf', '', pixel).prompt).toBe('کتاب\u200cها on a shelf');
  });
});
