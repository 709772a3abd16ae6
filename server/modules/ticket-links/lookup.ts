/**
 * Finding the other ticket of a link or merge the way a person names it (a key or an id), always
 * through the caller's ticket scope: a ticket they may not see is not found, exactly like one
 * that does not exist.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../storage/db.ts';
import { tickets } from '../../../storage/schema.ts';
import { type Actor, ticketScopeWhere } from '../../policy/index.ts';
import { findVisibleTicket, selectTickets, type TicketRow } from '../tickets/access.ts';

/** Row ids are 16 characters of the session alphabet (server/ids.ts); keys always carry a `-`. */
const ID_PATTERN = /^[a-z2-9]{16}$/;

/** The visible ticket with this id or key (keys compare case-insensitively), or undefined. */
export function findVisibleTicketByKeyOrId(db: Db, actor: Actor, keyOrId: string): TicketRow | undefined {
  const value = keyOrId.trim();
  if (ID_PATTERN.test(value)) {
    const byId = findVisibleTicket(db, actor, value);
    if (byId) return byId;
  }
  return selectTickets(db)
    .where(and(eq(tickets.key, value.toUpperCase()), ticketScopeWhere(actor)))
    .get();
}

/** The visible tickets among `ids`, by id; invisible ones are simply absent. */
export function findVisibleTickets(db: Db, actor: Actor, ids: string[]): Map<string, TicketRow> {
  if (ids.length === 0) return new Map();
  const rows = selectTickets(db)
    .where(and(inArray(tickets.id, ids), ticketScopeWhere(actor)))
    .all();
  return new Map(rows.map((row) => [row.id, row]));
}
