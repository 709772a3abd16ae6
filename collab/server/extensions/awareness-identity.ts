/**
 * Presence carries the authenticated user, never what the client claims (DESIGN.md
 * "Collaboration"): before an awareness update is applied and broadcast, its `user` field is
 * overwritten with the server's identity for the connection, and states for awareness client
 * ids that belong to another connection on the document are dropped (no hijacking a peer's
 * cursor).
 */
import type { beforeHandleAwarenessPayload, Connection, Document, Extension } from '@hocuspocus/server';
import type { CollabContext, ConnectionAuth } from '../context.ts';

/** What every peer sees of a user in presence: only what their co-editors may see anyway. */
export interface PresenceUser {
  id: string;
  name: string;
  color: string;
}

/** Distinct, legible on white and with white text (WCAG AA against #fff for the caret label). */
const PALETTE = [
  '#b91c1c',
  '#c2410c',
  '#a16207',
  '#15803d',
  '#0f766e',
  '#0369a1',
  '#1d4ed8',
  '#6d28d9',
  '#a21caf',
  '#be185d',
] as const;

/** The presence identity for an authorised connection; the colour is stable per user. */
export function presenceOf(auth: Pick<ConnectionAuth, 'userId' | 'userName'>): PresenceUser {
  let hash = 0;
  for (const char of auth.userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return { id: auth.userId, name: auth.userName, color: PALETTE[hash % PALETTE.length]! };
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
