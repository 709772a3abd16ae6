/**
 * Presence carries the authenticated user, never what the client claims (DESIGN.md
 * "Collaboration"): before an awareness update is applied and broadcast, its `user` field is
 * overwritten with the server's identity for the connection, and states for awareness client
 * ids that belong to another connection on the document are dropped (no hijacking a peer's
 * cursor). Then each connection's presence is throttled (awareness-throttle.ts): what is held
 * is already stamped, and is checked for claims again when it goes out.
 */
import type { beforeHandleAwarenessPayload, Connection, Document, Extension } from '@hocuspocus/server';
import { presenceColor } from '../../presence.ts';
import { AwarenessThrottle, applyHeldAwareness } from '../awareness-throttle.ts';
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

/** Each authorised connection's presence identity, made once (the auth never changes). */
const identities = new WeakMap<ConnectionAuth, PresenceUser>();

function identityOf(auth: ConnectionAuth): PresenceUser {
  let user = identities.get(auth);
  if (!user) {
    user = presenceOf({ userId: auth.presence.id, userName: auth.presence.name });
    identities.set(auth, user);
  }
  return user;
}

/**
 * Awareness client ids other connections on the document have already claimed. A client id the
 * connection itself owns (the steady state: it re-sends its own state) is answered without
 * looking at the other connections — claims are exclusive: an id another connection holds is
 * dropped here, and this hook and Hocuspocus' apply run in one turn — so only a new id is
 * checked against them.
 */
function claimedByOthers(document: Document, connection: Connection): Pick<ReadonlySet<number>, 'has'> {
  const own = document.getClients(connection);
  return {
    has(clientId: number) {
      if (own.has(clientId)) return false;
      for (const other of document.getConnections()) {
        if (other !== connection && document.getClients(other).has(clientId)) return true;
      }
      return false;
    },
  };
}

/**
 * Rewrites an inbound awareness update in place: each state gets the server's `user`; a state
 * for a client id in `foreign` (claimed by another connection) is dropped.
 */
export function stampPresence(
  states: Map<number, Record<string, unknown>>,
  user: PresenceUser,
  foreign: Pick<ReadonlySet<number>, 'has'>,
): void {
  for (const [clientId, state] of states) {
    if (foreign.has(clientId)) states.delete(clientId);
    else state.user = { ...user };
  }
}

/** The awareness-identity extension. */
export function awarenessIdentityExtension(throttle = new AwarenessThrottle()): Extension<CollabContext> {
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
      const user = identityOf(auth);
      stampPresence(states, user, claimedByOthers(document, connection));
      throttle.admit(connection, states, (held) => {
        // Gone meanwhile: its presence was removed with it and must not come back.
        if (document.isDestroyed || !document.hasConnection(connection)) return;
        stampPresence(held, user, claimedByOthers(document, connection));
        if (held.size > 0) applyHeldAwareness(document, connection, held);
      });
    },
  };
}
