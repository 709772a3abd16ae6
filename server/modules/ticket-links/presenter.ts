/** LinkView and the links answer of a ticket (docs/API.md "Ticket links and merges"), each field picked by hand. */
import { type Actor, canUpdateTicket } from '../../policy/index.ts';
import { findVisibleTicket, type TicketRow, ticketRefOf } from '../tickets/access.ts';
import type { TicketDeps } from '../tickets/create.ts';
import type { LinkFromTicket } from './links.ts';

/** Another ticket as a link shows it: enough to recognise and open it. */
function ticketSummary(t: TicketRow) {
  return { id: t.id, key: t.key, subject: t.subject, status: t.status };
}

/** One link as seen from one of its tickets. */
export function presentLink(actor: Actor, ticket: TicketRow, l: LinkFromTicket) {
  return {
    id: l.link.id,
    kind: l.link.kind,
    ticket: ticketSummary(l.other),
    /** This link records a merge between the two tickets. */
    merge: l.isMerge,
    createdAt: l.link.createdAt.toISOString(),
    abilities: { remove: !l.isMerge && canUpdateTicket(actor, ticketRefOf(ticket)) },
  };
}
export type TLinkView = ReturnType<typeof presentLink>;

/**
 * `GET /api/tickets/:id/links`: the links (service side only), the ticket this one was merged
 * into — only when the caller may see that ticket too — and what the caller may do here.
 */
export function presentLinks(
  deps: Pick<TicketDeps, 'db'>,
  actor: Actor,
  ticket: TicketRow,
  links: LinkFromTicket[],
) {
  const survivor = ticket.mergedIntoId ? findVisibleTicket(deps.db, actor, ticket.mergedIntoId) : undefined;
  const update = canUpdateTicket(actor, ticketRefOf(ticket));
  return {
    links: links.map((l) => presentLink(actor, ticket, l)),
    mergedInto: survivor ? ticketSummary(survivor) : null,
    abilities: { link: update, merge: update && ticket.mergedIntoId === null },
  };
}
export type TTicketLinks = ReturnType<typeof presentLinks>;
