/**
 * The ticket timeline: an append-only record of every change, each with its audience. It is the
 * record of ticket changes (no separate audit entries): status, priority, category and replies
 * are client-visible; assignment and internal notes are internal.
 */
import type { Db } from '../../../storage/db.ts';
import { ticketEvents, type Visibility } from '../../../storage/schema.ts';

/** The kinds of timeline entry, and what their `data` holds. */
export type TicketEventType =
  /** `{}`: the ticket was filed. */
  | 'created'
  /** `{from, to}`: status values. */
  | 'status_changed'
  /** `{from, to}`: priority values. */
  | 'priority_changed'
  /** `{from, to}`: category values. */
  | 'category_changed'
  /** `{from, to}`: `{id, name} | null` each, the names as they were then. Always internal. */
  | 'assignee_changed'
  /** `{replyId}`: a reply (or internal note) was added; its visibility is the reply's. */
  | 'reply_added'
  /** `{rule: {id, name}, changes}`: a routing rule set fields on filing. Always internal. */
  | 'routed'
  /** `{ticket: {id, key}, kind}`: a link to another ticket of the org was added / removed. Internal. */
  | 'ticket_linked'
  | 'ticket_unlinked'
  /** `{ticket: {id, key}}`: this ticket was merged into that one (client-visible). */
  | 'merged_into'
  /** `{ticket: {id, key}}`: that ticket was merged into this one (client-visible). */
  | 'merged_from';

/** One entry to append. */
export interface TicketEventInput {
  ticketId: string;
  /** The ticket's org, copied so timeline reads can be scoped without the ticket row. */
  tenantId: string;
  /** Who caused it; null for the system. */
  actorId: string | null;
  type: TicketEventType;
  visibility: Visibility;
  data?: Record<string, unknown>;
  /** Defaults to now; the demo seed back-dates its history. */
  createdAt?: Date;
}

/** Appends an entry. Callers inside a transaction pass the transaction's handle as `db`. */
export function appendTicketEvent(db: Pick<Db, 'insert'>, event: TicketEventInput): void {
  db.insert(ticketEvents)
    .values({
      ticketId: event.ticketId,
      tenantId: event.tenantId,
      actorId: event.actorId,
      type: event.type,
      visibility: event.visibility,
      data: event.data ?? {},
      ...(event.createdAt ? { createdAt: event.createdAt } : {}),
    })
    .run();
}
