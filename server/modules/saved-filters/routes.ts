/** A person's saved ticket-list filters: `/api/saved-filters`. Own only; others' are 404. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { callerOf } from '../../http/caller.ts';
import { parse } from '../../http/validate.ts';
import { presentSavedFilter } from './presenter.ts';
import { ZSavedFilterCreate, ZSavedFilterParams, ZSavedFilterUpdate } from './schema.ts';
import { createSavedFilter, deleteSavedFilter, listSavedFilters, updateSavedFilter } from './service.ts';

/** Registers the saved-filter routes. */
export function savedFilterRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/saved-filters', async (req) => {
    const caller = callerOf(req);
    return { filters: listSavedFilters(ctx.db, caller).map(presentSavedFilter) };
  });

  app.post('/api/saved-filters', async (req, reply) => {
    const caller = callerOf(req);
    const input = parse(ZSavedFilterCreate, req.body);
    return reply.code(201).send({ filter: presentSavedFilter(createSavedFilter(ctx.db, caller, input)) });
  });

  app.put('/api/saved-filters/:id', async (req) => {
    const caller = callerOf(req);
    const { id } = parse(ZSavedFilterParams, req.params);
    const input = parse(ZSavedFilterUpdate, req.body);
    return { filter: presentSavedFilter(updateSavedFilter(ctx.db, caller, id, input)) };
  });

  app.delete('/api/saved-filters/:id', async (req, reply) => {
    const caller = callerOf(req);
    const { id } = parse(ZSavedFilterParams, req.params);
    deleteSavedFilter(ctx.db, caller, id);
    return reply.code(204).send();
  });
}
