/**
 * Who may be assigned a client org's tickets: the provider's people (super_admin, staff) and the
 * team of the org's own agency (partner, partner_staff), active only — and, of those, only people
 * the actor may see, so an agency never learns the provider's staff list through this door.
 */
import { and, asc, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../../storage/db.ts';
import { memberships, type Role, tenants, users } from '../../../storage/schema.ts';
import { type Actor, membershipScope } from '../../policy/index.ts';

/** A person who may be assigned, as the picker shows them. */
export interface AssigneeCandidate {
  id: string;
  name: string;
  role: Role;
}

/** Where the org sits: its parent decides whose team works its tickets. */
export interface AssignableOrg {
  id: string;
  parentId: string | null;
}

/** Condition over users ⋈ memberships ⋈ tenants for the people who may work `org`'s tickets. */
function eligibleFor(actor: Actor, org: AssignableOrg): SQL | undefined {
  const provider = inArray(memberships.role, ['super_admin', 'staff']);
  // The parent is only "the agency" when it is a partner tenant; a direct client has none.
  const agency = org.parentId
    ? and(
        inArray(memberships.role, ['partner', 'partner_staff']),
        eq(memberships.tenantId, org.parentId),
        eq(tenants.kind, 'partner'),
      )
    : undefined;
  return and(eq(users.status, 'active'), or(provider, agency), membershipScope(actor));
}

function selectCandidates(db: Db) {
  return db
    .select({ id: users.id, name: users.name, role: memberships.role })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .innerJoin(tenants, eq(tenants.id, memberships.tenantId));
}

/** Everyone the actor may assign `org`'s tickets to, by name. */
export function listAssignees(db: Db, actor: Actor, org: AssignableOrg): AssigneeCandidate[] {
  return selectCandidates(db).where(eligibleFor(actor, org)).orderBy(asc(users.name), asc(users.id)).all();
}

/** The candidate with this id, or undefined when they may not be assigned (by this actor). */
export function findAssignee(
  db: Db,
  actor: Actor,
  org: AssignableOrg,
  userId: string,
): AssigneeCandidate | undefined {
  return selectCandidates(db)
    .where(and(eq(users.id, userId), eligibleFor(actor, org)))
    .get();
}
