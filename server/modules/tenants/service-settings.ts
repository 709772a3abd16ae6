/**
 * A client org's service settings: its attachment storage quota (null = the configured default)
 * and whether its people see SLA countdowns. `GET|PUT /api/tenants/:id/service-settings`, for
 * whoever `canConfigureServiceSettings` allows; a tenant out of sight is a 404, a platform or
 * partner tenant a 400 (these settings exist for client orgs only). Changes are audited as
 * `tenant.updated` with the fields that moved.
 */
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { tenants } from '../../../storage/schema.ts';
import { recordAudit } from '../../audit/audit.ts';
import type { AppContext } from '../../context.ts';
import { type Caller, callerOf } from '../../http/caller.ts';
import { badRequest, forbidden, notFound } from '../../http/errors.ts';
import { parse } from '../../http/validate.ts';
import { canConfigureServiceSettings } from '../../policy/index.ts';
import { orgStorageQuota, orgStorageUsed } from '../attachments/service.ts';
import { findVisibleTenant, type TenantRow, tenantRefOf } from './queries.ts';
import { ZTenantParams } from './schema.ts';

const MIB = 1024 * 1024;
const TIB = 1024 * 1024 * MIB;

export const ZServiceSettings = z
  .object({
    /** Bytes; null falls back to the portal's default (ORG_STORAGE_QUOTA_BYTES). */
    storageQuotaBytes: z
      .number()
      .int('Use a whole number of bytes.')
      .min(MIB, 'Use at least 1 MiB.')
      .max(TIB, 'Use at most 1 TiB.')
      .nullable(),
    slaVisibleToClient: z.boolean(),
  })
  .strict();
export type TServiceSettings = z.infer<typeof ZServiceSettings>;

/** The tenant by id through the caller's scope, checked to be a client org they may configure. */
function configurableOrg(ctx: AppContext, caller: Caller, id: string): TenantRow {
  const tenant = findVisibleTenant(ctx.db, caller.actor, id);
  if (!tenant) throw notFound('organization');
  if (tenant.kind !== 'client') {
    throw badRequest('not_client_org', 'Service settings exist for client organisations only.');
  }
  if (!canConfigureServiceSettings(caller.actor, tenantRefOf(tenant))) {
    throw forbidden('You cannot change this organisation’s service settings.');
  }
  return tenant;
}

function readSettings(ctx: AppContext, tenantId: string): TServiceSettings {
  const row = ctx.db
    .select({ storageQuotaBytes: tenants.storageQuotaBytes, slaVisibleToClient: tenants.slaVisibleToClient })
    .from(tenants)
    .where(eq(tenants.id, tenantId))
    .get();
  return {
    storageQuotaBytes: row?.storageQuotaBytes ?? null,
    slaVisibleToClient: row?.slaVisibleToClient ?? false,
  };
}

/** The wire shape: the stored settings plus the quota in force and what the org uses now. */
function presentSettings(ctx: AppContext, tenantId: string) {
  const settings = readSettings(ctx, tenantId);
  return {
    storageQuotaBytes: settings.storageQuotaBytes,
    slaVisibleToClient: settings.slaVisibleToClient,
    defaultStorageQuotaBytes: ctx.config.orgStorageQuotaBytes,
    effectiveStorageQuotaBytes: orgStorageQuota(ctx.db, ctx.config, tenantId),
    storageUsedBytes: orgStorageUsed(ctx.db, tenantId),
  };
}

/** Saves the settings in one transaction with the audit entry (only when something changed). */
function saveServiceSettings(
  ctx: AppContext,
  caller: Caller,
  tenant: TenantRow,
  input: TServiceSettings,
): void {
  ctx.db.transaction((tx) => {
    const before = readSettings(ctx, tenant.id); // same connection as tx: read inside it
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    if (before.storageQuotaBytes !== input.storageQuotaBytes)
      changes.storageQuotaBytes = { from: before.storageQuotaBytes, to: input.storageQuotaBytes };
    if (before.slaVisibleToClient !== input.slaVisibleToClient)
      changes.slaVisibleToClient = { from: before.slaVisibleToClient, to: input.slaVisibleToClient };
    if (Object.keys(changes).length === 0) return;
    tx.update(tenants).set(input).where(eq(tenants.id, tenant.id)).run();
    recordAudit(tx, {
      action: 'tenant.updated',
      tenantId: tenant.id,
      actorUserId: caller.actor.userId,
      targetType: 'tenant',
      targetId: tenant.id,
      ip: caller.ip,
      data: { serviceSettings: changes },
    });
  });
}

/** Registers `GET|PUT /api/tenants/:id/service-settings`. */
export function serviceSettingsRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/tenants/:id/service-settings', async (req) => {
    const caller = callerOf(req);
    const { id } = parse(ZTenantParams, req.params);
    const tenant = configurableOrg(ctx, caller, id);
    return { settings: presentSettings(ctx, tenant.id) };
  });

  app.put('/api/tenants/:id/service-settings', async (req) => {
    const caller = callerOf(req);
    const { id } = parse(ZTenantParams, req.params);
    // Who may, before what: an outsider learns nothing from how their body is judged.
    const tenant = configurableOrg(ctx, caller, id);
    saveServiceSettings(ctx, caller, tenant, parse(ZServiceSettings, req.body));
    return { settings: presentSettings(ctx, tenant.id) };
  });
}
