/**
 * The collaboration server's one question to the policy: may this actor open this document, and
 * may they write to it? Authentication asks it when a document is opened; revocation asks it
 * again whenever the actor's rights change, so a connection never outlives the right it was
 * opened with.
 */

import type { Actor } from '../../server/policy/actor.ts';
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
export function authorizeDocument(_db: Db, actor: Actor, name: DocumentName): DocumentAccess | null {
  switch (name.kind) {
    case 'user':
      // The per-user channel carries pushes for one person only, and only the server writes it.
      return name.id === actor.userId ? 'read' : null;
    case 'ticket':
    case 'ticket_thread':
      // Tickets plug in here: load the ticket *through* the policy's scoped query (so an invisible
      // ticket is simply not found), refuse `audience: 'internal'` unless the actor may see
      // internal notes, and return 'read' for `content: 'record'` (clients post through the
      // server, DESIGN.md rule 4) or when the ticket is closed.
      return null;
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

/** Makes a new document kind a compile error here until it is decided. */
function unreachable(name: never): null {
  void name;
  return null;
}
