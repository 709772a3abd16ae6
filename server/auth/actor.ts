/** Loads who is acting: the user, their single membership and their tenant's place in the tree. */
import { eq } from 'drizzle-orm';
import type { Db } from '../../storage/db.ts';
import { type Role, type Section, memberships, tenants, users } from '../../storage/schema.ts';
import type { Actor } from '../policy/actor.ts';

/** Sections a `client` may use when their client_admin has not chosen: read-restricted default. */
export const DEFAULT_CLIENT_SECTIONS: Section[] = ['tickets', 'kb'];
const ALL_SECTIONS: Section[] = ['tickets', 'invoices', 'contracts', 'kb', 'chat', 'messages', 'files'];

/** The sections a member may use: everything for every role but `client`, whose admin chooses. */
export function effectiveSections(role: Role, chosen: Section[] | null): Section[] {
  if (role !== 'client') return ALL_SECTIONS;
  return chosen ?? DEFAULT_CLIENT_SECTIONS;
}

export interface ActingUser {
  id: string;
  email: string;
  name: string;
  status: 'active' | 'invited' | 'deactivated';
  hasPassword: boolean;
}

/** Returns the actor for an active user, or null when the user is missing or deactivated. */
export function loadActor(db: Db, userId: string): { actor: Actor; user: ActingUser } | null {
  const row = db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      status: users.status,
      passwordHash: users.passwordHash,
      role: memberships.role,
      sections: memberships.sections,
      tenantId: tenants.id,
      tenantKind: tenants.kind,
      tenantParentId: tenants.parentId,
      tenantActive: tenants.active,
    })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
    .where(eq(users.id, userId))
    .get();
  if (!row || row.status === 'deactivated' || !row.tenantActive) return null;
  return {
    actor: {
      userId: row.id,
      role: row.role,
      tenantId: row.tenantId,
      tenantKind: row.tenantKind,
      tenantParentId: row.tenantParentId,
      sections: effectiveSections(row.role, row.sections),
    },
    user: { id: row.id, email: row.email, name: row.name, status: row.status, hasPassword: row.passwordHash !== null },
  };
}
