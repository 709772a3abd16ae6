/**
 * Rights are checked for as long as a connection lives, not only when it connects (STYLE.md
 * anti-patterns). Listens to the portal's events and, synchronously on each one:
 * - `sessions.revoked`: closes every document connection authorised by a revoked session, and
 *   the whole WebSocket when its upgrade was (the provider then reconnects and is refused);
 * - `user.rights_changed`: reloads the actor and re-asks the policy for each of the user's open
 *   documents — closes what is no longer allowed, downgrades write → read in place;
 * - `ticket.changed`: the same for every connection on that ticket's documents (a closed ticket's
 *   description turns read-only; a ticket moved out of someone's reach closes).
 */
import type { Connection, connectedPayload, Extension, Hocuspocus } from '@hocuspocus/server';
import { loadActor } from '../../../server/auth/actor.ts';
import type { AppContext } from '../../../server/context.ts';
import type { PortalEvents } from '../../../server/events.ts';
import type { Actor } from '../../../server/policy/actor.ts';
import { formatDocumentName } from '../../names.ts';
import type { AccessChangedNotice } from '../../stateless.ts';
import { authorizeDocument } from '../authorize.ts';
import { CLOSE } from '../close-reasons.ts';
import {
  authorisedConnections,
  type CollabContext,
  type ConnectionAuth,
  contextOf,
  type DocumentAccess,
} from '../context.ts';
import type { RightsClock } from '../rights-clock.ts';

/**
 * What to do with an open connection once the policy answers anew: close it when the answer is
 * no; downgrade write to read in place; otherwise keep it. Read → write is not upgraded in
 * place: the client was told read-only and gets write by re-authenticating.
 */
export function accessAfterChange(
  current: DocumentAccess,
  next: DocumentAccess | null,
): 'keep' | 'downgrade' | 'close' {
  if (next === null) return 'close';
  return current === 'write' && next === 'read' ? 'downgrade' : 'keep';
}

/** The revocation extension: subscribes on configure, unsubscribes on destroy. */
export function revocationExtension(ctx: AppContext, clock: RightsClock): Extension<CollabContext> {
  const log = ctx.log.child({ module: 'collab' });
  let unsubscribe: (() => void)[] = [];

  const sessionsRevoked = (
    hocuspocus: Hocuspocus,
    { userId, sessionIds }: PortalEvents['sessions.revoked'],
  ) => {
    clock.tick(userId);
    const revoked = new Set(sessionIds);
    let closed = 0;
    for (const { connection, auth } of [...authorisedConnections(hocuspocus)]) {
      const socket = contextOf(connection)?.socket;
      if (revoked.has(auth.sessionId)) {
        connection.close(CLOSE.sessionRevoked);
        closed++;
      }
      // A socket opened with a revoked cookie would only be refused for its next document;
      // closing it now makes the provider reconnect and learn that at once. (A socket with no
      // document open is not found here; every document it opens later is refused anyway.)
      if (socket?.sessionId && revoked.has(socket.sessionId)) socket.close(CLOSE.sessionRevoked);
    }
    if (closed > 0) log.info({ userId, closed }, 'collab: closed connections of revoked sessions');
  };

  const rightsChanged = (hocuspocus: Hocuspocus, { userId }: PortalEvents['user.rights_changed']) => {
    clock.tick(userId);
    const affected = [...authorisedConnections(hocuspocus)].filter(({ auth }) => auth.userId === userId);
    if (affected.length === 0) return;
    // A deactivated user or tenant has no actor: every connection of theirs closes.
    const actor = loadActor(ctx.db, userId)?.actor ?? null;
    for (const { connection, auth } of affected) recheck(connection, auth, actor);
    log.info(
      { userId, connections: affected.length },
      'collab: re-checked connections after a rights change',
    );
  };

  const ticketChanged = (hocuspocus: Hocuspocus, { ticketId }: PortalEvents['ticket.changed']) => {
    const names = new Set([
      formatDocumentName({ kind: 'ticket', id: ticketId, audience: 'client', content: 'prose' }),
      formatDocumentName({ kind: 'ticket', id: ticketId, audience: 'internal', content: 'prose' }),
      formatDocumentName({ kind: 'ticket_thread', id: ticketId, audience: 'client', content: 'record' }),
    ]);
    const actors = new Map<string, Actor | null>();
    for (const { connection, auth } of [...authorisedConnections(hocuspocus)]) {
      if (!names.has(connection.document.name)) continue;
      if (!actors.has(auth.userId)) actors.set(auth.userId, loadActor(ctx.db, auth.userId)?.actor ?? null);
      recheck(connection, auth, actors.get(auth.userId) ?? null);
    }
  };

  const recheck = (connection: Connection, auth: ConnectionAuth, actor: Actor | null) => {
    const next = actor ? authorizeDocument(ctx.db, actor, auth.document) : null;
    const decision = accessAfterChange(auth.access, next);
    if (decision === 'close' || !actor) {
      connection.close(CLOSE.accessRevoked);
      return;
    }
    auth.actor = actor;
    auth.rightsTick = clock.now(auth.userId);
    if (decision === 'downgrade') {
      // Hocuspocus reads `readOnly` on every incoming update, so this takes effect at once; the
      // notice lets the editor switch to read-only instead of piling up unsynced edits.
      connection.readOnly = true;
      auth.access = 'read';
      const notice: AccessChangedNotice = { type: 'access.changed', access: 'read' };
      connection.sendStateless(JSON.stringify(notice));
    }
  };

  return {
    extensionName: 'revocation',
    priority: 40,

    async onConfigure({ instance }) {
      unsubscribe = [
        ctx.events.on('sessions.revoked', (event) => sessionsRevoked(instance, event)),
        ctx.events.on('user.rights_changed', (event) => rightsChanged(instance, event)),
        ctx.events.on('ticket.changed', (event) => ticketChanged(instance, event)),
      ];
    },

    async connected({ context, connection }: connectedPayload<CollabContext>) {
      // An event that fired while this document was loading could not find the connection:
      // the clock tells, and the client re-authenticates against the current rights.
      const auth = context.auth;
      if (auth && clock.now(auth.userId) !== auth.rightsTick) connection.close(CLOSE.accessRevoked);
    },

    async onDestroy() {
      for (const off of unsubscribe) off();
      unsubscribe = [];
    },
  };
}
