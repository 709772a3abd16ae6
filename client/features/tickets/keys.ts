/**
 * Query keys for tickets, in a file with no imports: the shell's live-update listener invalidates
 * them without pulling the ticket pages into the entry chunk.
 */

/** The filters `GET /api/tickets` takes; every value is a query-string value. */
export interface TicketFilters {
  status?: string;
  priority?: string;
  category?: string;
  orgId?: string;
  assignee?: string;
  requester?: string;
  q?: string;
  sort?: string;
}

export const ticketKeys = {
  /** Every ticket list (the tickets page, the dashboard card), whatever the filters. */
  lists: ['tickets'] as const,
  list: (filters: TicketFilters) => ['tickets', filters] as const,
  /** One ticket and everything under it (events, replies): invalidating this refreshes them all. */
  ticket: (id: string) => ['ticket', id] as const,
  events: (id: string) => ['ticket', id, 'events'] as const,
  replies: (id: string) => ['ticket', id, 'replies'] as const,
  /** `GET /api/tickets/:id/queue`; set by the `queue.changed` push on the user channel. */
  queue: (id: string) => ['ticket', id, 'queue'] as const,
  assignees: (orgId: string) => ['ticket-assignees', orgId] as const,
  clientOrgs: ['tenants', { kind: 'client' }] as const,
};
