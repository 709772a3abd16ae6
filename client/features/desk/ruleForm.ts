/**
 * The routing rule dialog's state and its conversions: a rule → an editable draft → the request
 * body, the server's field errors → the dialog's fields, and a rule as one readable sentence.
 * Pure, so the conversions are unit-tested.
 */
import { ApiError } from '../../lib/api.ts';
import type { TicketCategory, TicketPriority } from '../../lib/types.ts';
import { categoryLabel, priorityLabel } from '../tickets/words.ts';
import type { RoutingOptions, RoutingRule, RuleInput } from './types.ts';

export type Assignment = 'none' | 'person' | 'round_robin';

export interface RuleDraft {
  name: string;
  enabled: boolean;
  categories: TicketCategory[];
  priorities: TicketPriority[];
  orgIds: string[];
  /** Comma-separated, as typed. */
  keywords: string;
  assignment: Assignment;
  assigneeId: string;
  team: string;
  /** '' keeps the priority the client chose. */
  priority: TicketPriority | '';
}

export function draftFromRule(rule?: RoutingRule): RuleDraft {
  const c = rule?.conditions ?? {};
  const a = rule?.actions ?? {};
  return {
    name: rule?.name ?? '',
    enabled: rule?.enabled ?? true,
    categories: c.categories ?? [],
    priorities: c.priorities ?? [],
    orgIds: c.orgIds ?? [],
    keywords: (c.keywords ?? []).join(', '),
    assignment: a.assigneeId ? 'person' : a.assignTo === 'round_robin' ? 'round_robin' : 'none',
    assigneeId: a.assigneeId ?? '',
    team: a.team ?? '',
    priority: a.priority ?? '',
  };
}

/** The keywords typed, split on commas; blanks between commas are dropped. */
export function splitKeywords(text: string): string[] {
  return text
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k !== '');
}

/** The request body: empty conditions and actions are left out (the server says if none remain). */
export function inputFromDraft(d: RuleDraft): RuleInput {
  const keywords = splitKeywords(d.keywords);
  const team = d.team.trim();
  return {
    name: d.name.trim(),
    enabled: d.enabled,
    conditions: {
      ...(d.categories.length ? { categories: d.categories } : {}),
      ...(d.priorities.length ? { priorities: d.priorities } : {}),
      ...(d.orgIds.length ? { orgIds: d.orgIds } : {}),
      ...(keywords.length ? { keywords } : {}),
    },
    actions: {
      ...(d.assignment === 'person' && d.assigneeId ? { assigneeId: d.assigneeId } : {}),
      ...(d.assignment === 'round_robin' ? { assignTo: 'round_robin' as const } : {}),
      ...(team ? { team } : {}),
      ...(d.priority ? { priority: d.priority } : {}),
    },
  };
}

/** The dialog's fields a server error can point at. */
export type RuleField =
  | 'name'
  | 'conditions'
  | 'categories'
  | 'priorities'
  | 'orgIds'
  | 'keywords'
  | 'actions'
  | 'assignee'
  | 'team'
  | 'priority';

const CONDITION_FIELDS = new Set(['categories', 'priorities', 'orgIds', 'keywords']);

/** `conditions.keywords.1` → `keywords`, `actions.assigneeId` → `assignee`, and so on. */
export function ruleFieldOf(path: string): RuleField | null {
  const [head, next] = path.split('.');
  if (head === 'name') return 'name';
  if (head === 'conditions') {
    return next && CONDITION_FIELDS.has(next) ? (next as RuleField) : 'conditions';
  }
  if (head === 'actions') {
    if (next === 'assigneeId' || next === 'assignTo') return 'assignee';
    if (next === 'team' || next === 'priority') return next;
    return 'actions';
  }
  return null;
}

/** Field → message from a `validation_failed` error; the first message per field wins. */
export function ruleErrors(error: unknown): Partial<Record<RuleField, string>> {
  if (!(error instanceof ApiError) || error.code !== 'validation_failed') return {};
  const result: Partial<Record<RuleField, string>> = {};
  for (const detail of error.details) {
    const field = ruleFieldOf(detail.path);
    if (field) result[field] ??= detail.message;
  }
  return result;
}

const list = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;

/** "Category is Billing · keyword “invoice”" — the rule's conditions in words. */
export function conditionsSummary(rule: Pick<RoutingRule, 'conditions'>, options?: RoutingOptions): string {
  const c = rule.conditions;
  const parts: string[] = [];
  if (c.categories?.length) parts.push(`category is ${list(c.categories.map(categoryLabel))}`);
  if (c.priorities?.length) parts.push(`priority is ${list(c.priorities.map(priorityLabel))}`);
  if (c.orgIds?.length) {
    const names = c.orgIds.map((id) => options?.orgs.find((o) => o.id === id)?.name ?? 'an organisation');
    parts.push(`organisation is ${list(names)}`);
  }
  if (c.keywords?.length) parts.push(`mentions ${list(c.keywords.map((k) => `“${k}”`))}`);
  const text = parts.join(' and ');
  return text ? `When ${text}` : 'No conditions';
}

/** "assign to Tara Team, team billing, priority High" — what the rule does, in words. */
export function actionsSummary(rule: Pick<RoutingRule, 'actions' | 'assignee' | 'assigneeMissing'>): string {
  const a = rule.actions;
  const parts: string[] = [];
  if (a.assigneeId) {
    parts.push(
      rule.assignee ? `assign to ${rule.assignee.name}` : 'assign to someone who left the desk (skipped)',
    );
  }
  if (a.assignTo === 'round_robin') parts.push('assign round-robin');
  if (a.team) parts.push(`team “${a.team}”`);
  if (a.priority) parts.push(`priority ${priorityLabel(a.priority)}`);
  return parts.length ? parts.join(', ') : 'nothing';
}
