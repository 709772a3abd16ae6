/**
 * `ticket:<id>:thread`: the ticket's public conversation as a read-only document, a projection of
 * the SQL replies (`Y.Array('replies')` of Y.Maps `{id, authorId, authorName, body, createdAt}`,
 * the author as a client may see them).
 * Rebuilt from SQL on every load and never logged (persistence skips it). Only `client` replies
 * are ever read for it: internal notes never enter a document a client can open.
 *
 * The server's Y.Doc uses one fixed client id and builds replies with the same operations in the
 * same order, so a rebuilt document has the same item ids as the one a long-lived tab already
 * holds: when that tab reconnects after an unload or a restart, nothing is duplicated.
 */
import type { Extension, Hocuspocus, onLoadDocumentPayload } from '@hocuspocus/server';
import * as Y from 'yjs';
import { listTicketReplies, type ThreadReply } from '../../../server/modules/tickets/access.ts';
import type { Db } from '../../../storage/db.ts';
import { formatDocumentName, parseDocumentName } from '../../names.ts';
import type { CollabContext } from '../context.ts';

/** The shared type holding the replies. */
export const THREAD_FIELD = 'replies';

/** The server's Yjs client id in every thread document (clients only read them). */
const THREAD_CLIENT_ID = 0x7ead;

/** Appends, oldest first, every public reply the document does not hold yet. */
function appendMissing(doc: Y.Doc, replies: ThreadReply[]): void {
  const array = doc.getArray<Y.Map<string>>(THREAD_FIELD);
  const present = new Set(array.toArray().map((reply) => reply.get('id')));
  for (const reply of replies) {
    if (reply.visibility !== 'client' || present.has(reply.id)) continue;
    // One push per reply, fields in one order: the same operations whether live or rebuilt.
    array.push([
      new Y.Map<string>([
        ['id', reply.id],
        // Clients read this document: the author as a client may see them (an agent appears as
        // their servicing organisation, never by name or id — white-label); '' = no id to show.
        ['authorId', reply.publicAuthor.id ?? ''],
        ['authorName', reply.publicAuthor.name],
        ['body', reply.body],
        ['createdAt', reply.createdAt.toISOString()],
      ]),
    ]);
  }
}

/**
 * Brings a loaded (or loading) thread document up to date with SQL through a server-side
 * connection; does nothing when nobody has it open (the next load reads SQL anyway).
 */
export async function refreshTicketThread(hocuspocus: Hocuspocus<CollabContext>, db: Db, ticketId: string) {
  const name = formatDocumentName({
    kind: 'ticket_thread',
    id: ticketId,
    audience: 'client',
    content: 'record',
  });
  if (!hocuspocus.documents.has(name) && !hocuspocus.loadingDocuments.has(name)) return;
  const connection = await hocuspocus.openDirectConnection(name);
  try {
    await connection.transact((doc) => appendMissing(doc, listTicketReplies(db, ticketId, ['client'])));
  } finally {
    await connection.disconnect();
  }
}

/** Builds every thread document from SQL when it is loaded. */
export function ticketThreadExtension(db: Db): Extension<CollabContext> {
  return {
    extensionName: 'ticket-thread',

    async onLoadDocument({ documentName, document }: onLoadDocumentPayload<CollabContext>) {
      const name = parseDocumentName(documentName);
      if (name?.kind !== 'ticket_thread') return;
      document.clientID = THREAD_CLIENT_ID;
      document.transact(() => appendMissing(document, listTicketReplies(db, name.id, ['client'])));
    },
  };
}
