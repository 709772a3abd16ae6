/**
 * Human words for tickets. Clients and the provider's team read the same status differently
 * ("Waiting for you" vs "Pending client"), so status words take the reader's audience. Choosing
 * words is presentation, not permission: what anyone may do still comes from `abilities`.
 */
import type { Tone } from '../../components/Alert.tsx';
import { humanize } from '../../lib/format.ts';
import type {
  Role,
  TicketCategory,
  TicketEvent,
  TicketPriority,
  TicketStatus,
  Visibility,
} from '../../lib/types.ts';

/** Who is reading: the client organisation's people, or the provider's and partners' teams. */
export type Audience = 'client' | 'staff';

const CLIENT_ROLES: ReadonlySet<string> = new Set<Role>(['client', 'client_admin']);

export function audienceOf(role: string): Audience {
  return CLIENT_ROLES.has(role) ? 'client' : 'staff';
}

const STATUS_WORDS: Record<Audience, Record<TicketStatus, string>> = {
  client: {
    new: 'Received',
    open: 'Open',
    in_progress: 'In progress',
    pending_client: 'Waiting for you',
    resolved: 'Resolved',
    closed: 'Closed',
  },
  staff: {
    new: 'New',
    open: 'Open',
    in_progress: 'In progress',
    pending_client: 'Pending client',
    resolved: 'Resolved',
    closed: 'Closed',
  },
};

const STATUS_TONES: Record<TicketStatus, Tone | 'brand'> = {
  new: 'info',
  open: 'brand',
  in_progress: 'brand',
  pending_client: 'warning',
  resolved: 'success',
  closed: 'neutral',
};

const PRIORITY_WORDS: Record<TicketPriority, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
};

const CATEGORY_WORDS: Record<TicketCategory, string> = {
  technical_support: 'Technical support',
  billing: 'Billing',
  general_inquiry: 'General inquiry',
  bug_report: 'Bug report',
  feature_request: 'Feature request',
};

/** "pending_client" → "Waiting for you" (client) / "Pending client" (staff); unknown values humanised. */
export function ticketStatusLabel(status: string, audience: Audience): string {
  return STATUS_WORDS[audience][status as TicketStatus] ?? humanize(status);
}

export function ticketStatusTone(status: string): Tone | 'brand' {
  return STATUS_TONES[status as TicketStatus] ?? 'neutral';
}

export function priorityLabel(priority: string): string {
  return PRIORITY_WORDS[priority as TicketPriority] ?? humanize(priority);
}

export function categoryLabel(category: string): string {
  return CATEGORY_WORDS[category as TicketCategory] ?? humanize(category);
}

/** A name from an event's `data.from` / `data.to`, which may be a person, a name or nothing. */
function personName(value: unknown): string | null {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'object' && value !== null && 'name' in value) {
    const name = (value as { name?: unknown }).name;
    if (typeof name === 'string' && name !== '') return name;
  }
  return null;
}

function personId(value: unknown): string | null {
  if (typeof value === 'object' && value !== null && 'id' in value) {
    const id = (value as { id?: unknown }).id;
    if (typeof id === 'string') return id;
  }
  return null;
}

function fromTo(
  data: TicketEvent['data'],
  words: (value: string) => string,
): { from: string | null; to: string | null } {
  const read = (value: unknown) => (typeof value === 'string' && value !== '' ? words(value) : null);
  return { from: read(data?.from), to: read(data?.to) };
}

/** The other ticket's key in a link or merge entry's `data.ticket`. */
function ticketKeyOf(data: TicketEvent['data']): string | null {
  const key = (data?.ticket as { key?: unknown } | undefined)?.key;
  return typeof key === 'string' ? key : null;
}

/**
 * One timeline entry as a sentence: "Sam changed status from New to In progress". `meId` turns
 * the reader's own name into "You"; an event without an actor was the portal's own doing.
 */
export function describeEvent(event: TicketEvent, audience: Audience, meId?: string): string {
  const isMe = meId !== undefined && event.actor?.id != null && event.actor.id === meId;
  const who = isMe ? 'You' : (event.actor?.name ?? 'The portal');
  const data = event.data;
  const change = (field: string, words: (value: string) => string) => {
    const { from, to } = fromTo(data, words);
    if (from && to) return `${who} changed ${field} from ${from} to ${to}`;
    if (to) return `${who} set ${field} to ${to}`;
    return `${who} changed ${field}`;
  };
  switch (event.type) {
    case 'created':
      return `${who} opened the ticket`;
    case 'status_changed':
      return change('status', (value) => ticketStatusLabel(value, audience));
    case 'priority_changed':
      return change('priority', priorityLabel);
    case 'category_changed':
      return change('category', categoryLabel);
    case 'assignee_changed':
    case 'assigned': {
      const to = personName(data?.to);
      const from = personName(data?.from);
      if (to && personId(data?.to) !== null && personId(data?.to) === (event.actor?.id ?? undefined)) {
        return `${who} took the ticket`;
      }
      if (to && meId !== undefined && personId(data?.to) === meId) return `${who} assigned the ticket to you`;
      if (to) return `${who} assigned the ticket to ${to}`;
      if (from) return `${who} unassigned ${from}`;
      return `${who} unassigned the ticket`;
    }
    case 'routed': {
      const rule = (data?.rule as { name?: unknown } | undefined)?.name;
      return typeof rule === 'string' ? `Routed by rule “${rule}”` : 'Routed by a rule';
    }
    case 'ticket_linked':
      return `${who} linked ${ticketKeyOf(data) ?? 'another ticket'}`;
    case 'ticket_unlinked':
      return `${who} removed the link to ${ticketKeyOf(data) ?? 'another ticket'}`;
    case 'merged_into':
      return `${who} merged this ticket into ${ticketKeyOf(data) ?? 'another ticket'}`;
    case 'merged_from':
      return `${who} merged ${ticketKeyOf(data) ?? 'another ticket'} into this ticket`;
    case 'reply_added':
    case 'reply':
      return event.visibility === 'internal' ? `${who} added an internal note` : `${who} replied`;
    default:
      return `${who}: ${humanize(event.type).toLowerCase()}`;
  }
}

/** Internal content is marked in words too, not only by colour (WCAG 1.4.1). */
export function visibilityLabel(visibility: Visibility): string {
  return visibility === 'internal' ? 'Internal' : 'Visible to client';
}

/** `?status=open,new` → the known statuses in it, in canonical order. */
export function parseStatusList(value: string | null, known: readonly string[]): string[] {
  if (!value) return [];
  const wanted = new Set(value.split(',').map((part) => part.trim()));
  return known.filter((status) => wanted.has(status));
}
