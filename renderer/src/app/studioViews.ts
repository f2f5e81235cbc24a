/**
 * Each studio's live view of a result, by mode (like studioControls.ts, one of the few places
 * that sees the mode folders): UI/UX code with its sandboxed preview, vector SVG at icon sizes,
 * emoji at chat sizes on light and dark. Pixel and business results are images the gallery and
 * the viewer already show as they are.
 */
import type { ComponentType } from 'react';
import type { Asset, AssetKind } from '../../../shared/library';
import type { ModeId } from '../../../shared/modes';
import { EmojiSizes } from '../studios/emoji/EmojiSizes';
import { CodeResult } from '../studios/uiux/CodeResult';
import { SvgSizes } from '../studios/vector/SvgSizes';

export interface StudioResultView {
  readonly title: string;
  /** The asset kinds the view shows. */
  readonly kinds: ReadonlySet<AssetKind>;
  readonly View: ComponentType<{ asset: Asset }>;
}

export const STUDIO_RESULT_VIEWS: Readonly<Record<ModeId, StudioResultView | null>> = {
  pixel: null,
  business: null,
  uiux: { title: 'Preview and code', kinds: new Set(['code']), View: CodeResult },
  vector: { title: 'At icon sizes', kinds: new Set(['svg']), View: SvgSizes },
  emoji: { title: 'At chat sizes', kinds: new Set(['image']), View: EmojiSizes },
};

/** The view for this asset in this mode's studio, or null. */
export function resultViewFor(mode: ModeId, asset: Asset): StudioResultView | null {
  const view = STUDIO_RESULT_VIEWS[mode];
  return view !== null && view.kinds.has(asset.kind) ? view : null;
}
