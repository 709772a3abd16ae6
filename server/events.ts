/**
 * In-process domain events. Rights changes are published here so every channel that holds a
 * long-lived connection (the collaboration server, later Redis fan-out) can end or downgrade it.
 */
import { EventEmitter } from 'node:events';

export interface PortalEvents {
  /** These sessions no longer exist: close every connection authenticated by one of them. */
  'sessions.revoked': { userId: string; sessionIds: string[] };
  /** The user's rights changed (role, sections, deactivation): re-check their connections. */
  'user.rights_changed': { userId: string };
}

export class PortalEventBus {
  readonly #emitter = new EventEmitter();

  emit<K extends keyof PortalEvents>(name: K, payload: PortalEvents[K]): void {
    this.#emitter.emit(name, payload);
  }

  on<K extends keyof PortalEvents>(name: K, listener: (payload: PortalEvents[K]) => void): () => void {
    this.#emitter.on(name, listener);
    return () => this.#emitter.off(name, listener);
  }
}
