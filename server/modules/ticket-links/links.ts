/**
 * Links between tickets of one client org: listed for the service side, added and removed by
 * whoever may change both tickets (`canLinkTickets`). A pair is stored once, smaller id first.
 */
import { and, eq, or } from 'drizzle-orm';
import { ticketLinks } from '../../../storage/schema.ts';
import type { TicketLinkKind } from '../../../storage/schema-service-desk.ts';
import type { Caller } from '../../http/caller.ts';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../http/errors.ts';
import { newId } from '../../ids.ts';
import { canLinkTickets, canSeeInternalTicket } from '../../policy/index.ts';
import { isUniqueViolation } from '../tenants/constraint.ts';
import { findVisibleTicket, type TicketRow, ticketRefOf } from '../tickets/access.ts';
import type { TicketDeps } from '../tickets/create.ts';
import { appendLinkEvent, type LinkEventType, ticketMention } from './link-events.ts';
import { findVisibleTicketByKeyOrId, findVisibleTickets } from './lookup.ts';
import type { TLinkCreate } from './schema.ts';

export type LinkRow = typeof ticketLinks.$inferSelect;

/** A link as seen from one of its tickets: the other ticket, loaded through the caller's scope. */
export interface LinkFromTicket {
  link: LinkRow;
  other: TicketRow;
  /** The link records a merge between the two (it cannot be removed on its own). */
  isMerge: boolean;
}

/** The stored order of a pair: `ticketId < linkedId`, so each pair has exactly one row. */
export function orderedPair(a: string, b: string): { ticketId: string; linkedId: string } {
  return a < b ? { ticketId: a, linkedId: b } : { ticketId: b, linkedId: a };
}

/** The stored link between two tickets, if any. */
export function findLinkBetween(deps: Pick<TicketDeps, 'db'>, a: string, b: string): LinkRow | undefined {
  const pair = orderedPair(a, b);
  return deps.db
    .select()
    .from(ticketLinks)
    .where(and(eq(ticketLinks.ticketId, pair.ticketId), eq(ticketLinks.linkedId, pair.linkedId)))
    .get();
}

/** Whether the link between `a` and `b` records that one was merged into the other. */
function recordsMerge(a: TicketRow, b: TicketRow): boolean {
  return a.mergedIntoId === b.id || b.mergedIntoId === a.id;
}

/**
 * The links of a ticket the caller sees, oldest first. Links are internal working knowledge: a
 * client role gets none (a merged ticket tells them where it went through `mergedInto`).
 */
export function listLinks(deps: Pick<TicketDeps, 'db'>, caller: Caller, ticket: TicketRow): LinkFromTicket[] {
  const { actor } = caller;
  if (!canSeeInternalTicket(actor, ticketRefOf(ticket))) return [];
  const rows = deps.db
    .select()
    .from(ticketLinks)
    .where(or(eq(ticketLinks.ticketId, ticket.id), eq(ticketLinks.linkedId, ticket.id)))
    .orderBy(ticketLinks.createdAt, ticketLinks.id)
    .all();
  const otherIdOf = (link: LinkRow) => (link.ticketId === ticket.id ? link.linkedId : link.ticketId);
  const others = findVisibleTickets(deps.db, actor, rows.map(otherIdOf));
  return rows.flatMap((link) => {
    const other = others.get(otherIdOf(link));
    return other ? [{ link, other, isMerge: recordsMerge(ticket, other) }] : [];
  });
}

/**
 * The checks every link and merge share, in the order that reveals least: the source must be
 * visible (404), the other ticket visible (404), not the same (400), in the same org (400), and
 * both the caller's to change (403).
 */
export function loadPair(
  deps: Pick<TicketDeps, 'db'>,
  caller: Caller,
  sourceId: string,
  otherKeyOrId: string,
): { source: TicketRow; other: TicketRow } {
  const { actor } = caller;
  const source = findVisibleTicket(deps.db, actor, sourceId);
  if (!source) throw notFound('ticket');
  const other = findVisibleTicketByKeyOrId(deps.db, actor, otherKeyOrId);
  if (!other) throw notFound('ticket');
  if (other.id === source.id) throw badRequest('same_ticket', 'A ticket cannot be linked to itself.');
  if (other.tenantId !== source.tenantId) {
    throw badRequest('different_organization', 'Only tickets of the same organisation can be linked.');
  }
  if (!canLinkTickets(actor, ticketRefOf(source), ticketRefOf(other))) {
    throw forbidden('You cannot link these tickets.');
  }
  return { source, other };
}

/** One entry on each ticket of the pair, naming the other. */
function recordOnBoth(
  tx: Parameters<typeof appendLinkEvent>[0],
  caller: Caller,
  type: LinkEventType,
  link: { id: string; kind: TicketLinkKind },
  a: TicketRow,
  b: TicketRow,
): void {
  for (const [on, other] of [
    [a, b],
    [b, a],
  ] as const) {
    appendLinkEvent(tx, {
      ticketId: on.id,
      tenantId: on.tenantId,
      actorId: caller.actor.userId,
      type,
      visibility: 'internal',
      data: { linkId: link.id, kind: link.kind, ticket: ticketMention(other) },
    });
  }
}

/** Links ticket `sourceId` to the one the input names. Twice the same pair: 409. */
export function createLink(
  deps: TicketDeps,
  caller: Caller,
  sourceId: string,
  input: TLinkCreate,
): LinkFromTicket {
  const { source, other } = loadPair(deps, caller, sourceId, input.ticketKeyOrId);
  const link: LinkRow = {
    id: newId(),
    tenantId: source.tenantId,
    ...orderedPair(source.id, other.id),
    kind: input.kind,
    createdBy: caller.actor.userId,
    createdAt: new Date(),
  };
  try {
    deps.db.transaction(
      (tx) => {
        if (findLinkBetween({ db: deps.db }, source.id, other.id)) throw alreadyLinked(other);
        tx.insert(ticketLinks).values(link).run();
        recordOnBoth(tx, caller, 'ticket_linked', link, source, other);
      },
      { behavior: 'immediate' },
    );
  } catch (err) {
    // A concurrent request that won the race: the same answer as the check above.
    if (isUniqueViolation(err)) throw alreadyLinked(other);
    throw err;
  }
  announceInternal(deps, source, other);
  return { link, other, isMerge: false };
}

const alreadyLinked = (other: TicketRow) => conflict(`This ticket is already linked to ${other.key}.`);

/**
 * Removes a link of ticket `sourceId`. A link the caller cannot see from that ticket is a 404;
 * the duplicate link a merge left behind is part of the merge's record and stays (409).
 */
export function removeLink(deps: TicketDeps, caller: Caller, sourceId: string, linkId: string): void {
  const { actor } = caller;
  const source = findVisibleTicket(deps.db, actor, sourceId);
  if (!source) throw notFound('ticket');
  const found = listLinks(deps, caller, source).find((l) => l.link.id === linkId);
  if (!found) throw notFound('link');
  const { link, other } = found;
  if (!canLinkTickets(actor, ticketRefOf(source), ticketRefOf(other))) {
    throw forbidden('You cannot unlink these tickets.');
  }
  if (found.isMerge) {
    throw new AppError(409, 'merge_link', 'This link records a merge and cannot be removed.');
  }
  deps.db.transaction(
    (tx) => {
      const gone = tx.delete(ticketLinks).where(eq(ticketLinks.id, link.id)).run();
      // Removed by someone else a moment ago: nothing to record.
      if (gone.changes === 0) throw notFound('link');
      recordOnBoth(tx, caller, 'ticket_unlinked', link, source, other);
    },
    { behavior: 'immediate' },
  );
  announceInternal(deps, source, other);
}

/** Links are internal: both tickets changed, for their internal readers only. */
function announceInternal(deps: TicketDeps, a: TicketRow, b: TicketRow): void {
  for (const t of [a, b]) {
    deps.events.emit('ticket.changed', { ticketId: t.id, tenantId: t.tenantId, visibility: 'internal' });
  }
}
