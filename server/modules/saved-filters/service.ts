/**
 * A person's saved ticket-list filters. They are personal records: every read and write is
 * scoped to the caller's own user id, so another person's filter is simply not found (404).
 * Not audited: a saved filter changes nobody's access and holds nothing sensitive.
 */
import { and, asc, count, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../../../storage/db.ts';
import { savedFilters } from '../../../storage/schema.ts';
import type { Caller } from '../../http/caller.ts';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../http/errors.ts';
import { newId } from '../../ids.ts';
import { type Actor, has, ownsPersonalRecord, readsInternalTickets } from '../../policy/index.ts';
import { isUniqueViolation } from '../tenants/constraint.ts';
import type { TSavedFilterCreate, TSavedFilterUpdate } from './schema.ts';

export type SavedFilterRow = typeof savedFilters.$inferSelect;

/** Enough for every view a person keeps; a cap so one account cannot grow the table without end. */
export const SAVED_FILTER_LIMIT = 50;

/** Saved filters serve the ticket list: whoever has no ticket list has none. */
function assertUsesTicketList(actor: Actor): void {
  if (!has(actor, 'tickets.view_own')) throw forbidden('Tickets are not available to you.');
}

/** The list refuses an assignee filter to client roles (queries.ts); so does saving one. */
function assertQueryAllowed(actor: Actor, query: Record<string, string>): void {
  if (query.assignee !== undefined && !readsInternalTickets(actor.role)) {
    throw badRequest('invalid_filter', 'Filtering by assignee is not available to you.');
  }
}

const nameTaken = (name: string) => conflict(`You already have a filter called “${name}”.`);

/** Another of the user's filters with this name, ignoring case ("Open" and "open" would confuse). */
function nameInUse(db: Db, userId: string, name: string, exceptId?: string): boolean {
  const conditions = [
    eq(savedFilters.userId, userId),
    sql`lower(${savedFilters.name}) = lower(${name})`,
    exceptId ? ne(savedFilters.id, exceptId) : undefined,
  ];
  return (
    db
      .select({ id: savedFilters.id })
      .from(savedFilters)
      .where(and(...conditions))
      .get() !== undefined
  );
}

/** The caller's own filter with this id, or 404. */
function findOwn(db: Db, actor: Actor, id: string): SavedFilterRow {
  const row = db
    .select()
    .from(savedFilters)
    .where(and(eq(savedFilters.id, id), eq(savedFilters.userId, actor.userId)))
    .get();
  if (!row || !ownsPersonalRecord(actor, row.userId)) throw notFound('saved filter');
  return row;
}

/** The caller's filters, by name. */
export function listSavedFilters(db: Db, caller: Caller): SavedFilterRow[] {
  assertUsesTicketList(caller.actor);
  return db
    .select()
    .from(savedFilters)
    .where(eq(savedFilters.userId, caller.actor.userId))
    .orderBy(asc(sql`lower(${savedFilters.name})`), asc(savedFilters.id))
    .all();
}

/** Saves a new filter. A name the caller already uses: 409. */
export function createSavedFilter(db: Db, caller: Caller, input: TSavedFilterCreate): SavedFilterRow {
  const { actor } = caller;
  assertUsesTicketList(actor);
  assertQueryAllowed(actor, input.query);
  const row: SavedFilterRow = {
    id: newId(),
    userId: actor.userId,
    name: input.name,
    query: input.query,
    createdAt: new Date(),
  };
  try {
    db.transaction(
      (tx) => {
        if (nameInUse(db, actor.userId, input.name)) throw nameTaken(input.name);
        const held = tx
          .select({ n: count() })
          .from(savedFilters)
          .where(eq(savedFilters.userId, actor.userId))
          .get();
        if ((held?.n ?? 0) >= SAVED_FILTER_LIMIT) {
          throw new AppError(
            409,
            'limit_reached',
            `You can keep at most ${SAVED_FILTER_LIMIT} saved filters.`,
          );
        }
        tx.insert(savedFilters).values(row).run();
      },
      { behavior: 'immediate' },
    );
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken(input.name);
    throw err;
  }
  return row;
}

/** Renames a filter or replaces its query. Not the caller's: 404; a name they already use: 409. */
export function updateSavedFilter(
  db: Db,
  caller: Caller,
  id: string,
  input: TSavedFilterUpdate,
): SavedFilterRow {
  const { actor } = caller;
  assertUsesTicketList(actor);
  const current = findOwn(db, actor, id);
  if (input.query) assertQueryAllowed(actor, input.query);
  const next = { name: input.name ?? current.name, query: input.query ?? current.query };
  try {
    db.transaction(
      (tx) => {
        if (nameInUse(db, actor.userId, next.name, id)) throw nameTaken(next.name);
        tx.update(savedFilters).set(next).where(eq(savedFilters.id, id)).run();
      },
      { behavior: 'immediate' },
    );
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken(next.name);
    throw err;
  }
  return { ...current, ...next };
}

/** Deletes one of the caller's filters; another person's is a 404. */
export function deleteSavedFilter(db: Db, caller: Caller, id: string): void {
  assertUsesTicketList(caller.actor);
  const row = findOwn(db, caller.actor, id);
  db.delete(savedFilters).where(eq(savedFilters.id, row.id)).run();
}
