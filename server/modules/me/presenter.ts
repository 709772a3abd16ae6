/** The signed-in user's own view: who they are, where they belong, what they may use. */
import { eq } from 'drizzle-orm';
import { tenants } from '../../../storage/schema.ts';
import type { ActingUser } from '../../auth/actor.ts';
import { hasTwoFactor } from '../../auth/sign-in.ts';
import type { AppContext } from '../../context.ts';
import type { Actor } from '../../policy/actor.ts';
import { meAbilities, navigationFor } from '../../policy/index.ts';
import { effectiveBranding } from '../../tenancy/branding.ts';

export function presentMe(ctx: AppContext, actor: Actor, user: ActingUser) {
  const tenant = ctx.db
    .select({ id: tenants.id, kind: tenants.kind, name: tenants.name, slug: tenants.slug })
    .from(tenants)
    .where(eq(tenants.id, actor.tenantId))
    .get();
  if (!tenant) throw new Error(`Tenant ${actor.tenantId} of user ${user.id} is missing`);
  return {
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      role: actor.role,
      twoFactorEnabled: hasTwoFactor(ctx, user.id),
      hasPassword: user.hasPassword,
      sections: actor.sections,
    },
    tenant: { id: tenant.id, kind: tenant.kind, name: tenant.name, slug: tenant.slug },
    branding: effectiveBranding(ctx.db, actor.tenantId),
    navigation: navigationFor(actor),
    abilities: meAbilities(actor),
  };
}
