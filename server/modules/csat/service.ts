/**
 * CSAT ratings: one per resolved ticket, given by a client who may rate it (policy
 * `canRateTicket`), either signed in or through the emailed link. The unique index on the ticket
 * is the one guard against a second rating, also under concurrency.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../../storage/db.ts';
import { csatRatings, users } from '../../../storage/schema.ts';
import { recordAudit } from '../../audit/audit.ts';
import { AppError, forbidden } from '../../http/errors.ts';
import { newId } from '../../ids.ts';
import type { Actor } from '../../policy/index.ts';
import { canRateTicket } from '../../policy/index.ts';
import { type TicketRow, ticketRefOf } from '../tickets/access.ts';
import type { TCsatRating } from './schema.ts';

export interface CsatRow {
  id: string;
  ticketId: string;
  raterId: string;
  raterName: string;
  rating: number;
  comment: string;
  createdAt: Date;
}

export const alreadyRated = () =>
  new AppError(409, 'already_rated', 'This ticket has already been rated. Thank you!');
export const notResolved = () =>
  new AppError(409, 'not_resolved', 'This ticket is not resolved, so it cannot be rated yet.');

/** The ticket's rating, if given. The caller decides (policy) who may see its content. */
export function findCsat(db: Db, ticketId: string): CsatRow | undefined {
  return db
    .select({
      id: csatRatings.id,
      ticketId: csatRatings.ticketId,
      raterId: csatRatings.raterId,
      raterName: users.name,
      rating: csatRatings.rating,
      comment: csatRatings.comment,
      createdAt: csatRatings.createdAt,
    })
    .from(csatRatings)
    .innerJoin(users, eq(users.id, csatRatings.raterId))
    .where(eq(csatRatings.ticketId, ticketId))
    .get();
}

/** Why the actor may not rate this (visible) ticket, as the error to throw; null when they may. */
export function rateRefusal(actor: Actor, ticket: TicketRow): AppError | null {
  if (actor.tenantKind !== 'client') return forbidden('Only the client can rate a ticket.');
  if (ticket.status !== 'resolved' && ticket.status !== 'closed') return notResolved();
  if (!canRateTicket(actor, ticketRefOf(ticket))) return forbidden('You cannot rate this ticket.');
  return null;
}

/**
 * Records the rating and its audit entry in one transaction; 409 when the ticket already has
 * one. The caller has loaded the ticket through the rater's scope and checked `rateRefusal`.
 */
export function recordCsat(
  db: Db,
  rater: Actor,
  ticket: TicketRow,
  input: TCsatRating,
  meta: { ip: string | null; via: 'signed_in' | 'link' },
): void {
  try {
    db.transaction((tx) => {
      const id = newId();
      tx.insert(csatRatings)
        .values({ id, ticketId: ticket.id, tenantId: ticket.tenantId, raterId: rater.userId, ...input })
        .run();
      recordAudit(tx, {
        action: 'ticket.csat_rated',
        tenantId: ticket.tenantId,
        actorUserId: rater.userId,
        targetType: 'ticket',
        targetId: ticket.id,
        ip: meta.ip,
        data: { rating: input.rating, via: meta.via },
      });
    });
  } catch (err) {
    if (err instanceof Error && /UNIQUE constraint failed: csat_ratings/.test(err.message))
      throw alreadyRated();
    throw err;
  }
}
