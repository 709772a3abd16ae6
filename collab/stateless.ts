/**
 * Stateless messages the server sends over the collaboration WebSocket (JSON strings in the
 * Hocuspocus stateless channel). Shared by server and client so both read the same shapes.
 */

/** Sent on a document whose connection was downgraded to read-only while open. */
export interface AccessChangedNotice {
  type: 'access.changed';
  access: 'read';
}

/**
 * A push on the per-user channel `user:<id>`. Each kind (notification, queue position) adds its
 * own `type` and fields with the module that sends it; the client ignores types it does not know.
 */
export interface UserPush {
  type: string;
  [field: string]: unknown;
}

/** Parses a stateless payload into an object with a `type`, or null for anything else. */
export function parseStateless(payload: string): { type: string; [field: string]: unknown } | null {
  try {
    const value: unknown = JSON.parse(payload);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
    const type: unknown = (value as { type?: unknown }).type;
    return typeof type === 'string' ? (value as UserPush) : null;
  } catch {
    return null;
  }
}

/**
 * Sent on `ticket:<id>` when something client-visible about the ticket changed (status, a public
 * reply): the client refetches the ticket through REST, which the policy filters. Nothing else
 * travels in it.
 */
export interface TicketChangedNotice {
  type: 'ticket.changed';
  ticketId: string;
}

/** Sent only on `ticket:<id>:internal` when internal content changed (a note, an assignment). */
export interface TicketInternalChangedNotice {
  type: 'ticket.internal_changed';
  ticketId: string;
}

/** Pushed on `user:<id>` when a ticket the user may see changed: ticket lists refetch. */
export interface TicketsChangedPush extends UserPush {
  type: 'tickets.changed';
}

/**
 * Pushed on `user:<id>` when the queue place of a ticket the user may see moved (tickets ahead
 * were served, it entered or left a queue, the queue grew or shrank). Counts only: nothing of the
 * other tickets in the queue, which may be other tenants'. `position` is null once the ticket no
 * longer waits (pending_client, resolved, closed). The estimate is not pushed: refetch
 * `GET /api/tickets/:id/queue` for it.
 */
export interface QueueChangedPush extends UserPush {
  type: 'queue.changed';
  ticketId: string;
  position: number | null;
  total: number;
  priority: 'low' | 'medium' | 'high' | 'critical';
}

/**
 * Pushed on `user:<id>` when the user's notifications changed (a new one, or marked read in
 * another tab): the bell shows `unread` at once and the inbox refetches.
 */
export interface NotificationsChangedPush extends UserPush {
  type: 'notifications.changed';
  unread: number;
}
