/** Colour maths for white-label branding: valid hex values and readable text on brand colours. */

const HEX = /^#[0-9a-f]{6}$/i;

/** True for `#rrggbb`, the only colour form the API accepts. */
export function isHexColor(value: string): boolean {
  return HEX.test(value);
}

/** Accepts "4f46e5", "#4F46E5" or "#45e" and returns "#4f46e5", or null when it is not a colour. */
export function normalizeHex(value: string): string | null {
  let hex = value.trim().toLowerCase();
  if (!hex.startsWith('#')) hex = `#${hex}`;
  if (/^#[0-9a-f]{3}$/.test(hex)) hex = `#${hex[1]}${hex[1]}${hex[2]}${hex[2]}${hex[3]}${hex[3]}`;
  return isHexColor(hex) ? hex : null;
}

function channels(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function toHex([r, g, b]: [number, number, number]): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

/** WCAG relative luminance of a `#rrggbb` colour. */
export function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio between two colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** White or near-black, whichever reads better on `background`. */
export function onColor(background: string): string {
  return contrastRatio(background, '#ffffff') >= contrastRatio(background, '#111827') ? '#ffffff' : '#111827';
}

/**
 * The brand colour darkened just enough to reach 4.5:1 on white, so brand-coloured links and
 * labels stay readable (WCAG AA) whatever colour a partner picks.
 */
export function readableOnWhite(hex: string, minimum = 4.5): string {
  let rgb = channels(hex);
  for (let i = 0; i < 40 && contrastRatio(toHex(rgb), '#ffffff') < minimum; i++) {
    rgb = rgb.map((c) => c * 0.92) as [number, number, number];
  }
  return toHex(rgb);
}
