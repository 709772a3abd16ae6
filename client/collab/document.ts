/**
 * One open collaboration document: a Y.Doc, its HocuspocusProvider on the tab's shared socket,
 * and a small observable state (connection, sync, unsynced changes, read-only, refusal) for React
 * to subscribe to. No React in here, so the lifecycle is plain and easy to follow.
 */
import { HocuspocusProvider } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { parseStateless } from '../../collab/stateless.ts';
import { type CollabState, INITIAL_COLLAB_STATE, refusalKind, type SocketStatus } from './connection.ts';
import { collabSocket } from './socket.ts';

/** What every peer sees of this tab in presence; the server overwrites it with the truth anyway. */
export interface PresenceUser {
  id: string;
  name: string;
  color: string;
}

export interface StatelessMessage {
  type: string;
  [field: string]: unknown;
}

export interface CollabDocumentOptions {
  /**
   * Announces this tab in presence (awareness). Off for read-only records, where presence means
   * nothing. At least one document per socket keeps it on: its periodic awareness renewal is
   * what keeps an idle socket from timing out.
   */
  presence?: PresenceUser | null;
  /** Every stateless message the server sends on this document, parsed (see collab/stateless.ts). */
  onStateless?: (message: StatelessMessage) => void;
}

/** Closes after which the document is re-authenticated rather than given up. */
const REAUTHENTICATE_ON = new Set(['access-revoked']);

export class CollabDocument {
  readonly name: string;
  readonly doc: Y.Doc;
  readonly provider: HocuspocusProvider;
  private state: CollabState;
  private readonly listeners = new Set<() => void>();
  private destroyed = false;

  constructor(name: string, options: CollabDocumentOptions = {}) {
    this.name = name;
    this.doc = new Y.Doc();
    const socket = collabSocket();
    this.state = { ...INITIAL_COLLAB_STATE, socket: socket.status as SocketStatus };
    this.provider = new HocuspocusProvider({
      name,
      document: this.doc,
      websocketProvider: socket,
      // The browser's session cookie, sent with the upgrade, authenticates every document.
      token: null,
      ...(options.presence ? {} : { awareness: null }),
      onStatus: ({ status }) => {
        const connected = status === 'connected';
        this.update({
          socket: status as SocketStatus,
          ...(connected ? {} : { authenticated: false, synced: false }),
        });
      },
      onAuthenticated: ({ scope }) =>
        this.update({
          authenticated: true,
          wasAuthenticated: true,
          readOnly: scope === 'readonly',
          refusal: null,
          refusalReason: null,
        }),
      onAuthenticationFailed: ({ reason }) =>
        this.update({
          authenticated: false,
          synced: false,
          refusal: refusalKind(reason),
          refusalReason: reason,
        }),
      onSynced: () => this.update({ synced: true, everSynced: true }),
      onUnsyncedChanges: ({ number }) => this.update({ unsyncedChanges: number }),
      onClose: ({ event }) => this.onClose(event.reason),
      onStateless: ({ payload }) => {
        const message = parseStateless(payload);
        if (!message) return;
        // The server downgraded this connection in place; edits would only pile up unsynced.
        if (message.type === 'access.changed') this.update({ readOnly: true });
        options.onStateless?.(message);
      },
    });
    if (options.presence) this.provider.setAwarenessField('user', options.presence);
    this.provider.attach();
  }

  /** For `useSyncExternalStore`: bound, so it can be passed as is. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): CollabState => this.state;

  /**
   * Asks the server again who may do what with this document: after access was revoked (it may
   * have been narrowed, not removed) or when the REST resource says we may now write.
   */
  reauthenticate(): void {
    if (this.destroyed) return;
    this.update({ authenticated: false, synced: false, refusal: null, refusalReason: null });
    this.provider.detach();
    this.provider.attach();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.provider.destroy();
    this.doc.destroy();
    this.listeners.clear();
  }

  private onClose(reason: string): void {
    if (this.destroyed) return;
    this.update({ authenticated: false, synced: false });
    if (REAUTHENTICATE_ON.has(reason)) {
      this.reauthenticate();
      return;
    }
    const kind = reason ? refusalKind(reason) : 'error';
    // Socket-level closes (network, restart, timeout) reconnect and re-authenticate by themselves;
    // only the reasons a person has to act on become a refusal.
    if (kind !== 'error' || reason === 'message-too-large')
      this.update({ refusal: kind, refusalReason: reason });
  }

  private update(patch: Partial<CollabState>): void {
    if (this.destroyed) return;
    const next = { ...this.state, ...patch };
    const keys = Object.keys(patch) as (keyof CollabState)[];
    if (keys.every((key) => next[key] === this.state[key])) return;
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}
