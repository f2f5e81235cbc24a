/**
 * A handful of line icons drawn for the studio (16px grid, 1.5 stroke, currentColor). No
 * icon font or remote sprite: the app works offline and under a strict CSP.
 */
const PATHS = {
  plus: 'M8 3v10M3 8h10',
  folder: 'M2 4.5A1.5 1.5 0 0 1 3.5 3h2.8l1.5 1.5h4.7A1.5 1.5 0 0 1 14 6v5.5a1.5 1.5 0 0 1-1.5 1.5h-9A1.5 1.5 0 0 1 2 11.5z',
  folderOpen:
    'M2 11.5v-7A1.5 1.5 0 0 1 3.5 3h2.8l1.5 1.5h4.2A1.5 1.5 0 0 1 13.5 6v1M2 11.5 3.6 7.9A1.5 1.5 0 0 1 5 7h8.6a.8.8 0 0 1 .7 1.1l-1.5 4A1.5 1.5 0 0 1 11.4 13H3.5A1.5 1.5 0 0 1 2 11.5z',
  pencil: 'M10.5 2.5l3 3L6 13H3v-3zM9 4l3 3',
  trash: 'M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.6 8.1a1 1 0 0 0 1 .9h3.8a1 1 0 0 0 1-.9l.6-8.1',
  reveal: 'M9.5 2.5h4v4M13.5 2.5 8 8M11.5 9v3.5a1 1 0 0 1-1 1h-7a1 1 0 0 1-1-1v-7a1 1 0 0 1 1-1H7',
  warning: 'M8 2.5 14 13H2zM8 6.5v3M8 11.2v.3',
  settings: 'M2.5 4.5h6M11.5 4.5h2M2.5 11.5h2M7.5 11.5h6M10 3v3M6 10v3',
  close: 'M4 4l8 8M12 4l-8 8',
  image: 'M2.5 3.5h11v9h-11zM2.5 10.5l3-3 2.5 2.5 2-2 3.5 3.5M10.5 6.2v.1',
  sparkle: 'M8 2v3M8 11v3M2 8h3M11 8h3M4 4l1.8 1.8M10.2 10.2 12 12M12 4l-1.8 1.8M5.8 10.2 4 12',
  check: 'M3 8.5l3 3 7-7',
  info: 'M8 14A6 6 0 1 0 8 2a6 6 0 0 0 0 12zM8 7.5v3.5M8 5v.3',
  refresh: 'M13 8a5 5 0 1 1-1.5-3.5M13 2.5v2.5h-2.5',
  code: 'M5.5 4.5 2 8l3.5 3.5M10.5 4.5 14 8l-3.5 3.5M9 3 7 13',
  star: 'M8 2.2l1.8 3.7 4 .6-2.9 2.8.7 4L8 11.4l-3.6 1.9.7-4L2.2 6.5l4-.6z',
  more: 'M3.5 8h.01M8 8h.01M12.5 8h.01',
  search: 'M7 12A5 5 0 1 0 7 2a5 5 0 0 0 0 10zM10.6 10.6 14 14',
  copy: 'M5.5 5.5h7v8h-7zM3.5 10.5v-8h7',
  shuffle: 'M2 4.5h2.5l6 7H14M2 11.5h2.5l1.8-2.1M9.7 6.6l.8-.9 3.5-1.2M12.5 3l1.5 1.5-1.5 1.5M12.5 10l1.5 1.5-1.5 1.5',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 16, className }: { name: IconName; size?: number; className?: string }) {
  return (
    <svg
      className={className === undefined ? 'icon' : `icon ${className}`}
      width={size}
      height={size}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.5}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
