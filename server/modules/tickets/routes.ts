/** Tickets: list, file, detail, work (status, priority, category, assignee), timeline, replies. */
import type { FastifyInstance } from 'fastify';
import type { Visibility } from '../../../storage/schema.ts';
import type { AppContext } from '../../context.ts';
import { callerOf } from '../../http/caller.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { parse } from '../../http/validate.ts';
import { type Actor, canManageTicketsIn, canSeeInternalTicket, has } from '../../policy/index.ts';
import { findVisibleTenant, tenantRefOf } from '../tenants/queries.ts';
import { findVisibleTicket, type TicketRow, ticketRefOf } from './access.ts';
import { listAssignees } from './assignees.ts';
import { createTicket } from './create.ts';
import { listConversation, listTimeline } from './history.ts';
import { presentReply, presentTicket, presentTimelineEntry } from './presenter.ts';
import { listVisibleTickets } from './queries.ts';
import { queuePosition } from './queue.ts';
import { addReply } from './reply.ts';
import {
  ZAssigneesQuery,
  ZReplyCreate,
  ZTicketCreate,
  ZTicketListQuery,
  ZTicketParams,
  ZTicketUpdate,
} from './schema.ts';
import { updateTicket } from './update.ts';

/** Registers the `/api/tickets` routes. */
export function ticketRoutes(app: FastifyInstance, ctx: AppContext): void {
  /** Loads a ticket through the caller's scope, or 404. */
  const visibleTicket = (actor: Actor, params: unknown): TicketRow => {
    const { id } = parse(ZTicketParams, params);
    const row = findVisibleTicket(ctx.db, actor, id);
    if (!row) throw notFound('ticket');
    return row;
  };
  /** The audiences of history this actor may read on this ticket. */
  const audiences = (actor: Actor, row: TicketRow): Visibility[] =>
    canSeeInternalTicket(actor, ticketRefOf(row)) ? ['client', 'internal'] : ['client'];

  app.get('/api/tickets', async (req) => {
    const { actor } = callerOf(req);
    const filter = parse(ZTicketListQuery, req.query);
    if (!has(actor, 'tickets.view_own')) throw forbidden('Tickets are not available to you.');
    return { tickets: listVisibleTickets(ctx.db, actor, filter).map((t) => presentTicket(actor, t)) };
  });

  app.post('/api/tickets', async (req, reply) => {
    const caller = callerOf(req);
    const input = parse(ZTicketCreate, req.body);
    const ticket = createTicket(ctx, caller, input);
    return reply.code(201).send({ ticket: presentTicket(caller.actor, ticket) });
  });

  // Registered before `/:id`; Fastify prefers the static segment anyway.
  app.get('/api/tickets/assignees', async (req) => {
    const { actor } = callerOf(req);
    const { orgId } = parse(ZAssigneesQuery, req.query);
    const org = findVisibleTenant(ctx.db, actor, orgId);
    if (!org) throw notFound('organization');
    if (!canManageTicketsIn(actor, tenantRefOf(org))) throw forbidden('You cannot assign tickets there.');
    return { assignees: listAssignees(ctx.db, actor, org) };
  });

  app.get('/api/tickets/:id', async (req) => {
    const { actor } = callerOf(req);
    return { ticket: presentTicket(actor, visibleTicket(actor, req.params)) };
  });

  app.patch('/api/tickets/:id', async (req) => {
    const caller = callerOf(req);
    const { id } = parse(ZTicketParams, req.params);
    const input = parse(ZTicketUpdate, req.body);
    return { ticket: presentTicket(caller.actor, updateTicket(ctx, caller, id, input)) };
  });

  // Counts only: the queue is the provider's, across tenants, and reveals nothing else of it.
  app.get('/api/tickets/:id/queue', async (req) => {
    const { actor } = callerOf(req);
    return queuePosition(ctx.db, visibleTicket(actor, req.params));
  });

  app.get('/api/tickets/:id/events', async (req) => {
    const { actor } = callerOf(req);
    const ticket = visibleTicket(actor, req.params);
    const rows = listTimeline(ctx.db, ticket.id, audiences(actor, ticket));
    return { events: rows.map((e) => presentTimelineEntry(actor, ticket, e)) };
  });

  app.get('/api/tickets/:id/replies', async (req) => {
    const { actor } = callerOf(req);
    const ticket = visibleTicket(actor, req.params);
    const rows = listConversation(ctx.db, ticket.id, audiences(actor, ticket));
    return { replies: rows.map((r) => presentReply(actor, ticket, r)) };
  });

  app.post('/api/tickets/:id/replies', async (req, reply) => {
    const caller = callerOf(req);
    const { id } = parse(ZTicketParams, req.params);
    const input = parse(ZReplyCreate, req.body);
    const replyId = addReply(ctx, caller, id, input);
    // Re-read as the caller sees it, so the response is exactly what GET would show them.
    const ticket = visibleTicket(caller.actor, req.params);
    const created = listConversation(ctx.db, ticket.id, audiences(caller.actor, ticket)).find(
      (r) => r.id === replyId,
    );
    if (!created) throw notFound('reply');
    return reply.code(201).send({ reply: presentReply(caller.actor, ticket, created) });
  });
}
