/**
 * Rendering a canned response for one ticket: the ticket is loaded through the caller's scope
 * (not visible → 404, exactly as GET /api/tickets/:id), and `{{portal.name}}` is the portal's
 * name as the ticket's client sees it — their agency's brand, never the provider behind it.
 */
import type { Db } from '../../../storage/db.ts';
import type { Caller } from '../../http/caller.ts';
import { notFound } from '../../http/errors.ts';
import { effectiveBranding } from '../../tenancy/branding.ts';
import { findVisibleTicket } from '../tickets/access.ts';
import { fillPlaceholders, firstNameOf } from './placeholders.ts';
import type { CannedRow } from './queries.ts';

/** The canned response's text with the ticket's values filled in. */
export function renderCannedFor(db: Db, caller: Caller, canned: CannedRow, ticketId: string): string {
  const ticket = findVisibleTicket(db, caller.actor, ticketId);
  if (!ticket) throw notFound('ticket');
  return fillPlaceholders(canned.body, {
    'client.name': ticket.requesterName,
    'client.firstName': firstNameOf(ticket.requesterName),
    'org.name': ticket.tenantName,
    'ticket.key': ticket.key,
    'ticket.subject': ticket.subject,
    'agent.name': caller.name,
    'portal.name': effectiveBranding(db, ticket.tenantId).portalName,
  });
}
