/**
 * The people who work a desk: the active members of the servicing tenant in a service role
 * (the platform's super_admin and staff; a partner's partner and partner_staff). Routing only
 * ever assigns these, so a rule can never hand a ticket to someone outside the desk.
 */
import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../../../storage/db.ts';
import { memberships, type Role, tenants, users } from '../../../storage/schema.ts';

type Reader = Pick<Db, 'select'>;

/** A desk member as routing sees them. */
export interface DeskAgent {
  id: string;
  name: string;
  role: Role;
  available: boolean;
}

/** The service roles of each kind of servicing tenant. */
const DESK_ROLES = ['super_admin', 'staff', 'partner', 'partner_staff'] as const satisfies readonly Role[];

function selectAgents(db: Reader, deskId: string, extra?: SQL) {
  return db
    .select({ id: users.id, name: users.name, role: memberships.role, available: memberships.available })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
    .where(
      and(
        eq(memberships.tenantId, deskId),
        // The tenant's kind must be a desk's too: a client org is never one, whatever its rows say.
        inArray(tenants.kind, ['platform', 'partner']),
        inArray(memberships.role, DESK_ROLES),
        eq(users.status, 'active'),
        extra,
      ),
    );
}

/** Everyone active who works `deskId`'s tickets, by name (the rule dialog's assignee list). */
export function listDeskAgents(db: Reader, deskId: string): DeskAgent[] {
  return selectAgents(db, deskId).orderBy(asc(users.name), asc(users.id)).all();
}

/** The desk member with this id, or undefined when they (no longer) work this desk. */
export function findDeskAgent(db: Reader, deskId: string, userId: string): DeskAgent | undefined {
  return selectAgents(db, deskId, eq(users.id, userId)).get();
}

/**
 * Who round-robin may pick, ordered by id: the available members of the desk's working roles.
 * On the platform that is its staff; its super_admins take tickets only when the platform has no
 * active staff at all (an admin should not silently inherit the queue because staff stepped away).
 * On a partner desk, the partner and partner_staff alike.
 */
export function roundRobinPool(db: Reader, deskId: string): DeskAgent[] {
  const agents = selectAgents(db, deskId).orderBy(asc(users.id)).all();
  const hasStaff = agents.some((a) => a.role === 'staff');
  const working = agents.filter((a) => (a.role === 'super_admin' ? !hasStaff : true));
  return working.filter((a) => a.available);
}
