/** The signed-in caller's dashboard. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { callerOf } from '../../http/caller.ts';
import { dashboardFor, ticketDashboardFor } from './service.ts';

/** Registers `GET /api/dashboard` and `GET /api/dashboard/tickets` (docs/API.md). */
export function dashboardRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/dashboard', async (req) => dashboardFor(ctx, callerOf(req).actor));
  app.get('/api/dashboard/tickets', async (req) => ticketDashboardFor(ctx, callerOf(req).actor));
}
