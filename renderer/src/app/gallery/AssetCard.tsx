/**
 * One gallery card: the thumbnail (a button that opens the viewer; Ctrl/⌘-click toggles it
 * in the selection, Shift-click selects a range), a selection checkbox, a star toggle and a
 * "More actions" menu (re-run, remix, copy prompt, reveal, delete). Dragging the card starts
 * a native file drag through main (`library.startDrag`), so the file can be dropped into
 * other applications.
 */
import { memo, useEffect, useId, useRef, useState, type MouseEvent } from 'react';
import type { Asset } from '../../../../shared/library';
import { Badge } from '../../components/Badge';
import { Icon, type IconName } from '../../components/Icon';
import { assetUrl, useSelection } from '../../stores';
import { selectIsSelected } from '../../stores/selection';
import { formatBytes } from '../format';
import { FallbackImage } from './FallbackImage';
import { fileName, metadataPath, promptOf } from './galleryModel';
import type { GalleryCommand } from './galleryShortcuts';

export interface AssetCardProps {
  readonly asset: Asset;
  /** Plain click / Enter. */
  readonly onOpen: (id: string) => void;
  /** Ctrl/⌘-click toggles, Shift-click extends the range. */
  readonly onSelect: (id: string, mode: 'toggle' | 'range') => void;
  /** A card action (star toggles this card; the rest act on it alone). */
  readonly onCommand: (id: string, command: GalleryCommand) => void;
  readonly onDragOut: (id: string) => void;
}

const MENU: ReadonlyArray<{ readonly command: GalleryCommand; readonly label: string; readonly icon: IconName; readonly keys: string }> = [
  { command: 'rerun', label: 'Re-run (same seed)', icon: 'refresh', keys: 'R' },
  { command: 'remix', label: 'Remix (new seed)', icon: 'shuffle', keys: 'Shift+R' },
  { command: 'copy-prompt', label: 'Copy prompt', icon: 'copy', keys: 'C' },
  { command: 'reveal', label: 'Reveal in file manager', icon: 'reveal', keys: '' },
  { command: 'delete', label: 'Delete', icon: 'trash', keys: 'Del' },
];

export const AssetCard = memo(function AssetCard({ asset, onOpen, onSelect, onCommand, onDragOut }: AssetCardProps) {
  const selected = useSelection(selectIsSelected(asset.id));
  const thumbnail = metadataPath(asset, 'thumbnailPath');
  const isCode = asset.kind === 'code';
  const prompt = promptOf(asset);

  const onClick = (event: MouseEvent<HTMLButtonElement>): void => {
    if (event.shiftKey) onSelect(asset.id, 'range');
    else if (event.ctrlKey || event.metaKey) onSelect(asset.id, 'toggle');
    else onOpen(asset.id);
  };

  return (
    <div className={selected ? 'asset-card asset-card-selected' : 'asset-card'} role="listitem">
      <button
        type="button"
        className="asset-thumb asset-open"
        data-asset-id={asset.id}
        aria-label={isCode ? prompt : undefined}
        aria-haspopup="dialog"
        draggable
        onClick={onClick}
        onDragStart={(event) => {
          // Main starts the OS drag with the real file (webContents.startDrag); the page's own
          // HTML drag would only carry a URL.
          event.preventDefault();
          onDragOut(asset.id);
        }}
      >
        {isCode ? (
          <span className="asset-code">
            <Icon name="code" size={28} />
            <span className="asset-code-name">{fileName(asset.relativePath)}</span>
          </span>
        ) : (
          <FallbackImage
            className="asset-img"
            sources={[...(thumbnail === null ? [] : [assetUrl(asset.workspaceId, thumbnail)]), assetUrl(asset.workspaceId, asset.relativePath)]}
            alt={prompt}
            decoding="async"
          />
        )}
      </button>
      <div className="asset-overlay">
        <button
          type="button"
          className="asset-tool asset-check"
          aria-pressed={selected}
          aria-label={`Select ${fileName(asset.relativePath)}`}
          title="Select (Space; Ctrl/⌘-click, Shift-click for a range)"
          onClick={() => onSelect(asset.id, 'toggle')}
        >
          <Icon name="check" size={12} />
        </button>
        <span className="asset-tools-end">
          <button
            type="button"
            className={asset.starred ? 'asset-tool asset-star asset-star-on' : 'asset-tool asset-star'}
            aria-pressed={asset.starred}
            aria-label={asset.starred ? 'Unstar' : 'Star'}
            title={asset.starred ? 'Unstar (S)' : 'Star (S)'}
            onClick={() => onCommand(asset.id, 'toggle-star')}
          >
            <Icon name="star" size={14} className={asset.starred ? 'icon-filled' : undefined} />
          </button>
          <CardMenu onCommand={(command) => onCommand(asset.id, command)} />
        </span>
      </div>
      <div className="asset-meta">
        <span className="asset-path" title={`${prompt}\n${asset.relativePath}`}>
          {fileName(asset.relativePath)}
        </span>
        <span className="asset-details">
          {asset.width !== null && asset.height !== null && `${asset.width}×${asset.height} · `}
          {formatBytes(asset.bytes)}
          {asset.starred && (
            <>
              {' '}
              <Badge tone="accent">Starred</Badge>
            </>
          )}
        </span>
      </div>
    </div>
  );
});

/** A small menu button (WAI-ARIA menu button pattern: arrows move, Esc closes and refocuses). */
function CardMenu({ onCommand }: { onCommand: (command: GalleryCommand) => void }) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (!open) return undefined;
    menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const close = (event: PointerEvent): void => {
      if (!(event.target instanceof Node) || menuRef.current?.contains(event.target) !== true) setOpen(false);
    };
    document.addEventListener('pointerdown', close);
    return () => document.removeEventListener('pointerdown', close);
  }, [open]);

  const choose = (command: GalleryCommand): void => {
    setOpen(false);
    buttonRef.current?.focus();
    onCommand(command);
  };

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="asset-tool"
        aria-label="More actions"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((v) => !v)}
      >
        <Icon name="more" size={14} />
      </button>
      {open && (
        <ul
          ref={menuRef}
          id={menuId}
          className="asset-menu"
          role="menu"
          aria-label="Asset actions"
          onKeyDown={(event) => {
            // Keys inside the menu are the menu's, never the grid's shortcuts.
            event.stopPropagation();
            const items = [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
            const at = items.indexOf(document.activeElement as HTMLElement);
            if (event.key === 'Escape' || event.key === 'Tab') {
              event.preventDefault();
              setOpen(false);
              buttonRef.current?.focus();
            } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
              event.preventDefault();
              const next = (at + (event.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length;
              items[next]?.focus();
            }
          }}
        >
          {MENU.map((item) => (
            <li key={item.command} role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                className={item.command === 'delete' ? 'asset-menu-item asset-menu-danger' : 'asset-menu-item'}
                title={item.keys === '' ? item.label : `${item.label} — key ${item.keys}`}
                onClick={() => choose(item.command)}
              >
                <Icon name={item.icon} size={14} />
                <span className="asset-menu-label">{item.label}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
