/** Reading and changing a tenant's own branding, through the policy's tenant scope. */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../storage/db.ts';
import { type StoredBranding, tenants } from '../../../storage/schema.ts';
import { recordAudit } from '../../audit/audit.ts';
import type { AppContext } from '../../context.ts';
import type { Caller } from '../../http/caller.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { type Actor, canConfigureBranding, tenantScope } from '../../policy/index.ts';
import {
  applyBrandingUpdate,
  type Branding,
  effectiveBranding,
  type TBrandingUpdate,
} from '../../tenancy/branding.ts';
import { tenantRefOf } from '../tenants/queries.ts';

const BRANDING_FIELDS = ['portalName', 'logoDataUrl', 'primaryColor', 'accentColor', 'loginText'] as const;

/** A visible tenant's place in the tree and its stored branding; undefined when not theirs to see. */
function findVisibleBrandable(db: Db, actor: Actor, id: string) {
  return db
    .select({ id: tenants.id, kind: tenants.kind, parentId: tenants.parentId, branding: tenants.branding })
    .from(tenants)
    .where(and(eq(tenants.id, id), tenantScope(actor)))
    .get();
}

/** The tenant's own stored branding, or undefined when the actor may not see the tenant. */
export function findVisibleBranding(db: Db, actor: Actor, id: string): StoredBranding | undefined {
  return findVisibleBrandable(db, actor, id)?.branding;
}

/**
 * Applies a branding update (null fields go back to inheriting). An invisible tenant is a 404, a
 * visible one the caller may not brand a 403. The audit entry names the fields that changed,
 * never their values (a logo is 256 KB of base64).
 */
export function updateTenantBranding(
  ctx: AppContext,
  caller: Caller,
  id: string,
  update: TBrandingUpdate,
): { branding: StoredBranding; effectiveBranding: Branding } {
  const { actor } = caller;
  const tenant = findVisibleBrandable(ctx.db, actor, id);
  if (!tenant) throw notFound('organization');
  if (!canConfigureBranding(actor, tenantRefOf(tenant)))
    throw forbidden('You cannot change this organization’s branding.');
  const next = applyBrandingUpdate(tenant.branding, update);
  const changed = BRANDING_FIELDS.filter((f) => tenant.branding[f] !== next[f]);
  ctx.db.transaction((tx) => {
    tx.update(tenants).set({ branding: next }).where(eq(tenants.id, id)).run();
    recordAudit(tx, {
      action: 'tenant.branding_changed',
      tenantId: id,
      actorUserId: actor.userId,
      targetType: 'tenant',
      targetId: id,
      ip: caller.ip,
      data: { fields: changed },
    });
  });
  return { branding: next, effectiveBranding: effectiveBranding(ctx.db, id) };
}
