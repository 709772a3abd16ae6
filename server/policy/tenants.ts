/**
 * Rules for tenants. The tree is platform → partner → client org; direct clients hang off the
 * platform. Each role's reach into that tree is a typed table, so a new role is a compile error
 * until its reach is decided, and every rule starts from where the tenant sits.
 */
import type { Role, TenantKind } from '../../storage/schema.ts';
import { type Actor, isWellPlaced, type TenantRef } from './actor.ts';
import { grantOf, has } from './matrix.ts';

/** How far into the tenant tree a right extends, seen from the actor's own tenant. */
export type Reach =
  /** any tenant */
  | 'everywhere'
  /** any partner or client org, never the platform tenant itself */
  | 'below_platform'
  /** the actor's own tenant and its direct children (an agency and its client orgs) */
  | 'own_tree'
  /** the actor's own tenant only */
  | 'own_org'
  | 'nowhere';

/** What each role may do to tenants; the create columns are about the new tenant's parent. */
// biome-ignore format: one row per role, read as a table.
const TENANT_REACH = {
  super_admin: { view: 'everywhere', update: 'everywhere', createPartner: 'everywhere', createClient: 'everywhere' },
  staff: { view: 'everywhere', update: 'below_platform', createPartner: 'everywhere', createClient: 'everywhere' },
  partner: { view: 'own_tree', update: 'own_tree', createPartner: 'nowhere', createClient: 'own_org' },
  partner_staff: { view: 'own_tree', update: 'nowhere', createPartner: 'nowhere', createClient: 'nowhere' },
  client_admin: { view: 'own_org', update: 'nowhere', createPartner: 'nowhere', createClient: 'nowhere' },
  client: { view: 'own_org', update: 'nowhere', createPartner: 'nowhere', createClient: 'nowhere' },
} as const satisfies Record<Role, Record<'view' | 'update' | 'createPartner' | 'createClient', Reach>>;

/** The reach of a role's tenant visibility; scopes.ts turns it into a where-clause. */
export function viewReach(role: Role): Reach {
  return TENANT_REACH[role].view;
}

/** The reach of a role's right to rename and (de)activate tenants. */
export function updateReach(role: Role): Reach {
  return TENANT_REACH[role].update;
}

/** Whether tenant `t` lies within `reach` of the actor. A misplaced actor reaches nothing. */
export function reaches(actor: Actor, reach: Reach, t: TenantRef): boolean {
  if (!isWellPlaced(actor)) return false;
  switch (reach) {
    case 'everywhere':
      return true;
    case 'below_platform':
      return t.kind !== 'platform';
    case 'own_tree':
      return t.id === actor.tenantId || t.parentId === actor.tenantId;
    case 'own_org':
      return t.id === actor.tenantId;
    case 'nowhere':
      return false;
  }
}

/** An actor may see a tenant within their view reach: everything, their agency's tree, or their own org. */
export function canViewTenant(actor: Actor, t: TenantRef): boolean {
  return reaches(actor, TENANT_REACH[actor.role].view, t);
}

/** An actor may rename or (de)activate a tenant within their update reach. */
export function canUpdateTenant(actor: Actor, t: TenantRef): boolean {
  return reaches(actor, TENANT_REACH[actor.role].update, t);
}

/** Which kinds of tenant may hang below a parent of each kind (the tree is three levels deep). */
const CHILD_KINDS = {
  platform: ['partner', 'client'],
  partner: ['client'],
  client: [],
} as const satisfies Record<TenantKind, readonly TenantKind[]>;

/**
 * An actor may create a tenant of `kind` under `parent` when that kind may hang there and the
 * parent lies within the actor's create reach: partners under the platform by super_admin or
 * staff; client orgs by super_admin or staff anywhere, by a partner only under their own agency.
 */
export function canCreateTenant(actor: Actor, kind: TenantKind, parent: TenantRef): boolean {
  if (!(CHILD_KINDS[parent.kind] as readonly TenantKind[]).includes(kind)) return false;
  const reach = TENANT_REACH[actor.role];
  if (kind === 'partner') return reaches(actor, reach.createPartner, parent);
  if (kind === 'client') return reaches(actor, reach.createClient, parent);
  return false;
}

/** An actor may configure a tenant's branding when the matrix allows it and they can see the tenant. */
export function canConfigureBranding(actor: Actor, t: TenantRef): boolean {
  return has(actor, 'branding.configure') && canViewTenant(actor, t);
}

/**
 * A partner may request a custom domain for their own agency only: the domain carries the
 * agency's white-label portal, and a super_admin verifies it before it serves anything.
 */
export function canRequestDomain(actor: Actor, t: TenantRef): boolean {
  return (
    isWellPlaced(actor) &&
    grantOf(actor.role, 'branding.custom_domain') === 'request' &&
    t.kind === 'partner' &&
    t.id === actor.tenantId
  );
}

/** Only a super_admin verifies a custom domain (or sets one directly), on any tenant. */
export function canVerifyDomain(actor: Actor, t: TenantRef): boolean {
  // `has` is false for a mere 'request' grant, so partners cannot verify their own request.
  return has(actor, 'branding.custom_domain') && canViewTenant(actor, t);
}

/**
 * An actor may deactivate (or reactivate) a tenant they may update, except the platform tenant
 * and their own: either would lock the actor — or everyone — out, with nobody left to undo it.
 */
export function canDeactivateTenant(actor: Actor, t: TenantRef): boolean {
  return canUpdateTenant(actor, t) && t.kind !== 'platform' && t.id !== actor.tenantId;
}
