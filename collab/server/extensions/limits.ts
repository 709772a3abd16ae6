/**
 * Limits, each with a clear close reason (close-reasons.ts): message size, documents per
 * WebSocket, connections per document, document size. The unauthenticated queue is bounded by
 * Hocuspocus' own options, set from the same table in collab/server/index.ts.
 */
import type {
  beforeSyncPayload,
  connectedPayload,
  Extension,
  onAuthenticatePayload,
} from '@hocuspocus/server';
import type * as Y from 'yjs';
import { CLOSE, CollabRefusal } from '../close-reasons.ts';
import type { CollabContext } from '../context.ts';
import { wouldExceed } from '../document-size.ts';
import { carriesUpdate } from '../sync.ts';

export const COLLAB_LIMITS = {
  /** One WebSocket message; also ws' `maxPayload`, so a larger frame is never buffered. */
  messageBytes: 512 * 1024,
  /** Documents open on one WebSocket (one tab: an agent with many chats open). */
  documentsPerSocket: 64,
  /** Connections on one document (a busy ticket during an incident). */
  connectionsPerDocument: 500,
  /** Bytes a socket may send before its first document is authenticated. */
  unauthenticatedQueueBytes: 1024 * 1024,
  /** Messages a socket may send before its first document is authenticated. */
  unauthenticatedQueueMessages: 200,
  /**
   * A document's encoded state (what is stored and what every opener downloads): a ticket
   * description is a few KiB; 2 MiB is a pasted log file or a runaway script, not prose.
   */
  documentBytes: 2 * 1024 * 1024,
} as const;

/**
 * Whether applying `update` could grow `document` past the limit. The sum is an upper bound of
 * the merged state (an update can only add to it), so a document never grows past the limit
 * and no legitimate edit to a document below it is refused for overlap. The document is encoded
 * only when a running bound of its size says it could be close (document-size.ts).
 */
export function exceedsDocumentLimit(document: Y.Doc, update: Uint8Array): boolean {
  return wouldExceed(document, update, COLLAB_LIMITS.documentBytes);
}

/**
 * The limits extension. Its onAuthenticate runs after authentication's (lower priority): a
 * caller who may not open a document must not learn how busy it is from a `document-full`.
 */
export function limitsExtension(): Extension<CollabContext> {
  return {
    extensionName: 'limits',
    priority: 50,

    async onAuthenticate({ context, documentName, instance }: onAuthenticatePayload<CollabContext>) {
      if (context.socket.connections.size >= COLLAB_LIMITS.documentsPerSocket) {
        throw new CollabRefusal(CLOSE.tooManyDocuments);
      }
      const open = instance.documents.get(documentName)?.getConnectionsCount() ?? 0;
      if (open >= COLLAB_LIMITS.connectionsPerDocument) throw new CollabRefusal(CLOSE.documentFull);
    },

    async connected({ context, connection }: connectedPayload<CollabContext>) {
      const socket = context.socket;
      socket.connections.add(connection);
      connection.onClose(() => socket.connections.delete(connection));
      // Several documents authenticating at once all pass the check above; the count is exact
      // only now that each is registered, so the ones over the limit are closed here.
      if (
        socket.connections.size > COLLAB_LIMITS.documentsPerSocket ||
        connection.document.getConnectionsCount() > COLLAB_LIMITS.connectionsPerDocument
      ) {
        const over = socket.connections.size > COLLAB_LIMITS.documentsPerSocket;
        connection.close(over ? CLOSE.tooManyDocuments : CLOSE.documentFull);
      }
    },

    async beforeSync({ type, payload, connection, document }: beforeSyncPayload<CollabContext>) {
      // Runs before validation and the log append (higher priority): an update that would make
      // the document too large is refused before anything is parsed or stored. A read-only
      // connection's update is never applied, so it is Hocuspocus' to refuse, not ours.
      if (!carriesUpdate(type) || connection.readOnly) return;
      if (exceedsDocumentLimit(document, payload)) throw new CollabRefusal(CLOSE.documentTooLarge);
    },

    async beforeHandleMessage({ update }) {
      // ws' maxPayload already stops larger frames on the WebSocket; this keeps the limit if
      // the server is ever fed by another transport.
      if (update.byteLength > COLLAB_LIMITS.messageBytes) throw new CollabRefusal(CLOSE.messageTooLarge);
    },
  };
}
