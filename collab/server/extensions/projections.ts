/**
 * Y → SQL, one way (DESIGN.md rule 3): when a document is stored, what lists and search need is
 * derived from it and written through the owning module's service function. A client never
 * changes a relational field by editing a document: only derived text flows this way.
 *
 * - `ticket:<id>`: the plain text of the description → `tickets.description_text`. The title
 *   (subject) stays relational. The internal document is never projected: its text must not reach
 *   anything a client can read.
 */
import type { Extension, onStoreDocumentPayload } from '@hocuspocus/server';
import type { AppContext } from '../../../server/context.ts';
import { setTicketDescriptionText } from '../../../server/modules/tickets/access.ts';
import { parseDocumentName } from '../../names.ts';
import type { CollabContext } from '../context.ts';
import { plainTextOf } from '../prose.ts';

/** The projections extension; its onStoreDocument runs after persistence's (lower priority). */
export function projectionsExtension(ctx: AppContext): Extension<CollabContext> {
  const log = ctx.log.child({ module: 'collab' });
  return {
    extensionName: 'projections',
    priority: 15,

    async onStoreDocument({ documentName, document }: onStoreDocumentPayload<CollabContext>) {
      const name = parseDocumentName(documentName);
      if (name?.kind !== 'ticket' || name.audience !== 'client') return;
      try {
        setTicketDescriptionText(ctx.db, name.id, plainTextOf(document));
      } catch (err) {
        // The document itself is stored (persistence ran first); the next store projects again.
        log.error({ err, document: documentName }, 'collab: projecting the ticket description failed');
      }
    },
  };
}
