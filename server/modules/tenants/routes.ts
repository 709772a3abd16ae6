/** Organizations: list, detail, create, rename/(de)activate, custom domains. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { callerOf } from '../../http/caller.ts';
import { notFound } from '../../http/errors.ts';
import { parse } from '../../http/validate.ts';
import { effectiveBranding } from '../../tenancy/branding.ts';
import { presentBranding, presentStoredBranding } from '../branding/presenter.ts';
import { findVisibleBranding } from '../branding/service.ts';
import { createTenant } from './create.ts';
import { setCustomDomain, verifyCustomDomain } from './domain.ts';
import { presentTenant } from './presenter.ts';
import { findVisibleTenant, listVisibleTenants } from './queries.ts';
import { ZDomainRequest, ZTenantCreate, ZTenantListQuery, ZTenantParams, ZTenantUpdate } from './schema.ts';
import { serviceSettingsRoutes } from './service-settings.ts';
import { updateTenant } from './update.ts';

/** Registers the `/api/tenants` routes (branding's PUT lives in the branding module). */
export function tenantRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/tenants', async (req) => {
    const { actor } = callerOf(req);
    const filter = parse(ZTenantListQuery, req.query);
    return { tenants: listVisibleTenants(ctx.db, actor, filter).map((t) => presentTenant(actor, t)) };
  });

  app.get('/api/tenants/:id', async (req) => {
    const { actor } = callerOf(req);
    const { id } = parse(ZTenantParams, req.params);
    const tenant = findVisibleTenant(ctx.db, actor, id);
    const stored = findVisibleBranding(ctx.db, actor, id);
    if (!tenant || !stored) throw notFound('organization');
    return {
      tenant: presentTenant(actor, tenant),
      branding: presentStoredBranding(stored),
      effectiveBranding: presentBranding(effectiveBranding(ctx.db, tenant.id)),
    };
  });

  app.post('/api/tenants', async (req, reply) => {
    const caller = callerOf(req);
    const input = parse(ZTenantCreate, req.body);
    const tenant = createTenant(ctx, caller, input);
    return reply.code(201).send({ tenant: presentTenant(caller.actor, tenant) });
  });

  app.patch('/api/tenants/:id', async (req) => {
    const caller = callerOf(req);
    const { id } = parse(ZTenantParams, req.params);
    const input = parse(ZTenantUpdate, req.body);
    return { tenant: presentTenant(caller.actor, updateTenant(ctx, caller, id, input)) };
  });

  app.post('/api/tenants/:id/domain', async (req) => {
    const caller = callerOf(req);
    const { id } = parse(ZTenantParams, req.params);
    const { domain } = parse(ZDomainRequest, req.body);
    return { tenant: presentTenant(caller.actor, setCustomDomain(ctx, caller, id, domain)) };
  });

  app.post('/api/tenants/:id/domain/verify', async (req) => {
    const caller = callerOf(req);
    const { id } = parse(ZTenantParams, req.params);
    return { tenant: presentTenant(caller.actor, verifyCustomDomain(ctx, caller, id)) };
  });

  serviceSettingsRoutes(app, ctx);
}
