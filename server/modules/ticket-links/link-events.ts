/**
 * Timeline entries for links and merges. They go into the ticket's one timeline (the record of
 * ticket work, server/modules/tickets/timeline.ts) with their own types; links are internal, a
 * merge is something the client lives with and is client-visible.
 */
import type { Db } from '../../../storage/db.ts';
import type { Visibility } from '../../../storage/schema.ts';
import { appendTicketEvent } from '../tickets/timeline.ts';

/** The link and merge entry types, and what their `data` holds. */
export type LinkEventType =
  /** `{linkId, kind, ticket: {id, key}}`: a link to `ticket` was added. Internal. */
  | 'ticket_linked'
  /** `{linkId, kind, ticket: {id, key}}`: the link to `ticket` was removed. Internal. */
  | 'ticket_unlinked'
  /** `{ticket: {id, key}}`: this ticket was merged into `ticket` (and closed). Client-visible. */
  | 'merged_into'
  /** `{ticket: {id, key}}`: `ticket` was merged into this one. Client-visible. */
  | 'merged_from';

/** One entry on one ticket. */
export interface LinkEventInput {
  ticketId: string;
  tenantId: string;
  actorId: string;
  type: LinkEventType;
  visibility: Visibility;
  data: Record<string, unknown>;
}

/** Appends an entry; callers pass their transaction's handle. */
export function appendLinkEvent(db: Pick<Db, 'insert'>, event: LinkEventInput): void {
  appendTicketEvent(db, event);
}

/** How an entry names the other ticket: enough to link to it, nothing of its content. */
export function ticketMention(t: { id: string; key: string }): { id: string; key: string } {
  return { id: t.id, key: t.key };
}
