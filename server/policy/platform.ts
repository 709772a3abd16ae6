/**
 * Rules for platform-wide tools: the email outbox and the audit log. The outbox holds every
 * tenant's mail (sign-in links included), so only the provider's own people read it.
 */
import type { Role } from '../../storage/schema.ts';
import { type Actor, isWellPlaced, type TenantRef } from './actor.ts';
import { canViewTenant, type Reach, reaches } from './tenants.ts';

/** Per role: may read the outbox, and how far their audit log reaches. */
const PLATFORM_TOOLS = {
  super_admin: { outbox: true, audit: 'everywhere' },
  staff: { outbox: true, audit: 'nowhere' },
  // A partner answers for their agency and its clients, so they see that tree's audit trail.
  partner: { outbox: false, audit: 'own_tree' },
  partner_staff: { outbox: false, audit: 'nowhere' },
  client_admin: { outbox: false, audit: 'nowhere' },
  client: { outbox: false, audit: 'nowhere' },
} as const satisfies Record<Role, { outbox: boolean; audit: Reach }>;

/** The reach of a role's audit log; scopes.ts turns it into a where-clause. */
export function auditReach(role: Role): Reach {
  return PLATFORM_TOOLS[role].audit;
}

/** Only super_admin and staff read the email outbox. */
export function canReadOutbox(actor: Actor): boolean {
  return isWellPlaced(actor) && PLATFORM_TOOLS[actor.role].outbox;
}

/**
 * Without a tenant: whether the actor may open the audit log at all (the list is then scoped by
 * `auditScope`). With a tenant: whether that tenant's entries are theirs to read — a super_admin
 * every tenant's, a partner their own agency's and its client orgs'.
 */
export function canViewAuditLog(actor: Actor, t?: TenantRef): boolean {
  const reach = auditReach(actor.role);
  if (t === undefined) return isWellPlaced(actor) && reach !== 'nowhere';
  return reaches(actor, reach, t) && canViewTenant(actor, t);
}
