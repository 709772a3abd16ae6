/**
 * A new ticket's description document starts from the plain text filed with the ticket
 * (`tickets.initial_description`). Persistence calls this only for a document with nothing
 * stored and logs the result, so the seed is durable and happens once.
 */
import { findVisibleTicket } from '../../../server/modules/tickets/access.ts';
import type { Db } from '../../../storage/db.ts';
import type { DocumentName } from '../../names.ts';
import type { CollabContext } from '../context.ts';
import { proseUpdateFromText } from '../prose.ts';

/**
 * The seed update for `ticket:<id>` (client audience only), read through the scope of the actor
 * whose connection is opening it; null for every other document, a server-side opener (no
 * actor: the first client to open it seeds it) or a ticket filed without a description.
 */
export function ticketDescriptionSeed(
  db: Db,
  name: DocumentName,
  context: Partial<CollabContext>,
): Uint8Array | null {
  if (name.kind !== 'ticket' || name.audience !== 'client') return null;
  const actor = context.auth?.actor;
  if (!actor) return null;
  const text = findVisibleTicket(db, actor, name.id)?.initialDescription;
  return text ? proseUpdateFromText(text) : null;
}
