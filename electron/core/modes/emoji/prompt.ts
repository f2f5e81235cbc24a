/**
 * The Emoji positive prompt: the user's words, what kind of emoji, the expression and style,
 * then the staging post-processing relies on — one whole subject on a plain white background
 * that it can flood away to transparency.
 */
import type { EmojiExpression, EmojiRequest, EmojiSubject, EmojiTool } from '../../../../shared/mode-specs/emoji';
import type { PromptOptions } from '../engine';
import { EMOJI_PRESET_STYLES } from './presets';
import { uniqueTerms } from '../../../../shared/terms';

export const SUBJECT_TOKENS: Readonly<Record<Exclude<EmojiSubject, 'auto'>, string>> = {
  face: 'round face emoji',
  hand: 'hand gesture emoji',
  animal: 'cute animal emoji',
  object: 'object emoji',
  symbol: 'symbol emoji',
};

export const EXPRESSION_TOKENS: Readonly<Record<Exclude<EmojiExpression, 'auto'>, string>> = {
  happy: 'happy smiling expression',
  laughing: 'laughing with tears of joy',
  sad: 'sad expression with a small tear',
  angry: 'angry frowning expression',
  surprised: 'surprised expression, wide eyes and open mouth',
  love: 'loving expression with heart eyes',
  thinking: 'thinking expression, hand on chin',
  cool: 'cool expression wearing sunglasses',
};

export const TOOL_TOKENS: Readonly<Record<EmojiTool, ReadonlyArray<string>>> = {
  emoji: ['single emoji', 'one subject'],
  pack: ['single emoji from a matching sticker set', 'one consistent character'],
};

/** What makes the cut-out work: the whole subject inside the frame, on a flat background. */
export const STAGING_TOKENS: ReadonlyArray<string> = ['centered', 'whole subject visible with margin', 'isolated on a plain white background'];

export function expressionToken(expression: EmojiExpression): string {
  return expression === 'auto' ? '' : EXPRESSION_TOKENS[expression];
}

export function buildEmojiPrompt(request: EmojiRequest, userPrompt: string, options: PromptOptions): string {
  const style = EMOJI_PRESET_STYLES[request.preset];
  const user = userPrompt.trim();
  const subject = request.controls.subject === 'auto' ? 'emoji' : SUBJECT_TOKENS[request.controls.subject];
  if (options.compact) {
    // The words, the style's first token and the background the cut-out needs.
    return uniqueTerms([user, style.tokens[0] ?? subject, expressionToken(request.controls.expression), 'plain white background']).join(', ');
  }
  return uniqueTerms([
    user,
    subject,
    expressionToken(request.controls.expression),
    ...style.tokens,
    ...TOOL_TOKENS[request.tool],
    ...STAGING_TOKENS,
    'no text',
  ]).join(', ');
}
