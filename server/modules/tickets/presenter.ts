/**
 * TicketView, timeline entries and replies (docs/API.md): each field picked by hand. What a
 * client role receives is decided here, per field, from the policy: no internal entry, no
 * assignee, and no identity of anyone outside their own org — the provider's and the agency's
 * people appear as the servicing organisation (white-label: Globex sees "Acme Agency", never the
 * provider behind it, and never an agent's id or internal role).
 */
import { type Actor, canSeeInternalTicket, ticketAbilities } from '../../policy/index.ts';
import { slaViewFor } from '../sla/view.ts';
import { clientFacingPerson, type TicketRow, ticketRefOf } from './access.ts';
import type { HistoryPerson, ReplyRow, TimelineRow } from './history.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A person on a ticket as this actor may see them. */
export interface TicketPersonView {
  /** null when the person is hidden behind their organisation (client viewers, agents). */
  id: string | null;
  name: string;
}

/** Whoever may see the ticket's internal side sees everyone as themselves; others as `clientFacingPerson` says. */
function personFor(
  actor: Actor,
  ticket: TicketRow,
  p: { id: string; name: string; tenantId: string | null },
): TicketPersonView {
  return canSeeInternalTicket(actor, ticketRefOf(ticket))
    ? { id: p.id, name: p.name }
    : clientFacingPerson(p, ticket);
}

/** The wire shape of a ticket as the actor sees it. */
export function presentTicket(actor: Actor, row: TicketRow) {
  const abilities = ticketAbilities(actor, ticketRefOf(row));
  const requester = { id: row.requesterId, name: row.requesterName, tenantId: row.requesterTenantId };
  return {
    id: row.id,
    key: row.key,
    subject: row.subject,
    category: row.category,
    priority: row.priority,
    status: row.status,
    org: { id: row.tenantId, name: row.tenantName },
    requester: personFor(actor, row, requester),
    // Who works a ticket is internal: a client learns only that someone does.
    assignee:
      abilities.seeInternal && row.assigneeId ? { id: row.assigneeId, name: row.assigneeName ?? '' } : null,
    assigned: row.assigneeId !== null,
    /** The routing team; internal. */
    team: abilities.seeInternal ? row.team : null,
    /** The ticket this one was merged into, if any (it is then closed). */
    mergedIntoId: row.mergedIntoId,
    descriptionText: row.descriptionText,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    firstResponseAt: iso(row.firstResponseAt),
    resolvedAt: iso(row.resolvedAt),
    closedAt: iso(row.closedAt),
    /** SLA clocks for the service side; null for client roles (see sla/view.ts). */
    sla: slaViewFor(row, abilities.seeInternal),
    abilities,
    documents: {
      description: `ticket:${row.id}`,
      internal: abilities.seeInternal ? `ticket:${row.id}:internal` : null,
      thread: `ticket:${row.id}:thread`,
    },
  };
}
export type TTicketView = ReturnType<typeof presentTicket>;

/** A timeline entry as the actor sees it (internal entries never reach this for a client). */
export function presentTimelineEntry(actor: Actor, ticket: TicketRow, row: TimelineRow) {
  return {
    id: row.id,
    type: row.type,
    actor: row.actor ? personFor(actor, ticket, row.actor) : null,
    data: row.data ?? {},
    visibility: row.visibility,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The author's role where the viewer may know it: internal roles never reach a client. */
function roleFor(actor: Actor, ticket: TicketRow, author: HistoryPerson) {
  if (canSeeInternalTicket(actor, ticketRefOf(ticket)) || author.tenantId === ticket.tenantId)
    return author.role;
  return null;
}

/** A reply as the actor sees it (internal notes never reach this for a client). */
export function presentReply(actor: Actor, ticket: TicketRow, row: ReplyRow) {
  return {
    id: row.id,
    author: { ...personFor(actor, ticket, row.author), role: roleFor(actor, ticket, row.author) },
    visibility: row.visibility,
    body: row.body,
    createdAt: row.createdAt.toISOString(),
  };
}
