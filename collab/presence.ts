/**
 * Presence colours, shared by the server (which stamps every awareness state) and the client
 * (which shows a caret before the server's stamp arrives): one palette, one hash, one colour.
 */

/** Distinct, legible on white and with white text (WCAG AA against #fff for the caret label). */
export const PRESENCE_PALETTE = [
  '#b91c1c',
  '#c2410c',
  '#a16207',
  '#15803d',
  '#0f766e',
  '#0369a1',
  '#1d4ed8',
  '#6d28d9',
  '#a21caf',
  '#be185d',
] as const;

/** A stable colour for a presence id. */
export function presenceColor(presenceId: string): string {
  let hash = 0;
  for (const char of presenceId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return PRESENCE_PALETTE[hash % PRESENCE_PALETTE.length]!;
}
