/**
 * The routing rule engine: which of a desk's rules applies to a new ticket. Pure — no database —
 * so every condition, the order and the keyword matching are unit-tested on their own.
 */
import type { RoutingActions, RoutingConditions } from '../../../storage/schema-service-desk.ts';

/** What the engine knows of the ticket being filed (before routing changes anything). */
export interface RoutableTicket {
  category: string;
  priority: string;
  /** The client org the ticket is filed in. */
  orgId: string;
  subject: string;
  description: string;
}

/** A rule as the engine needs it; `enabled: false` rules never match. */
export interface EngineRule {
  id: string;
  name: string;
  position: number;
  enabled: boolean;
  conditions: RoutingConditions;
  actions: RoutingActions;
}

// Letters, digits and the underscore of any script: a keyword must not touch one on either side,
// so "mail" matches "Mail is down" and "e-mail", but never "mailbox" or "Gmail".
const WORD = String.raw`[\p{L}\p{N}_]`;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** True when `keyword` occurs in `text` as a whole word (or phrase), ignoring case. */
export function containsWord(text: string, keyword: string): boolean {
  const needle = keyword.trim();
  if (needle === '') return false;
  // Inner whitespace matches any run of whitespace: a keyword phrase survives a line break.
  const body = needle.split(/\s+/u).map(escapeRegExp).join(String.raw`\s+`);
  return new RegExp(`(?<!${WORD})${body}(?!${WORD})`, 'iu').test(text);
}

/** Every present condition must hold (AND); within one condition, any listed value does (OR). */
export function matchesConditions(ticket: RoutableTicket, c: RoutingConditions): boolean {
  if (c.categories && !c.categories.includes(ticket.category)) return false;
  if (c.priorities && !c.priorities.includes(ticket.priority)) return false;
  if (c.orgIds && !c.orgIds.includes(ticket.orgId)) return false;
  if (c.keywords) {
    const text = `${ticket.subject}\n${ticket.description}`;
    if (!c.keywords.some((k) => containsWord(text, k))) return false;
  }
  return true;
}

/**
 * The first enabled rule, in position order, whose conditions the ticket meets; undefined when
 * none does. Sorted here rather than trusted, so a caller's query order can never change the winner.
 */
export function firstMatchingRule<R extends EngineRule>(
  ticket: RoutableTicket,
  rules: readonly R[],
): R | undefined {
  const ordered = [...rules].sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
  return ordered.find((rule) => rule.enabled && matchesConditions(ticket, rule.conditions));
}
