/**
 * Ticket lists, always through the policy's ticket scope: a list never shows a ticket whose
 * detail would be a 404. Filters narrow that scope; they never widen it.
 */
import { and, asc, desc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../storage/db.ts';
import { tickets } from '../../../storage/schema.ts';
import { badRequest } from '../../http/errors.ts';
import { type Actor, readsInternalTickets, ticketScopeWhere } from '../../policy/index.ts';
import { perKey } from '../../prepared.ts';
import { readTicketRow, scopeKey, selectTickets, type TicketRow } from './access.ts';
import type { TTicketListQuery } from './schema.ts';

/** Most tickets a list returns; the UI narrows with filters and `q` beyond that. */
export const TICKET_LIST_LIMIT = 200;

/** `%`, `_` and `\` typed by a person are literal characters, not LIKE wildcards. */
function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Critical first: the order a queue is worked in. */
const PRIORITY_RANK = sql`CASE ${tickets.priority}
  WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END`;

function orderFor(sort: TTicketListQuery['sort']) {
  switch (sort) {
    case 'created':
      return [desc(tickets.createdAt), desc(tickets.id)];
    case 'priority':
      return [asc(PRIORITY_RANK), desc(tickets.updatedAt), desc(tickets.id)];
    case 'updated':
      return [desc(tickets.updatedAt), desc(tickets.id)];
  }
}

/** The `assignee` filter as a condition; `me` is the caller. */
function assigneeCondition(actor: Actor, assignee: string): SQL {
  if (assignee === 'none') return isNull(tickets.assigneeId);
  return eq(tickets.assigneeId, assignee === 'me' ? actor.userId : assignee);
}

/**
 * The tickets the actor may see, narrowed by the filters. Client roles may not filter by
 * assignee: who works a ticket is internal, and filtering by an agent's id would reveal it.
 */
export function listVisibleTickets(db: Db, actor: Actor, filter: TTicketListQuery): TicketRow[] {
  if (filter.assignee !== undefined && !readsInternalTickets(actor.role)) {
    throw badRequest('invalid_filter', 'Filtering by assignee is not available to you.');
  }
  // A search is built each time: its text is free, so it would only churn the statement cache.
  if (filter.q) return buildList(db, actor, filter).values().map(readTicketRow);
  const key = `${scopeKey(actor)}\n${JSON.stringify(filter)}`;
  return listStatements(db, key, () => buildList(db, actor, filter).prepare())
    .values()
    .map(readTicketRow);
}

/**
 * The list query for an actor and filter, values bound in: prepared once per (actor, filter) and
 * reused, since a portal's lists are the same few views polled again and again.
 */
function buildList(db: Db, actor: Actor, filter: TTicketListQuery) {
  const conditions: (SQL | undefined)[] = [ticketScopeWhere(actor)];
  if (filter.status) conditions.push(inArray(tickets.status, filter.status));
  if (filter.priority) conditions.push(inArray(tickets.priority, filter.priority));
  if (filter.category) conditions.push(inArray(tickets.category, filter.category));
  if (filter.orgId) conditions.push(eq(tickets.tenantId, filter.orgId));
  if (filter.assignee) conditions.push(assigneeCondition(actor, filter.assignee));
  if (filter.requester) {
    conditions.push(eq(tickets.requesterId, filter.requester === 'me' ? actor.userId : filter.requester));
  }
  if (filter.q) {
    // SQLite's LIKE ignores ASCII case, which is what a search box should do.
    const pattern = containsPattern(filter.q);
    conditions.push(
      or(
        sql`${tickets.key} LIKE ${pattern} ESCAPE '\\'`,
        sql`${tickets.subject} LIKE ${pattern} ESCAPE '\\'`,
        sql`${tickets.descriptionText} LIKE ${pattern} ESCAPE '\\'`,
      ),
    );
  }
  return selectTickets(db)
    .where(and(...conditions))
    .orderBy(...orderFor(filter.sort))
    .limit(TICKET_LIST_LIMIT);
}

/** Prepared list statements per database, for the most recent 256 (actor, filter) pairs. */
const listStatements = perKey<ReturnType<ReturnType<typeof buildList>['prepare']>>(256);
