/**
 * What the dashboard's ticket widgets share: the open statuses, the row → summary presenter (each
 * field picked: never the assignee or anything internal for a client) and scoped counting.
 */
import { and, count, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../../../storage/db.ts';
import { type TicketStatus, tickets } from '../../../storage/schema.ts';
import { type Actor, ticketScopeWhere } from '../../policy/index.ts';
import type { TicketRow } from '../tickets/access.ts';

/** Not yet resolved or closed: the tickets a dashboard calls open. */
export const OPEN_STATUSES = [
  'new',
  'open',
  'in_progress',
  'pending_client',
] as const satisfies readonly TicketStatus[];

/** How many items a list widget shows; its `total` counts them all. */
export const WIDGET_ITEMS = 5;

/** Critical first, as queues are worked. */
export const PRIORITY_ORDER = { critical: 0, high: 1, medium: 2, low: 3 } as const;

/** The fields every ticket item carries (the same for every role: nothing internal). */
export function ticketSummary(row: TicketRow) {
  return {
    id: row.id,
    key: row.key,
    subject: row.subject,
    status: row.status,
    priority: row.priority,
    org: { id: row.tenantId, name: row.tenantName },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type TTicketSummary = ReturnType<typeof ticketSummary>;

/** Open tickets in the actor's ticket scope matching `where`, however many. */
export function countOpenTickets(db: Db, actor: Actor, where?: SQL): number {
  const row = db
    .select({ n: count() })
    .from(tickets)
    .where(and(ticketScopeWhere(actor), inArray(tickets.status, [...OPEN_STATUSES]), where))
    .get();
  return row?.n ?? 0;
}
