/** `GET /healthz`: 200 when the database and the collaboration server answer, 503 otherwise. */
import type { FastifyInstance } from 'fastify';
import { databaseIsUp } from '../../../storage/db.ts';
import type { AppContext } from '../../context.ts';

export function healthRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/healthz', async (_req, reply) => {
    const db = databaseIsUp(ctx.db);
    // Null only in tests that build the app without mounting the collaboration server.
    const collab = ctx.collab ? ctx.collab.isUp() : true;
    const ok = db && collab;
    return reply
      .code(ok ? 200 : 503)
      .send({ ok, db: db ? 'up' : 'down', collab: ctx.collab ? (collab ? 'up' : 'down') : 'not_mounted' });
  });
}
