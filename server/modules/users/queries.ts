/**
 * Reading people, always through the policy's membership scope: a user whose organization the
 * actor may not see is simply not found. Other modules read people through these.
 */
import { and, asc, count, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../storage/db.ts';
import { memberships, tenants, totpCredentials, users } from '../../../storage/schema.ts';
import { type Actor, membershipScope, type UserRef } from '../../policy/index.ts';
import type { TUserListQuery } from './schema.ts';

/** The columns a user view is built from: never the password hash or any secret. */
const USER_COLUMNS = {
  id: users.id,
  email: users.email,
  name: users.name,
  status: users.status,
  createdAt: users.createdAt,
  role: memberships.role,
  sections: memberships.sections,
  ticketScope: memberships.ticketScope,
  // Null unless two-factor authentication is enabled (a pending enrolment does not count).
  twoFactorEnabledAt: totpCredentials.enabledAt,
  tenantId: tenants.id,
  tenantName: tenants.name,
  tenantKind: tenants.kind,
  tenantParentId: tenants.parentId,
};

type UserSelect = typeof users.$inferSelect;
type MembershipSelect = typeof memberships.$inferSelect;
export type UserRow = Pick<UserSelect, 'id' | 'email' | 'name' | 'status' | 'createdAt'> &
  Pick<MembershipSelect, 'role' | 'sections' | 'tenantId' | 'ticketScope'> & {
    twoFactorEnabledAt: Date | null;
    tenantName: string;
    tenantKind: (typeof tenants.$inferSelect)['kind'];
    tenantParentId: string | null;
  };

/** Most people a list returns; the UI filters with `q` beyond that. */
export const USER_LIST_LIMIT = 500;

function selectUsers(db: Db) {
  return db
    .select(USER_COLUMNS)
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
    .leftJoin(totpCredentials, eq(totpCredentials.userId, users.id));
}

/** The policy's view of a user row. */
export function userRefOf(row: UserRow): UserRef {
  return {
    id: row.id,
    role: row.role,
    status: row.status,
    tenant: { id: row.tenantId, kind: row.tenantKind, parentId: row.tenantParentId },
  };
}

/** Loads a user by id through the actor's scope; undefined when missing or not theirs to see. */
export function findVisibleUser(db: Db, actor: Actor, id: string): UserRow | undefined {
  return selectUsers(db)
    .where(and(eq(users.id, id), membershipScope(actor)))
    .get();
}

/** `%`, `_` and `\` typed by a person are literal characters, not LIKE wildcards. */
function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The people the actor may see, narrowed by the optional filters, by name. */
export function listVisibleUsers(db: Db, actor: Actor, filter: TUserListQuery): UserRow[] {
  const conditions: (SQL | undefined)[] = [membershipScope(actor)];
  if (filter.tenantId) conditions.push(eq(memberships.tenantId, filter.tenantId));
  if (filter.role) conditions.push(eq(memberships.role, filter.role));
  if (filter.status) conditions.push(eq(users.status, filter.status));
  if (filter.q) {
    // SQLite's LIKE ignores ASCII case, which is what a search box should do.
    const pattern = containsPattern(filter.q);
    conditions.push(
      or(sql`${users.name} LIKE ${pattern} ESCAPE '\\'`, sql`${users.email} LIKE ${pattern} ESCAPE '\\'`),
    );
  }
  return selectUsers(db)
    .where(and(...conditions))
    .orderBy(asc(users.name), asc(users.id))
    .limit(USER_LIST_LIMIT)
    .all();
}

/** The newest people of one organization the actor may see (the dashboard's "people"). */
export function listNewestMembers(db: Db, actor: Actor, tenantId: string, limit: number): UserRow[] {
  return selectUsers(db)
    .where(and(membershipScope(actor), eq(memberships.tenantId, tenantId)))
    .orderBy(desc(users.createdAt), desc(users.id))
    .limit(limit)
    .all();
}

/** How many people the actor may see in all, and per organization for the given ones. */
export function countVisibleMembers(
  db: Db,
  actor: Actor,
  tenantIds: string[],
): { total: number; byTenant: Map<string, number> } {
  const total = db.select({ n: count() }).from(memberships).where(membershipScope(actor)).get()?.n ?? 0;
  const byTenant = new Map<string, number>();
  if (tenantIds.length > 0) {
    const rows = db
      .select({ tenantId: memberships.tenantId, n: count() })
      .from(memberships)
      .where(and(membershipScope(actor), inArray(memberships.tenantId, tenantIds)))
      .groupBy(memberships.tenantId)
      .all();
    for (const r of rows) byTenant.set(r.tenantId, r.n);
  }
  return { total, byTenant };
}
