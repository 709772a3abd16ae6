/**
 * Presence carries the authenticated user, never what the client claims (DESIGN.md
 * "Collaboration"): before an awareness update is applied and broadcast, its `user` field is
 * overwritten with the server's identity for the connection, and states for awareness client
 * ids that belong to another connection on the document are dropped (no hijacking a peer's
 * cursor).
 */
import type { beforeHandleAwarenessPayload, Connection, Document, Extension } from '@hocuspocus/server';
import { presenceColor } from '../../presence.ts';
import type { CollabContext, ConnectionAuth } from '../context.ts';

/** What every peer sees of a user in presence: only what their co-editors may see anyway. */
export interface PresenceUser {
  id: string;
  name: string;
  color: string;
}

/** The presence identity for an authorised connection; the colour is stable per user. */
export function presenceOf(auth: Pick<ConnectionAuth, 'userId' | 'userName'>): PresenceUser {
  return { id: auth.userId, name: auth.userName, color: presenceColor(auth.userId) };
}

/** Awareness client ids that other connections on the document have already claimed. */
function claimedByOthers(document: Document, connection: Connection): Set<number> {
  const claimed = new Set<number>();
  for (const other of document.getConnections()) {
    if (other === connection) continue;
    for (const clientId of document.getClients(other)) claimed.add(clientId);
  }
  return claimed;
}

/**
 * Rewrites an inbound awareness update in place: each state gets the server's `user`; a state
 * for a client id in `foreign` (claimed by another connection) is dropped.
 */
export function stampPresence(
  states: Map<number, Record<string, unknown>>,
  user: PresenceUser,
  foreign: ReadonlySet<number>,
): void {
  for (const [clientId, state] of states) {
    if (foreign.has(clientId)) states.delete(clientId);
    else state.user = { ...user };
  }
}

/** The awareness-identity extension. */
export function awarenessIdentityExtension(): Extension<CollabContext> {
  return {
    extensionName: 'awareness-identity',

    async beforeHandleAwareness({
      context,
      connection,
      document,
      states,
    }: beforeHandleAwarenessPayload<CollabContext>) {
      // No connection: a server-side writer (direct connection), which is trusted.
      if (!connection) return;
      const auth = context?.auth;
      if (!auth) {
        states.clear();
        return;
      }
      stampPresence(
        states,
        presenceOf({ userId: auth.presence.id, userName: auth.presence.name }),
        claimedByOthers(document, connection),
      );
    },
  };
}
