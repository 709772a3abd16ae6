/**
 * The typed context of a collaboration connection. Hocuspocus types its context as `any`; every
 * extension here goes through these types instead.
 *
 * Hocuspocus copies the upgrade's context (`{ socket }`) once per document, so `socket` is shared
 * by every document opened on one WebSocket while `auth` belongs to one document connection.
 */
import { randomUUID } from 'node:crypto';
import type { Connection, Hocuspocus } from '@hocuspocus/server';
import type { WebSocket } from 'ws';
import type { Actor } from '../../server/policy/actor.ts';
import type { DocumentName } from '../names.ts';
import type { CloseReason } from './close-reasons.ts';

/** What a connection may do to its document. */
export type DocumentAccess = 'write' | 'read';

/** Set by the authentication extension once a document connection is authorised. */
export interface ConnectionAuth {
  actor: Actor;
  userId: string;
  /** The user's own name. */
  userName: string;
  /**
   * Who co-editors see in presence: the user, or — on a client-visible ticket document, for
   * someone outside the client's org — the servicing organisation under a pseudonymous id.
   */
  presence: { id: string; name: string };
  /** The session that authorised this connection; its revocation closes the connection. */
  sessionId: string;
  document: DocumentName;
  access: DocumentAccess;
  /** The user's `RightsClock` reading when the rights were checked. */
  rightsTick: number;
}

/** One WebSocket, shared by every document its tab opens. */
export class CollabSocket {
  readonly id: string = randomUUID();
  /** The session the upgrade request carried, if it was valid then. */
  readonly sessionId: string | null;
  /** Document connections established on this socket (the per-socket limit counts them). */
  readonly connections = new Set<Connection>();
  // Private fields: a context may end up in a log line; the token and socket must not.
  readonly #token: string | null;
  readonly #ws: WebSocket;

  constructor(ws: WebSocket, upgrade: { token: string; sessionId: string } | null) {
    this.#ws = ws;
    this.#token = upgrade?.token ?? null;
    this.sessionId = upgrade?.sessionId ?? null;
  }

  /** The session token of the upgrade request (cookie or bearer), re-validated per document. */
  get sessionToken(): string | null {
    return this.#token;
  }

  /** Closes the whole WebSocket: the provider reconnects and re-authenticates every document. */
  close(why: CloseReason): void {
    if (this.#ws.readyState === this.#ws.OPEN) this.#ws.close(why.code, why.reason);
  }
}

export interface CollabContext {
  socket: CollabSocket;
  auth?: ConnectionAuth;
}

/** The typed context of a Hocuspocus connection, or null for one this server did not create. */
export function contextOf(connection: Connection): CollabContext | null {
  const context: unknown = connection.context;
  if (typeof context !== 'object' || context === null || !('socket' in context)) return null;
  return context.socket instanceof CollabSocket ? (context as CollabContext) : null;
}

/**
 * Every authorised WebSocket connection, across all loaded documents. A scan rather than an
 * index: it runs on rare events (sign-out, a role change) and can never drift out of step with
 * Hocuspocus' own bookkeeping.
 */
export function* authorisedConnections(
  hocuspocus: Hocuspocus<CollabContext>,
): Generator<{ connection: Connection; auth: ConnectionAuth }> {
  for (const document of hocuspocus.documents.values()) {
    for (const connection of document.getConnections()) {
      const auth = contextOf(connection)?.auth;
      if (auth) yield { connection, auth };
    }
  }
}
