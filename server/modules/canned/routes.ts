/**
 * Canned responses (docs/API.md "Canned responses"): the desk's shared replies and each agent's
 * own, and rendering one for a ticket. Client roles are refused every route (403).
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { callerOf } from '../../http/caller.ts';
import { notFound } from '../../http/errors.ts';
import { parse } from '../../http/validate.ts';
import { canConfigureDesk } from '../../policy/index.ts';
import { createCanned, deleteCanned, deskOfCaller, updateCanned } from './commands.ts';
import { presentCanned } from './presenter.ts';
import { findVisibleCanned, listVisibleCanned } from './queries.ts';
import { renderCannedFor } from './render.ts';
import { ZCannedCreate, ZCannedParams, ZCannedRender, ZCannedUpdate } from './schema.ts';

/** Registers `/api/canned-responses`. */
export function cannedRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/canned-responses', async (req) => {
    const caller = callerOf(req);
    const deskId = deskOfCaller(caller);
    return {
      cannedResponses: listVisibleCanned(ctx.db, caller.actor).map((c) => presentCanned(caller.actor, c)),
      abilities: { createShared: canConfigureDesk(caller.actor, deskId) },
    };
  });

  app.post('/api/canned-responses', async (req, reply) => {
    const caller = callerOf(req);
    deskOfCaller(caller);
    const row = createCanned(ctx.db, caller, parse(ZCannedCreate, req.body));
    return reply.code(201).send({ cannedResponse: presentCanned(caller.actor, row) });
  });

  app.put('/api/canned-responses/:id', async (req) => {
    const caller = callerOf(req);
    deskOfCaller(caller);
    const { id } = parse(ZCannedParams, req.params);
    const row = updateCanned(ctx.db, caller, id, parse(ZCannedUpdate, req.body));
    return { cannedResponse: presentCanned(caller.actor, row) };
  });

  app.delete('/api/canned-responses/:id', async (req, reply) => {
    const caller = callerOf(req);
    deskOfCaller(caller);
    const { id } = parse(ZCannedParams, req.params);
    deleteCanned(ctx.db, caller, id);
    return reply.code(204).send();
  });

  app.post('/api/canned-responses/:id/render', async (req) => {
    const caller = callerOf(req);
    deskOfCaller(caller);
    const { id } = parse(ZCannedParams, req.params);
    const { ticketId } = parse(ZCannedRender, req.body);
    const canned = findVisibleCanned(ctx.db, caller.actor, id);
    if (!canned) throw notFound('canned response');
    return { text: renderCannedFor(ctx.db, caller, canned, ticketId) };
  });
}
