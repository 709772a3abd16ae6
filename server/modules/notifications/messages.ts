/**
 * The words of each ticket notification, written for one reader: a client reads status words
 * meant for them and sees the servicing organisation instead of any agent; only the desk reads
 * internal notes, assignments and SLA alerts (the listeners never address those to a client).
 */
import type { NotificationType, TicketStatus } from '../../../storage/schema.ts';
import type { Reader } from './reader.ts';

export interface Message {
  type: NotificationType;
  title: string;
  body: string;
}

const CLIENT_STATUS: Record<TicketStatus, string> = {
  new: 'received',
  open: 'open',
  in_progress: 'in progress',
  pending_client: 'waiting for you',
  resolved: 'resolved',
  closed: 'closed',
};

const DESK_STATUS: Record<TicketStatus, string> = {
  new: 'new',
  open: 'open',
  in_progress: 'in progress',
  pending_client: 'pending client',
  resolved: 'resolved',
  closed: 'closed',
};

const EXCERPT_LENGTH = 200;

/** A reply's first words on one line, for a title-sized preview. */
export function excerpt(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > EXCERPT_LENGTH ? `${line.slice(0, EXCERPT_LENGTH - 1).trimEnd()}…` : line;
}

/** A reply or internal note (the caller addresses internal ones to the desk only). */
export function replyMessage(reader: Reader, authorName: string, body: string, internal: boolean): Message {
  const { key } = reader.ticket;
  return {
    type: 'reply',
    title: internal ? `New internal note on ${key}` : `New reply on ${key}`,
    body: `${authorName}: ${excerpt(body)}`,
  };
}

/** A desk person named in a reply or note with `@`. */
export function mentionMessage(reader: Reader, authorName: string, body: string): Message {
  return {
    type: 'mention',
    title: `${authorName} mentioned you on ${reader.ticket.key}`,
    body: excerpt(body),
  };
}

/** A status move; a move to pending_client asks the reader for their reply. */
export function statusMessage(reader: Reader, to: TicketStatus): Message {
  const { key, subject } = reader.ticket;
  if (to === 'pending_client' && !reader.internal) {
    const who = reader.ticket.servicingName ?? 'The support team';
    return {
      type: 'action_required',
      title: `We need your reply on ${key}`,
      body: `${who} is waiting for your reply on “${subject}”.`,
    };
  }
  const words = reader.internal ? DESK_STATUS : CLIENT_STATUS;
  return { type: 'status_change', title: `${key} is now ${words[to]}`, body: subject };
}

/** The reader was made the ticket's assignee (by a person, or by routing when `by` is null). */
export function assignmentMessage(reader: Reader, by: string | null): Message {
  const { key, subject } = reader.ticket;
  return {
    type: 'assignment',
    title: `${key} was assigned to you`,
    body: by ? `${subject} — assigned by ${by}` : subject,
  };
}

const TARGET_WORDS = { first_response: 'First response', resolution: 'Resolution' } as const;

/** An SLA target of the ticket is near breach or breached. */
export function slaMessage(
  reader: Reader,
  target: 'first_response' | 'resolution',
  level: 'near_breach' | 'breached',
): Message {
  const { key, subject } = reader.ticket;
  const state = level === 'breached' ? 'breached' : 'due soon';
  return {
    type: 'sla_near_breach',
    title: level === 'breached' ? `SLA breached on ${key}` : `SLA near breach on ${key}`,
    body: `${TARGET_WORDS[target]} ${state}: ${subject}`,
  };
}
