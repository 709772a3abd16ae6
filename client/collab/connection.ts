/**
 * The state of one open collaboration document, and its words. Pure functions (no Yjs, no React),
 * so the client's rules for "Live" / "Syncing…" / "Offline" and for refusals are unit-tested.
 */

export type SocketStatus = 'connecting' | 'connected' | 'disconnected';

/**
 * Why a document is not available, grouped by what the person can do about it:
 * - `no-access`: the server refused this document (never had, or lost, access),
 * - `signed-out`: the session ended; sign in again,
 * - `limit`: too many documents or connections; close something and retry,
 * - `rejected`: the server refused a change (too large, or not valid under the schema); nothing
 *   of it was stored, and re-sending it would only be refused again,
 * - `error`: anything else.
 */
export type RefusalKind = 'no-access' | 'signed-out' | 'limit' | 'rejected' | 'error';

export interface CollabState {
  socket: SocketStatus;
  /** The server accepted this document on the current connection. */
  authenticated: boolean;
  /** Accepted at least once: a later refusal means access was *lost*. */
  wasAuthenticated: boolean;
  /** The first sync of the current connection has completed. */
  synced: boolean;
  /** Synced at least once: a later disconnect is "Offline", not "Connecting…". */
  everSynced: boolean;
  /** Local updates the server has not acknowledged yet (kept across a disconnect). */
  unsyncedChanges: number;
  /** The server opened the document read-only, or downgraded it (`access.changed`). */
  readOnly: boolean;
  refusal: RefusalKind | null;
  /** The server's own reason (`forbidden`, `access-revoked`, …), for logs and tests. */
  refusalReason: string | null;
}

export const INITIAL_COLLAB_STATE: CollabState = {
  socket: 'connecting',
  authenticated: false,
  wasAuthenticated: false,
  synced: false,
  everSynced: false,
  unsyncedChanges: 0,
  readOnly: false,
  refusal: null,
  refusalReason: null,
};

/** The close/refusal reasons of collab/server/close-reasons.ts, grouped by what the client does. */
const REFUSALS: Record<string, RefusalKind> = {
  forbidden: 'no-access',
  'invalid-document-name': 'no-access',
  'access-revoked': 'no-access',
  'permission-denied': 'no-access',
  unauthenticated: 'signed-out',
  'session-revoked': 'signed-out',
  'too-many-documents': 'limit',
  'document-full': 'limit',
  'message-too-large': 'rejected',
  'document-too-large': 'rejected',
  'invalid-update': 'rejected',
  'invalid-content': 'rejected',
};

export function refusalKind(reason: string): RefusalKind {
  return REFUSALS[reason] ?? 'error';
}

export type ConnectionTone = 'connecting' | 'live' | 'syncing' | 'offline' | 'refused';

export interface ConnectionView {
  tone: ConnectionTone;
  label: string;
}

function changes(count: number): string {
  return `${count} unsynced change${count === 1 ? '' : 's'}`;
}

/**
 * What the connection pill says. `slowSync` is true once local changes have waited a moment
 * for the server: every keystroke is briefly unsynced, and flashing "Syncing…" per key helps no one.
 */
export function describeConnection(state: CollabState, slowSync = false): ConnectionView {
  if (state.refusal) return { tone: 'refused', label: 'Not available' };
  if (state.socket !== 'connected') {
    if (!state.everSynced && state.unsyncedChanges === 0) return { tone: 'connecting', label: 'Connecting…' };
    return {
      tone: 'offline',
      label: state.unsyncedChanges > 0 ? `Offline — ${changes(state.unsyncedChanges)}` : 'Offline',
    };
  }
  if (!state.synced) return { tone: 'syncing', label: 'Syncing…' };
  if (state.unsyncedChanges > 0 && slowSync) return { tone: 'syncing', label: 'Syncing…' };
  return { tone: 'live', label: 'Live' };
}

/** A sentence for a refused or closed document; `what` names it ("this ticket", "the internal notes"). */
export function refusalMessage(
  kind: RefusalKind,
  wasAuthenticated: boolean,
  what = 'this ticket',
  reason: string | null = null,
): string {
  switch (kind) {
    case 'no-access':
      return wasAuthenticated ? `You no longer have access to ${what}.` : `You don’t have access to ${what}.`;
    case 'signed-out':
      return 'Your session has ended. Sign in again to keep working.';
    case 'limit':
      return 'Too many live documents are open. Close some other tabs, then reload this page.';
    case 'rejected':
      return reason === 'document-too-large' || reason === 'message-too-large'
        ? 'Your latest change was too large to save, so editing has stopped. Reload the page to continue from the saved version.'
        : 'Your latest change couldn’t be saved, so editing has stopped. Reload the page to continue from the saved version.';
    default:
      return `${what.charAt(0).toUpperCase()}${what.slice(1)} couldn’t be opened live. Reload the page to try again.`;
  }
}
