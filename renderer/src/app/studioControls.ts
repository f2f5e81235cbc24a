/** Each studio's own controls component, by mode (the only place that sees all five folders). */
import type { ComponentType } from 'react';
import type { ModeId } from '../../../shared/modes';
import type { ModeControlsProps } from '../components/ModeControls';
import { BusinessControls } from '../studios/business/Controls';
import { EmojiControls } from '../studios/emoji/Controls';
import { PixelControls } from '../studios/pixel/Controls';
import { UiuxControls } from '../studios/uiux/Controls';
import { VectorControls } from '../studios/vector/Controls';

export const STUDIO_CONTROLS: Readonly<Record<ModeId, ComponentType<ModeControlsProps>>> = {
  pixel: PixelControls,
  business: BusinessControls,
  uiux: UiuxControls,
  vector: VectorControls,
  emoji: EmojiControls,
};
