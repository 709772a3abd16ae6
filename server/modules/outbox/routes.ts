/** The email outbox reader (super_admin, staff): what the portal sent or would have sent. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { callerOf } from '../../http/caller.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { parse } from '../../http/validate.ts';
import { canReadOutbox } from '../../policy/index.ts';
import { presentOutboxEmail, presentOutboxSummary } from './presenter.ts';
import { findOutboxEmail, listOutbox } from './queries.ts';
import { ZOutboxParams } from './schema.ts';

/** Registers `GET /api/outbox` and `GET /api/outbox/:id`. */
export function outboxRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/outbox', async (req) => {
    const { actor } = callerOf(req);
    if (!canReadOutbox(actor)) throw forbidden('Only the platform team reads the outbox.');
    return { emails: listOutbox(ctx.db).map(presentOutboxSummary) };
  });

  app.get('/api/outbox/:id', async (req) => {
    const { actor } = callerOf(req);
    const { id } = parse(ZOutboxParams, req.params);
    // A 404, not a 403, for non-readers: a message id must not be confirmed to exist.
    const row = canReadOutbox(actor) ? findOutboxEmail(ctx.db, id) : undefined;
    if (!row) throw notFound('email');
    return { email: presentOutboxEmail(row) };
  });
}
