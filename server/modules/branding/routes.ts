/** Branding: the public look of the host's tenant, and a tenant's own branding settings. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { callerOf } from '../../http/caller.ts';
import { parse } from '../../http/validate.ts';
import { effectiveBranding } from '../../tenancy/branding.ts';
import { resolveHostTenant } from '../../tenancy/resolve.ts';
import { presentBranding, presentStoredBranding } from './presenter.ts';
import { ZBrandingUpdate, ZTenantParams } from './schema.ts';
import { updateTenantBranding } from './service.ts';

/** Registers `GET /api/branding` and `PUT /api/tenants/:id/branding`. */
export function brandingRoutes(app: FastifyInstance, ctx: AppContext): void {
  // Public: the sign-in page needs the look of whichever portal address it was opened on.
  app.get('/api/branding', async (req) => {
    const host = resolveHostTenant(ctx.db, ctx.config.publicUrl.hostname, req.headers.host);
    return { branding: presentBranding(effectiveBranding(ctx.db, host.id)), tenantName: host.name };
  });

  app.put('/api/tenants/:id/branding', async (req) => {
    const caller = callerOf(req);
    const { id } = parse(ZTenantParams, req.params);
    const update = parse(ZBrandingUpdate, req.body);
    const result = updateTenantBranding(ctx, caller, id, update);
    return {
      branding: presentStoredBranding(result.branding),
      effectiveBranding: presentBranding(result.effectiveBranding),
    };
  });
}
