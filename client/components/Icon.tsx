/** A small, hand-picked line-icon set (24-px grid, 2-px strokes). Decorative unless labelled. */

interface Shape {
  d?: string[];
  circles?: [number, number, number][];
  rects?: [number, number, number, number, number][];
}

const ICONS = {
  home: { d: ['M3 10.5 12 3l9 7.5', 'M5 9v12h14V9', 'M10 21v-6h4v6'] },
  users: {
    d: [
      'M3 21v-2a4 4 0 0 1 4-4h4a4 4 0 0 1 4 4v2',
      'M16 3.13a4 4 0 0 1 0 7.75',
      'M21 21v-2a4 4 0 0 0-3-3.85',
    ],
    circles: [[9, 7, 4]],
  },
  building: {
    d: [
      'M9 22v-4h6v4',
      'M8 6h.01M12 6h.01M16 6h.01M8 10h.01M12 10h.01M16 10h.01M8 14h.01M12 14h.01M16 14h.01',
    ],
    rects: [[4, 2, 16, 20, 2]],
  },
  palette: {
    d: ['M12 22a10 10 0 1 1 10-10c0 2.5-2 4-4.5 4H15a2 2 0 0 0-1.5 3.3A1.6 1.6 0 0 1 12 22z'],
    circles: [
      [7.5, 10.5, 1],
      [10.5, 7, 1],
      [15, 7.5, 1],
    ],
  },
  inbox: {
    d: [
      'M22 12h-6l-2 3h-4l-2-3H2',
      'M5.45 5.11 2 12v6a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2v-6l-3.45-6.89A2 2 0 0 0 16.76 4H7.24a2 2 0 0 0-1.79 1.11z',
    ],
  },
  shield: { d: ['M12 22s8-4 8-10V5l-8-3-8 3v7c0 6 8 10 8 10z', 'm9 12 2 2 4-4'] },
  user: { d: ['M4 21v-1a6 6 0 0 1 6-6h4a6 6 0 0 1 6 6v1'], circles: [[12, 8, 4]] },
  ticket: {
    d: [
      'M2 9a3 3 0 0 1 0 6v2a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2v-2a3 3 0 0 1 0-6V7a2 2 0 0 0-2-2H4a2 2 0 0 0-2 2z',
      'M13 5v2M13 17v2M13 11v2',
    ],
  },
  more: { d: ['M5 12h.01M12 12h.01M19 12h.01'] },
  logout: { d: ['M9 21H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h4', 'm16 17 5-5-5-5', 'M21 12H9'] },
  history: { d: ['M3 12a9 9 0 1 0 3-6.7L3 8', 'M3 3v5h5', 'M12 7v5l4 2'] },
  plus: { d: ['M12 5v14M5 12h14'] },
  x: { d: ['M18 6 6 18M6 6l12 12'] },
  check: { d: ['M20 6 9 17l-5-5'] },
  search: { d: ['m21 21-4.3-4.3'], circles: [[11, 11, 7]] },
  copy: { d: ['M5 15H4a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2h9a2 2 0 0 1 2 2v1'], rects: [[9, 9, 13, 13, 2]] },
  download: { d: ['M21 15v4a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-4', 'm7 10 5 5 5-5', 'M12 15V3'] },
  chevronRight: { d: ['m9 18 6-6-6-6'] },
  chevronDown: { d: ['m6 9 6 6 6-6'] },
  arrowLeft: { d: ['M19 12H5', 'm12 19-7-7 7-7'] },
  alert: { d: ['M12 8v4M12 16h.01'], circles: [[12, 12, 10]] },
  mail: { d: ['m22 7-10 6L2 7'], rects: [[2, 4, 20, 16, 2]] },
  key: { d: ['m21 2-9.6 9.6', 'm15.5 7.5 3 3L22 7l-3-3'], circles: [[7.5, 15.5, 5.5]] },
  monitor: { d: ['M8 21h8M12 17v4'], rects: [[2, 3, 20, 14, 2]] },
  smartphone: { d: ['M12 18h.01'], rects: [[5, 2, 14, 20, 2]] },
  globe: {
    d: [
      'M2 12h20',
      'M12 2a15.3 15.3 0 0 1 4 10 15.3 15.3 0 0 1-4 10 15.3 15.3 0 0 1-4-10 15.3 15.3 0 0 1 4-10z',
    ],
    circles: [[12, 12, 10]],
  },
  book: {
    d: [
      'M4 19.5A2.5 2.5 0 0 1 6.5 17H20V2H6.5A2.5 2.5 0 0 0 4 4.5v15z',
      'M6.5 17A2.5 2.5 0 0 0 4 19.5 2.5 2.5 0 0 0 6.5 22H20v-5',
    ],
  },
  receipt: { d: ['M4 2v20l3-2 3 2 3-2 3 2 3-2 1 .7V2l-1 .7-3-2-3 2-3-2-3 2-3-2z', 'M8 8h8M8 12h8M8 16h5'] },
  message: { d: ['M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z'] },
  chat: {
    d: [
      'M21 11.5a8.4 8.4 0 0 1-9 8.4 8.5 8.5 0 0 1-3.8-.9L3 21l1.9-5.2A8.4 8.4 0 0 1 12 3a8.4 8.4 0 0 1 9 8.5z',
    ],
  },
  folder: { d: ['M3 6a2 2 0 0 1 2-2h4l2 3h8a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z'] },
  file: {
    d: ['M14 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8z', 'M14 2v6h6', 'M16 13H8M16 17H8M10 9H8'],
  },
  refresh: { d: ['M21 12a9 9 0 1 1-3-6.7L21 8', 'M21 3v5h-5'] },
  external: { d: ['M15 3h6v6', 'M10 14 21 3', 'M18 13v6a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2h6'] },
  pencil: { d: ['M17 3a2.85 2.85 0 1 1 4 4L7.5 20.5 2 22l1.5-5.5z'] },
  grid: {
    rects: [
      [3, 3, 7, 7, 1],
      [14, 3, 7, 7, 1],
      [14, 14, 7, 7, 1],
      [3, 14, 7, 7, 1],
    ],
  },
} satisfies Record<string, Shape>;

export type IconName = keyof typeof ICONS;

interface IconProps {
  name: IconName;
  size?: number;
  /** When set the icon is announced with this name; otherwise it is hidden from assistive tech. */
  label?: string;
  className?: string;
}

export function Icon({ name, size = 20, label, className }: IconProps) {
  const shape: Shape = ICONS[name];
  return (
    <svg
      className={className ? `icon ${className}` : 'icon'}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={name === 'more' ? 3 : 2}
      strokeLinecap="round"
      strokeLinejoin="round"
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
      focusable="false"
    >
      {shape.rects?.map(([x, y, w, h, r]) => (
        <rect key={`r${x},${y}`} x={x} y={y} width={w} height={h} rx={r} />
      ))}
      {shape.circles?.map(([cx, cy, r]) => (
        <circle key={`c${cx},${cy}`} cx={cx} cy={cy} r={r} />
      ))}
      {shape.d?.map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}
