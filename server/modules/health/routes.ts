/** `GET /healthz`: 200 when the database and the collaboration server answer, 503 otherwise. */
import type { FastifyInstance } from 'fastify';
import { databaseIsUp } from '../../../storage/db.ts';
import type { AppContext } from '../../context.ts';

export function healthRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/healthz', async (_req, reply) => {
    const db = databaseIsUp(ctx.db);
    // Until the collaboration server is mounted (tickets, issue 3) there is nothing to probe.
    const collab = ctx.collab ? ctx.collab.isUp() : true;
    const ok = db && collab;
    return reply
      .code(ok ? 200 : 503)
      .send({ ok, db: db ? 'up' : 'down', collab: ctx.collab ? (collab ? 'up' : 'down') : 'not_mounted' });
  });
}
