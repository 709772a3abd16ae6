/**
 * Custom domains. A partner requests one for their agency; a super_admin sets one directly or
 * verifies a request. Only a verified domain resolves to its tenant (server/tenancy/resolve.ts).
 */
import { and, eq, ne } from 'drizzle-orm';
import { tenants } from '../../../storage/schema.ts';
import { recordAudit } from '../../audit/audit.ts';
import type { AppContext } from '../../context.ts';
import type { Caller } from '../../http/caller.ts';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../http/errors.ts';
import { canRequestDomain, canVerifyDomain } from '../../policy/index.ts';
import { isUniqueViolation } from './constraint.ts';
import { findVisibleTenant, TENANT_COLUMNS, type TenantRow, tenantRefOf } from './queries.ts';

const domainTaken = () => conflict('That domain is already used by another organization.');

/**
 * Sets a tenant's custom domain: `verified` at once for whoever may verify (super_admin),
 * `requested` for a partner asking for their own agency's domain.
 */
export function setCustomDomain(ctx: AppContext, caller: Caller, id: string, domain: string): TenantRow {
  const { actor } = caller;
  const tenant = findVisibleTenant(ctx.db, actor, id);
  if (!tenant) throw notFound('organization');
  const ref = tenantRefOf(tenant);
  const verifies = canVerifyDomain(actor, ref);
  if (!verifies && !canRequestDomain(actor, ref))
    throw forbidden('You cannot set a domain for this organization.');
  // The portal's own host and its subdomains already resolve by slug; a custom domain there
  // would let one tenant shadow another's address.
  const own = ctx.config.publicUrl.hostname.toLowerCase();
  if (domain === own || domain.endsWith(`.${own}`)) {
    throw badRequest('invalid_domain', 'Use a domain of your own, not an address of the portal itself.');
  }
  const status = verifies ? 'verified' : 'requested';
  try {
    return ctx.db.transaction((tx) => {
      const clash = tx
        .select({ id: tenants.id })
        .from(tenants)
        .where(and(eq(tenants.customDomain, domain), ne(tenants.id, id)))
        .get();
      if (clash) throw domainTaken();
      const after = tx
        .update(tenants)
        .set({ customDomain: domain, customDomainStatus: status })
        .where(eq(tenants.id, id))
        .returning(TENANT_COLUMNS)
        .get();
      recordAudit(tx, {
        action: verifies ? 'tenant.domain_verified' : 'tenant.domain_requested',
        tenantId: id,
        actorUserId: actor.userId,
        targetType: 'tenant',
        targetId: id,
        ip: caller.ip,
        data: { domain, previous: tenant.customDomain },
      });
      return after;
    });
  } catch (err) {
    if (isUniqueViolation(err, 'tenants.custom_domain')) throw domainTaken();
    throw err;
  }
}

/** Marks a tenant's requested domain as verified (super_admin), after checking DNS out of band. */
export function verifyCustomDomain(ctx: AppContext, caller: Caller, id: string): TenantRow {
  const { actor } = caller;
  const tenant = findVisibleTenant(ctx.db, actor, id);
  if (!tenant) throw notFound('organization');
  if (!canVerifyDomain(actor, tenantRefOf(tenant)))
    throw forbidden('Only a platform administrator verifies domains.');
  if (!tenant.customDomain)
    throw new AppError(409, 'conflict', 'This organization has not asked for a domain.');
  if (tenant.customDomainStatus === 'verified') return tenant;
  return ctx.db.transaction((tx) => {
    const after = tx
      .update(tenants)
      .set({ customDomainStatus: 'verified' })
      .where(eq(tenants.id, id))
      .returning(TENANT_COLUMNS)
      .get();
    recordAudit(tx, {
      action: 'tenant.domain_verified',
      tenantId: id,
      actorUserId: actor.userId,
      targetType: 'tenant',
      targetId: id,
      ip: caller.ip,
      data: { domain: tenant.customDomain },
    });
    return after;
  });
}
