/**
 * The recipient of a ticket notification, with the ticket loaded *through their* policy scope:
 * nothing is written about a ticket its reader may not see, and what is written depends on
 * whether they read internal content (the desk) or not (a client, who sees the servicing org).
 */
import type { Db } from '../../../storage/db.ts';
import { loadActor } from '../../auth/actor.ts';
import { type Actor, canSeeInternalTicket } from '../../policy/index.ts';
import { clientFacingPerson, findVisibleTicket, type TicketRow, ticketRefOf } from '../tickets/access.ts';

export interface Reader {
  actor: Actor;
  ticket: TicketRow;
  /** The reader works the desk (reads internal content); false for every client role. */
  internal: boolean;
}

/** The reader, or null when the user is not active or may not see the ticket. */
export function readerOf(db: Db, userId: string, ticketId: string): Reader | null {
  const loaded = loadActor(db, userId);
  if (loaded?.user.status !== 'active') return null;
  const ticket = findVisibleTicket(db, loaded.actor, ticketId);
  if (!ticket) return null;
  return { actor: loaded.actor, ticket, internal: canSeeInternalTicket(loaded.actor, ticketRefOf(ticket)) };
}

/** A person's name as this reader may see it: the desk by name, a client agents as the servicing org. */
export function nameFor(
  reader: Reader,
  person: { id: string; name: string; tenantId: string | null },
): string {
  return reader.internal ? person.name : clientFacingPerson(person, reader.ticket).name;
}
