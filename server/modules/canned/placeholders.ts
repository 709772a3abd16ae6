/**
 * Filling a canned response's placeholders: `{{client.name}}`, `{{ticket.key}}` and so on. Pure,
 * so the template rules are unit-tested: known names are replaced, anything else is left exactly
 * as typed (an agent sees the typo in the composer instead of losing text).
 */

/** The placeholders a canned response may use. */
export const PLACEHOLDERS = [
  'client.name',
  'client.firstName',
  'org.name',
  'ticket.key',
  'ticket.subject',
  'agent.name',
  'portal.name',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

const KNOWN = new Set<string>(PLACEHOLDERS);

/** `{{ name }}`, spaces inside the braces allowed. */
const PATTERN = /\{\{\s*([A-Za-z]+(?:\.[A-Za-z]+)*)\s*\}\}/g;

/** `body` with each known placeholder replaced by its value. */
export function fillPlaceholders(body: string, values: Readonly<Record<Placeholder, string>>): string {
  return body.replace(PATTERN, (whole, name: string) =>
    KNOWN.has(name) ? values[name as Placeholder] : whole,
  );
}

/** A person's first name: the first word of their display name. */
export function firstNameOf(name: string): string {
  return name.trim().split(/\s+/u)[0] ?? '';
}
