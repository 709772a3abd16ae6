/**
 * CSAT routes. Signed in: `GET|POST /api/tickets/:id/csat`. From the emailed link, without a
 * session: `GET|POST /api/csat/:token` — the GET only reads (mail scanners follow links), the POST
 * records; both are rate limited per IP like the magic-link routes, and the POST passes the
 * app-wide same-origin guard like every state-changing request.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { loadActor } from '../../auth/actor.ts';
import { LIMITS } from '../../auth/rate-limit.ts';
import type { AppContext } from '../../context.ts';
import { callerOf } from '../../http/caller.ts';
import { notFound } from '../../http/errors.ts';
import { parse } from '../../http/validate.ts';
import { type Actor, canRateTicket, canSeeCsatRating } from '../../policy/index.ts';
import { findVisibleTicket, type TicketRow, ticketRefOf } from '../tickets/access.ts';
import { ZTicketParams } from '../tickets/schema.ts';
import { listenForResolutions } from './request.ts';
import { ZCsatRating, ZCsatTokenParams } from './schema.ts';
import { alreadyRated, type CsatRow, findCsat, rateRefusal, recordCsat } from './service.ts';
import { verifyCsatToken } from './token.ts';

/** The rating as this actor may see it: content for the service side and the rater, else null. */
function presentCsat(actor: Actor, ticket: TicketRow, row: CsatRow | undefined) {
  const visible = row && canSeeCsatRating(actor, ticketRefOf(ticket), row.raterId) ? row : null;
  return {
    rated: row !== undefined,
    csat: visible
      ? {
          rating: visible.rating,
          comment: visible.comment,
          rater: { id: visible.raterId, name: visible.raterName },
          createdAt: visible.createdAt.toISOString(),
        }
      : null,
    abilities: { rate: row === undefined && canRateTicket(actor, ticketRefOf(ticket)) },
  };
}

/**
 * The rater and ticket a link names, or 404 for a bad, forged or expired token, a person who can
 * no longer sign in or is no longer a client, or a ticket out of their sight.
 */
function fromToken(ctx: AppContext, req: FastifyRequest): { actor: Actor; ticket: TicketRow } {
  ctx.limiter.consume(`ip:csat:${req.ip}`, LIMITS.magicLinkVerifyPerIp);
  const { token } = parse(ZCsatTokenParams, req.params);
  const claim = verifyCsatToken(ctx.secretKey, token);
  const loaded = claim ? loadActor(ctx.db, claim.userId) : null;
  if (!claim || !loaded || loaded.actor.tenantKind !== 'client') throw notFound('rating link');
  const ticket = findVisibleTicket(ctx.db, loaded.actor, claim.ticketId);
  if (!ticket) throw notFound('rating link');
  return { actor: loaded.actor, ticket };
}

/** Registers the CSAT routes and the listener that asks for ratings on resolution. */
export function csatRoutes(app: FastifyInstance, ctx: AppContext): void {
  const stopListening = listenForResolutions(ctx);
  app.addHook('onClose', async () => stopListening());

  app.get('/api/tickets/:id/csat', async (req) => {
    const { actor } = callerOf(req);
    const { id } = parse(ZTicketParams, req.params);
    const ticket = findVisibleTicket(ctx.db, actor, id);
    if (!ticket) throw notFound('ticket');
    return presentCsat(actor, ticket, findCsat(ctx.db, ticket.id));
  });

  app.post('/api/tickets/:id/csat', async (req, reply) => {
    const caller = callerOf(req);
    const { id } = parse(ZTicketParams, req.params);
    const ticket = findVisibleTicket(ctx.db, caller.actor, id);
    if (!ticket) throw notFound('ticket');
    const refusal = rateRefusal(caller.actor, ticket);
    if (refusal?.status === 403) throw refusal;
    const input = parse(ZCsatRating, req.body);
    if (refusal) throw refusal;
    if (findCsat(ctx.db, ticket.id)) throw alreadyRated();
    recordCsat(ctx.db, caller.actor, ticket, input, { ip: caller.ip, via: 'signed_in' });
    return reply.code(201).send(presentCsat(caller.actor, ticket, findCsat(ctx.db, ticket.id)));
  });

  app.get('/api/csat/:token', async (req) => {
    const { actor, ticket } = fromToken(ctx, req);
    return {
      ticket: { key: ticket.key, subject: ticket.subject },
      servicingName: ticket.servicingName ?? 'Support',
      alreadyRated: findCsat(ctx.db, ticket.id) !== undefined,
      canRate: rateRefusal(actor, ticket) === null,
    };
  });

  app.post('/api/csat/:token', async (req, reply) => {
    const { actor, ticket } = fromToken(ctx, req);
    const input = parse(ZCsatRating, req.body);
    const refusal = rateRefusal(actor, ticket);
    if (refusal) throw refusal;
    if (findCsat(ctx.db, ticket.id)) throw alreadyRated();
    recordCsat(ctx.db, actor, ticket, input, { ip: req.ip, via: 'link' });
    return reply.code(201).send({ rated: true });
  });
}
