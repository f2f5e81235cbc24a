import { describe, expect, it } from 'vitest';
import { toFtsQuery } from './fts-query';

describe('toFtsQuery', () => {
  it('quotes every token and prefix-matches the last', () => {
    expect(toFtsQuery('red dragon')).toBe('"red" "dragon"*');
    expect(toFtsQuery('  drag ')).toBe('"drag"*');
  });

  it('keeps letters and digits of any script', () => {
    expect(toFtsQuery('café 8-bit 東京')).toBe('"café" "8" "bit" "東京"*');
  });

  it('turns FTS5 syntax into plain words', () => {
    expect(toFtsQuery('"knight')).toBe('"knight"*');
    expect(toFtsQuery('dragon*')).toBe('"dragon"*');
    expect(toFtsQuery('NEAR(red dragon, 2)')).toBe('"NEAR" "red" "dragon" "2"*');
    expect(toFtsQuery('-blurry')).toBe('"blurry"*');
    expect(toFtsQuery('prompt:knight OR ^castle')).toBe('"prompt" "knight" "OR" "castle"*');
    expect(toFtsQuery('(a AND b) NOT c')).toBe('"a" "AND" "b" "NOT" "c"*');
  });

  it('returns null when nothing searchable is left', () => {
    expect(toFtsQuery('')).toBeNull();
    expect(toFtsQuery('   ')).toBeNull();
    expect(toFtsQuery('"*"-()^:+')).toBeNull();
    expect(toFtsQuery('\u0301\u0301')).toBeNull();
  });

  it('bounds the number and length of tokens', () => {
    const many = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ');
    expect(toFtsQuery(many)?.split(' ')).toHaveLength(12);
    expect(toFtsQuery('x'.repeat(500))).toBe(`"${'x'.repeat(64)}"*`);
  });
});
