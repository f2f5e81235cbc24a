/**
 * An asset's picture that degrades instead of showing a broken image when its file is gone
 * (folder moved, files deleted outside the app): each source is tried in order (thumbnail, then
 * the file), and when none loads a placeholder says what to do (UX review).
 */
import { useState, type CSSProperties, type SyntheticEvent } from 'react';
import { Icon } from '../../components/Icon';

export const FILE_MISSING = 'File missing — re-attach the workspace folder';

export interface FallbackImageProps {
  /** URLs to try, best first; duplicates are tried once. */
  readonly sources: ReadonlyArray<string>;
  readonly alt: string;
  readonly className?: string;
  readonly style?: CSSProperties;
  readonly decoding?: 'async' | 'auto' | 'sync';
  readonly onLoad?: (event: SyntheticEvent<HTMLImageElement>) => void;
}

export function FallbackImage({ sources, alt, className, style, decoding, onLoad }: FallbackImageProps) {
  const unique = [...new Set(sources)];
  // Keyed by the source list, so a new asset starts again at its first source.
  const key = unique.join('\n');
  const [failed, setFailed] = useState<{ key: string; count: number }>({ key, count: 0 });
  const index = failed.key === key ? failed.count : 0;
  const src = unique[index];
  if (src === undefined) {
    return (
      <span className="asset-missing" role="img" aria-label={`${alt}: ${FILE_MISSING}`}>
        <Icon name="image" size={24} />
        <span className="asset-missing-text">{FILE_MISSING}</span>
      </span>
    );
  }
  return (
    <img
      className={className}
      src={src}
      alt={alt}
      style={style}
      decoding={decoding}
      draggable={false}
      onLoad={onLoad}
      onError={() => setFailed({ key, count: index + 1 })}
    />
  );
}
