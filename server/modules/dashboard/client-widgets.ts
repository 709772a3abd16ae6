/**
 * The client's widgets: their open tickets with each one's place in the queue, and the latest
 * client-visible timeline entries on their tickets. Internal entries are filtered out in SQL
 * (visibility = 'client'), never after the fact, and people are presented as a client may see them.
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../storage/db.ts';
import { memberships, type TicketPriority, ticketEvents, tickets, users } from '../../../storage/schema.ts';
import { type Actor, ticketScopeWhere } from '../../policy/index.ts';
import { selectTickets } from '../tickets/access.ts';
import { presentTimelineEntry } from '../tickets/presenter.ts';
import { medianFirstResponseMinutes, queuePosition } from '../tickets/queue.ts';
import { countOpenTickets, OPEN_STATUSES, ticketSummary } from './ticket-summary.ts';

/** Most open tickets listed (with their queue positions); `total` counts all of them. */
export const OPEN_TICKETS_LIMIT = 20;
/** How many timeline entries "Recent updates" shows. */
export const RECENT_UPDATES_LIMIT = 8;

/** The actor's open tickets, oldest first (the order they are served), each with its queue place. */
export function openTicketsWidget(db: Db, actor: Actor) {
  const rows = selectTickets(db)
    .where(and(ticketScopeWhere(actor), inArray(tickets.status, [...OPEN_STATUSES])))
    .orderBy(asc(tickets.createdAt), asc(tickets.id))
    .limit(OPEN_TICKETS_LIMIT)
    .all();
  // One median per priority, however many tickets share it.
  const medians = new Map<TicketPriority, number | null>();
  const medianOf = (p: TicketPriority) => {
    if (!medians.has(p)) medians.set(p, medianFirstResponseMinutes(db, p));
    return medians.get(p) ?? null;
  };
  return {
    total: countOpenTickets(db, actor),
    items: rows.map((row) => ({
      ...ticketSummary(row),
      queue: queuePosition(db, row, medianOf(row.priority)),
    })),
  };
}

/** The latest client-visible timeline entries on tickets the actor may see, newest first. */
export function recentUpdatesWidget(db: Db, actor: Actor) {
  const events = db
    .select({
      id: ticketEvents.id,
      ticketId: ticketEvents.ticketId,
      type: ticketEvents.type,
      visibility: ticketEvents.visibility,
      data: ticketEvents.data,
      createdAt: ticketEvents.createdAt,
      actorId: users.id,
      actorName: users.name,
      actorRole: memberships.role,
      actorTenantId: memberships.tenantId,
    })
    .from(ticketEvents)
    .innerJoin(tickets, eq(tickets.id, ticketEvents.ticketId))
    .leftJoin(users, eq(users.id, ticketEvents.actorId))
    .leftJoin(memberships, eq(memberships.userId, users.id))
    .where(and(ticketScopeWhere(actor), eq(ticketEvents.visibility, 'client')))
    .orderBy(desc(ticketEvents.createdAt), desc(ticketEvents.id))
    .limit(RECENT_UPDATES_LIMIT)
    .all();
  const ids = [...new Set(events.map((e) => e.ticketId))];
  const ticketRows =
    ids.length === 0
      ? []
      : selectTickets(db)
          .where(and(inArray(tickets.id, ids), ticketScopeWhere(actor)))
          .all();
  const byId = new Map(ticketRows.map((t) => [t.id, t]));
  const items = [];
  for (const e of events) {
    const ticket = byId.get(e.ticketId);
    if (!ticket) continue;
    const actorPerson =
      e.actorId === null || e.actorName === null
        ? null
        : { id: e.actorId, name: e.actorName, role: e.actorRole, tenantId: e.actorTenantId };
    items.push({
      ticket: { id: ticket.id, key: ticket.key, subject: ticket.subject },
      event: presentTimelineEntry(actor, ticket, { ...e, actor: actorPerson }),
    });
  }
  return { items };
}
