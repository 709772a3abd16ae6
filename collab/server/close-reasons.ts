/**
 * Every reason the collaboration server refuses or closes something, in one list, so a client
 * can act on the reason (sign in again, re-open the document, show "too many tabs") and the
 * codes stay in step with Hocuspocus' own (4401 Unauthorized, 4403 Forbidden, 1009 too big).
 */

export interface CloseReason {
  code: number;
  reason: string;
}

export const CLOSE = {
  /** No valid, fully signed-in session: the client should sign in again. */
  unauthenticated: { code: 4401, reason: 'unauthenticated' },
  /** The session behind this connection was revoked (sign-out, password change, deactivation). */
  sessionRevoked: { code: 4401, reason: 'session-revoked' },
  /** The name does not parse. Same answer shape as `forbidden`: the name reveals nothing. */
  invalidName: { code: 4403, reason: 'invalid-document-name' },
  /** Unknown or not visible to this actor; deliberately one answer for both (no existence leak). */
  forbidden: { code: 4403, reason: 'forbidden' },
  /** A right changed while the document was open: re-authenticate to learn the new access. */
  accessRevoked: { code: 4403, reason: 'access-revoked' },
  /** A single WebSocket message over `COLLAB_LIMITS.messageBytes`. */
  messageTooLarge: { code: 1009, reason: 'message-too-large' },
  /** This WebSocket already has `COLLAB_LIMITS.documentsPerSocket` documents open. */
  tooManyDocuments: { code: 4429, reason: 'too-many-documents' },
  /** The document already has `COLLAB_LIMITS.connectionsPerDocument` connections. */
  documentFull: { code: 4429, reason: 'document-full' },
  /** The update does not decode or does not apply (garbage, truncated, dangling references). */
  invalidUpdate: { code: 4400, reason: 'invalid-update' },
  /** The update would make the document invalid under the editor schema; nothing was stored. */
  invalidContent: { code: 4422, reason: 'invalid-content' },
  /** The update would grow the document past `COLLAB_LIMITS.documentBytes`; nothing was stored. */
  documentTooLarge: { code: 4413, reason: 'document-too-large' },
  /** The process is stopping; reconnect (to this node once it is back, or another). */
  shuttingDown: { code: 1001, reason: 'server-shutting-down' },
} as const satisfies Record<string, CloseReason>;

/**
 * Thrown from a Hocuspocus hook to refuse: Hocuspocus reads `reason` (sent to the provider as
 * "permission denied" from onAuthenticate) and `code` (the close code from message hooks).
 * The message is left empty on purpose: Hocuspocus console.error()s every hook error that has
 * a message, and a refusal is an expected answer, logged by us at debug level instead.
 */
export class CollabRefusal extends Error {
  readonly code: number;
  readonly reason: string;

  constructor(close: CloseReason) {
    super('');
    this.name = 'CollabRefusal';
    this.code = close.code;
    this.reason = close.reason;
  }
}
