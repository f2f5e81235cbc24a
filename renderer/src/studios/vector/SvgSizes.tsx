/**
 * A vector result live: the SVG over a pixel grid at the sizes icons ship in. The file is the
 * vector engine's sanitised output, shown through <img> of its asset URL — an SVG in an
 * <img> never runs scripts or loads anything (and the asset server sandboxes SVG responses).
 */
import type { Asset } from '../../../../shared/library';
import { assetUrl } from '../../stores';

export const SVG_PREVIEW_SIZES = [16, 24, 32, 48, 64, 128] as const;

export function SvgSizes({ asset }: { asset: Asset }) {
  const url = assetUrl(asset.workspaceId, asset.relativePath);
  return (
    <ul className="size-strip" aria-label="SVG at icon sizes">
      {SVG_PREVIEW_SIZES.map((size) => (
        <li key={size} className="size-cell">
          <span className="size-grid" style={{ width: `${size}px`, height: `${size}px`, backgroundSize: `${Math.max(2, size / 8)}px ${Math.max(2, size / 8)}px` }}>
            <img src={url} width={size} height={size} alt={`${size} px`} draggable={false} />
          </span>
          <span className="size-label">{size}</span>
        </li>
      ))}
    </ul>
  );
}
