/**
 * An emoji result live: the image at the sizes chat apps and keyboards show it (16–128 px),
 * on a light and a dark background side by side, to catch outlines that vanish on one.
 */
import type { Asset } from '../../../../shared/library';
import { assetUrl } from '../../stores';

export const EMOJI_PREVIEW_SIZES = [16, 20, 24, 32, 48, 64, 128] as const;

export function EmojiSizes({ asset }: { asset: Asset }) {
  const url = assetUrl(asset.workspaceId, asset.relativePath);
  return (
    <div className="emoji-sizes">
      {(['light', 'dark'] as const).map((tone) => (
        <ul key={tone} className={`size-strip size-strip-${tone}`} aria-label={`Emoji sizes on ${tone}`}>
          {EMOJI_PREVIEW_SIZES.map((size) => (
            <li key={size} className="size-cell">
              <img src={url} width={size} height={size} alt={`${size} px on ${tone}`} draggable={false} />
              <span className="size-label">{size}</span>
            </li>
          ))}
        </ul>
      ))}
    </div>
  );
}
