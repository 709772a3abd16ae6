/** Registers each domain module's routes. A module owns its routes, schemas and services. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { attachmentRoutes } from './attachments/routes.ts';
import { auditRoutes } from './audit/routes.ts';
import { brandingRoutes } from './branding/routes.ts';
import { cannedRoutes } from './canned/routes.ts';
import { csatRoutes } from './csat/routes.ts';
import { dashboardRoutes } from './dashboard/routes.ts';
import { notificationRoutes } from './notifications/routes.ts';
import { outboxRoutes } from './outbox/routes.ts';
import { routingRoutes } from './routing/routes.ts';
import { savedFilterRoutes } from './saved-filters/routes.ts';
import { slaRoutes } from './sla/routes.ts';
import { tenantRoutes } from './tenants/routes.ts';
import { ticketLinkRoutes } from './ticket-links/routes.ts';
import { ticketBulkRoutes } from './tickets/bulk.ts';
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
  ticketBulkRoutes(app, ctx);
  ticketLinkRoutes(app, ctx);
  savedFilterRoutes(app, ctx);
  attachmentRoutes(app, ctx);
  slaRoutes(app, ctx);
  notificationRoutes(app, ctx);
  csatRoutes(app, ctx);
  routingRoutes(app, ctx);
  cannedRoutes(app, ctx);
}
