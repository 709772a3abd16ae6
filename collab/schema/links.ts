/**
 * Which link targets the portal's rich text may carry. One rule for the editor (autolink, paste,
 * setLink), the schema (ProseMirror attribute validation, so a Yjs update carrying a bad href is
 * refused by the server) and rendering (Tiptap's Link renders an empty href for anything else).
 */

/** The only schemes a stored link may use; relative and protocol-relative URLs are refused too. */
export const LINK_PROTOCOLS = ['http', 'https', 'mailto'] as const;

// Browsers ignore ASCII tab/newline anywhere in a URL and strip leading C0 controls and spaces,
// so `java\tscript:` is `javascript:`. Removing every control, space and invisible separator
// before reading the scheme means the check sees what a browser would navigate to.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const IGNORED = /[\u0000-\u0020\u007f-\u00a0\u00ad\u1680\u180e\u2000-\u200f\u2028\u2029\u205f\u3000\ufeff]/g;
const ALLOWED = /^(?:https?:\/\/[^/?#\\]|mailto:[^/\\])/i;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const MAX_HREF = 2048;

/** True for an absolute http(s) URL with a host, or a mailto: address; false for anything else. */
export function isAllowedHref(href: unknown): boolean {
  if (typeof href !== 'string' || href.length === 0 || href.length > MAX_HREF) return false;
  return ALLOWED.test(href.replace(IGNORED, ''));
}

/**
 * What a person typed or pasted as a link, made storable: `example.com/x` becomes
 * `https://example.com/x`; anything that is not (or cannot become) an allowed href is null.
 * The editor must store the result, never the raw input: the schema refuses scheme-less hrefs.
 */
export function normalizeHref(input: string): string | null {
  const trimmed = input.trim();
  if (isAllowedHref(trimmed)) return trimmed;
  const cleaned = trimmed.replace(IGNORED, '');
  if (HAS_SCHEME.test(cleaned) || cleaned.startsWith('/') || cleaned.startsWith('\\')) return null;
  const withScheme = `https://${trimmed}`;
  return isAllowedHref(withScheme) ? withScheme : null;
}

/**
 * Tiptap's `isAllowedUri`: autolink and paste ask it about the text found (`example.com`) and
 * then store linkify's absolute href (`https://example.com`), so a scheme-less host is accepted
 * here; any explicit scheme other than http(s)/mailto is not.
 */
export function isAllowedLinkInput(url: string): boolean {
  return normalizeHref(url) !== null;
}
