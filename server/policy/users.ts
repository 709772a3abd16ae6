/**
 * Rules for people. Who may hand out which role, in which tenant: the matrix says whether a role
 * manages staff, partners, partner's clients or its own org; the tenant tree says where; and a
 * typed table caps which roles each role may ever give, so nobody hands out more than they hold.
 */
import type { Role, TenantKind } from '../../storage/schema.ts';
import { type Actor, rolesForTenantKind, type TenantRef, type UserRef } from './actor.ts';
import { has, type Permission } from './matrix.ts';
import { canViewTenant } from './tenants.ts';

/** The matrix row that governs people in each kind of tenant. */
const MANAGE_PEOPLE_IN = {
  platform: 'users.manage_staff',
  partner: 'users.manage_partners',
  client: 'users.manage_partner_clients',
} as const satisfies Record<TenantKind, Permission>;

/**
 * The roles each role may ever give. Staff never mint platform roles (only the owners add
 * staff); a client_admin looks after employees, and making another admin — raising a role —
 * is for whoever manages the org from above.
 */
const GRANTABLE_ROLES = {
  super_admin: ['super_admin', 'staff', 'partner', 'partner_staff', 'client_admin', 'client'],
  staff: ['partner', 'partner_staff', 'client_admin', 'client'],
  partner: ['partner', 'partner_staff', 'client_admin', 'client'],
  partner_staff: [],
  client_admin: ['client'],
  client: [],
} as const satisfies Record<Role, readonly Role[]>;

/** Whether the actor manages the people of tenant `t` at all (before capping the roles). */
function managesPeopleOf(actor: Actor, t: TenantRef): boolean {
  if (!canViewTenant(actor, t)) return false;
  const ownOrg = t.id === actor.tenantId && has(actor, 'users.manage_own_org');
  return ownOrg || has(actor, MANAGE_PEOPLE_IN[t.kind]);
}

/**
 * The roles the actor may give to a user in tenant `t`: the roles that live in that kind of
 * tenant, which the actor manages and may grant. Empty when the actor may not manage people there.
 */
export function assignableRoles(actor: Actor, t: TenantRef): Role[] {
  if (!managesPeopleOf(actor, t)) return [];
  const grantable: readonly Role[] = GRANTABLE_ROLES[actor.role];
  return rolesForTenantKind(t.kind).filter((role) => grantable.includes(role));
}

/** An actor may invite or manage anyone in tenant `t` when they may assign some role there. */
export function canManageUsersIn(actor: Actor, t: TenantRef): boolean {
  return assignableRoles(actor, t).length > 0;
}

/**
 * An actor may see a user whose tenant they may see. So a client never sees platform or partner
 * people, and another agency's people are invisible to a partner.
 */
export function canViewUser(actor: Actor, u: UserRef): boolean {
  return canViewTenant(actor, u.tenant);
}

/**
 * An actor may edit, deactivate or reactivate a user when they could have given that user their
 * role in that tenant — and the user is not themself (nobody deactivates or demotes themself and
 * locks the org out).
 */
export function canManageUser(actor: Actor, u: UserRef): boolean {
  return u.id !== actor.userId && assignableRoles(actor, u.tenant).includes(u.role);
}

/** An actor may move a user to `newRole` when they manage the user and may give `newRole` there. */
export function canChangeRole(actor: Actor, u: UserRef, newRole: Role): boolean {
  return canManageUser(actor, u) && assignableRoles(actor, u.tenant).includes(newRole);
}

/** Sections only gate client employees, so only a manageable `client` has sections to edit. */
export function canEditSections(actor: Actor, u: UserRef): boolean {
  return u.role === 'client' && canManageUser(actor, u);
}
