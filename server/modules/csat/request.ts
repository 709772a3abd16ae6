/**
 * Asking for a rating: when a ticket moves to `resolved`, its requester — if a client role, still
 * active and still able to see it, and the ticket not yet rated — gets a `csat_request`
 * notification whose email button is the signed rating link (`/csat/<token>`).
 */
import { eq } from 'drizzle-orm';
import { tickets } from '../../../storage/schema.ts';
import { loadActor } from '../../auth/actor.ts';
import type { AppContext } from '../../context.ts';
import type { PortalEvents } from '../../events.ts';
import { notify } from '../notifications/notify.ts';
import { findVisibleTicket } from '../tickets/access.ts';
import { findCsat } from './service.ts';
import { issueCsatToken } from './token.ts';

/** The rating page a token opens; the SPA serves it outside the signed-in shell. */
export function csatLink(ctx: Pick<AppContext, 'config'>, token: string): string {
  return new URL(`/csat/${encodeURIComponent(token)}`, ctx.config.publicUrl.origin).toString();
}

/** Sends the request for one status change, if it is a resolution the requester may rate. */
export function requestCsat(ctx: AppContext, event: PortalEvents['ticket.status_changed']): void {
  if (event.to !== 'resolved') return;
  // Unscoped by design, for the requester's id only: the ticket itself is then loaded through
  // the requester's own scope, so nobody is asked about a ticket they cannot see.
  const filed = ctx.db
    .select({ requesterId: tickets.requesterId })
    .from(tickets)
    .where(eq(tickets.id, event.ticketId))
    .get();
  const loaded = filed ? loadActor(ctx.db, filed.requesterId) : null;
  if (loaded?.user.status !== 'active' || loaded.actor.tenantKind !== 'client') return;
  const ticket = findVisibleTicket(ctx.db, loaded.actor, event.ticketId);
  if (!ticket || findCsat(ctx.db, ticket.id)) return;
  const token = issueCsatToken(ctx.secretKey, ticket.id, loaded.actor.userId);
  const link = csatLink(ctx, token);
  notify(ctx, {
    userId: loaded.actor.userId,
    tenantId: ticket.tenantId,
    type: 'csat_request',
    ticketId: ticket.id,
    title: `How did we do on ${ticket.key}?`,
    body: `“${ticket.subject}” is resolved. Tell ${ticket.servicingName ?? 'the team'} how it went: pick a rating and add a comment if you like.`,
    link,
    secrets: [link, token],
  });
}

/** Listens for resolutions for as long as the app runs. */
export function listenForResolutions(ctx: AppContext): () => void {
  return ctx.events.on('ticket.status_changed', (event) => {
    try {
      requestCsat(ctx, event);
    } catch (err) {
      // A rating request never breaks the status change that triggered it.
      ctx.log.error({ err, ticketId: event.ticketId }, 'CSAT request failed');
    }
  });
}
