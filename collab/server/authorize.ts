/**
 * The collaboration server's one question to the policy: may this actor open this document, and
 * may they write to it? Authentication asks it when a document is opened; revocation asks it
 * again whenever the actor's rights change, so a connection never outlives the right it was
 * opened with.
 */

import { findVisibleTicket, ticketRefOf } from '../../server/modules/tickets/access.ts';
import type { Actor } from '../../server/policy/actor.ts';
import { canEditTicketDescription, canSeeInternalTicket } from '../../server/policy/index.ts';
import type { Db } from '../../storage/db.ts';
import type { DocumentName } from '../names.ts';
import type { DocumentAccess } from './context.ts';

/**
 * `'write'`, `'read'`, or null when the actor may not open the document — null also for a
 * resource that does not exist, so a refusal never confirms existence.
 *
 * Must stay synchronous (better-sqlite3 is): authentication reads the rights clock in the same
 * step, which is what makes a rights event during authentication detectable (rights-clock.ts).
 */
export function authorizeDocument(db: Db, actor: Actor, name: DocumentName): DocumentAccess | null {
  switch (name.kind) {
    case 'user':
      // The per-user channel carries pushes for one person only, and only the server writes it.
      return name.id === actor.userId ? 'read' : null;
    case 'ticket':
    case 'ticket_thread':
      return authorizeTicketDocument(db, actor, name);
    case 'kb':
    case 'contract':
    case 'thread':
    case 'chat':
      // Refused until their modules exist: an unknown resource is a resource nobody may open.
      return null;
    default:
      return unreachable(name);
  }
}

/**
 * A ticket's three documents. The ticket is loaded *through* the policy's scope, so one the actor
 * may not see is simply not found (null, the same answer as a missing one).
 * - `ticket:<id>` (client-visible description): write while the policy lets them edit it
 *   (not once closed), else read;
 * - `ticket:<id>:internal`: only for those who read internal content; read-only once closed;
 * - `ticket:<id>:thread` (record): read for anyone who sees the ticket; replies go through REST.
 */
function authorizeTicketDocument(
  db: Db,
  actor: Actor,
  name: Extract<DocumentName, { kind: 'ticket' | 'ticket_thread' }>,
): DocumentAccess | null {
  const row = findVisibleTicket(db, actor, name.id);
  if (!row) return null;
  const ticket = ticketRefOf(row);
  if (name.kind === 'ticket_thread') return 'read';
  if (name.audience === 'internal') {
    // A second lock on DESIGN.md rule 2: whatever the policy tables say, a client-org role never
    // opens an internal document.
    if (actor.tenantKind === 'client' || !canSeeInternalTicket(actor, ticket)) return null;
    return ticket.status === 'closed' ? 'read' : 'write';
  }
  return canEditTicketDescription(actor, ticket) ? 'write' : 'read';
}

/** Makes a new document kind a compile error here until it is decided. */
function unreachable(name: never): null {
  void name;
  return null;
}
