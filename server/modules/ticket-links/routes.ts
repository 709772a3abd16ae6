/** Ticket links and merges: `/api/tickets/:id/links` and `/api/tickets/:id/merge`. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { callerOf } from '../../http/caller.ts';
import { notFound } from '../../http/errors.ts';
import { parse } from '../../http/validate.ts';
import { findVisibleTicket } from '../tickets/access.ts';
import { presentTicket } from '../tickets/presenter.ts';
import { ZTicketParams } from '../tickets/schema.ts';
import { createLink, listLinks, removeLink } from './links.ts';
import { mergeTicket } from './merge.ts';
import { presentLink, presentLinks } from './presenter.ts';
import { ZLinkCreate, ZLinkParams, ZMergeCreate } from './schema.ts';

/** Registers the link and merge routes. */
export function ticketLinkRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/tickets/:id/links', async (req) => {
    const caller = callerOf(req);
    const { id } = parse(ZTicketParams, req.params);
    const ticket = findVisibleTicket(ctx.db, caller.actor, id);
    if (!ticket) throw notFound('ticket');
    return presentLinks(ctx, caller.actor, ticket, listLinks(ctx, caller, ticket));
  });

  app.post('/api/tickets/:id/links', async (req, reply) => {
    const caller = callerOf(req);
    const { id } = parse(ZTicketParams, req.params);
    const input = parse(ZLinkCreate, req.body);
    const created = createLink(ctx, caller, id, input);
    const ticket = findVisibleTicket(ctx.db, caller.actor, id);
    if (!ticket) throw notFound('ticket');
    return reply.code(201).send({ link: presentLink(caller.actor, ticket, created) });
  });

  app.delete('/api/tickets/:id/links/:linkId', async (req, reply) => {
    const caller = callerOf(req);
    const { id, linkId } = parse(ZLinkParams, req.params);
    removeLink(ctx, caller, id, linkId);
    return reply.code(204).send();
  });

  app.post('/api/tickets/:id/merge', async (req) => {
    const caller = callerOf(req);
    const { id } = parse(ZTicketParams, req.params);
    const input = parse(ZMergeCreate, req.body);
    return { ticket: presentTicket(caller.actor, mergeTicket(ctx, caller, id, input)) };
  });
}
