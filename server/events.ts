/**
 * In-process domain events. Rights changes are published here so every channel that holds a
 * long-lived connection (the collaboration server, later Redis fan-out) can end or downgrade it.
 */
import { EventEmitter } from 'node:events';
import type { TicketStatus } from '../storage/schema.ts';

export interface PortalEvents {
  /** These sessions no longer exist: close every connection authenticated by one of them. */
  'sessions.revoked': { userId: string; sessionIds: string[] };
  /** The user's rights changed (role, sections, deactivation): re-check their connections. */
  'user.rights_changed': { userId: string };
  /**
   * A ticket was created or its relational fields changed (status, priority, category, assignee,
   * timeline). `visibility` is the audience of what changed: 'internal' (an assignment) must not
   * be pushed to client connections as content; re-read through the policy before sending.
   */
  'ticket.changed': { ticketId: string; tenantId: string; visibility: 'client' | 'internal' };
  /** A reply was appended to a ticket's conversation; 'internal' replies reach internal readers only. */
  'ticket.reply_added': { ticketId: string; replyId: string; visibility: 'client' | 'internal' };
  /** A ticket was filed (after routing applied); `actorId` filed it. */
  'ticket.created': { ticketId: string; tenantId: string; actorId: string };
  /** A ticket's status moved; `actorId` is null for system moves (a merge, an automation). */
  'ticket.status_changed': {
    ticketId: string;
    tenantId: string;
    actorId: string | null;
    from: TicketStatus;
    to: TicketStatus;
  };
  /** A ticket was (re)assigned; internal: never content for a client. `assigneeId` null = unassigned. */
  'ticket.assigned': {
    ticketId: string;
    tenantId: string;
    actorId: string | null;
    assigneeId: string | null;
  };
  /** An SLA target of an open ticket is near breach or breached (raised once per level). */
  'sla.alert': {
    ticketId: string;
    tenantId: string;
    target: 'first_response' | 'resolution';
    level: 'near_breach' | 'breached';
  };
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
