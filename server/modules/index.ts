/** Registers each domain module's routes. A module owns its routes, schemas and services. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { attachmentRoutes } from './attachments/routes.ts';
import { auditRoutes } from './audit/routes.ts';
import { brandingRoutes } from './branding/routes.ts';
import { dashboardRoutes } from './dashboard/routes.ts';
import { outboxRoutes } from './outbox/routes.ts';
import { slaRoutes } from './sla/routes.ts';
import { tenantRoutes } from './tenants/routes.ts';
import { ticketRoutes } from './tickets/routes.ts';
import { userRoutes } from './users/routes.ts';

/** Adds every module's routes to the app (me, auth and health are registered in app.ts). */
export function registerModules(app: FastifyInstance, ctx: AppContext): void {
  tenantRoutes(app, ctx);
  brandingRoutes(app, ctx);
  userRoutes(app, ctx);
  outboxRoutes(app, ctx);
  dashboardRoutes(app, ctx);
  auditRoutes(app, ctx);
  ticketRoutes(app, ctx);
  attachmentRoutes(app, ctx);
  slaRoutes(app, ctx);
}
