/**
 * What a person types into the editor's link box, made into an href the shared schema accepts.
 * The rule itself is collab/schema/links.ts (the same one the server validates Yjs updates with);
 * this only adds what people type into a link box but the rule does not guess: a bare email
 * address means mailto:, and an address with spaces in it is a typo, not a link.
 */
import { normalizeHref } from '../../collab/schema/links.ts';

const LOOKS_LIKE_EMAIL = /^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/;

/** "example.com/x" → "https://example.com/x"; "ada@x.test" → "mailto:ada@x.test"; unsafe → null. */
export function normalizeLinkUrl(input: string): string | null {
  const value = input.trim();
  if (value === '' || /\s/.test(value)) return null;
  if (LOOKS_LIKE_EMAIL.test(value)) return normalizeHref(`mailto:${value}`);
  return normalizeHref(value);
}
