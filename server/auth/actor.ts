/** Loads who is acting: the user, their single membership and their tenant's place in the tree. */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../storage/db.ts';
import { memberships, tenants, users } from '../../storage/schema.ts';
import { type Actor, sectionsFor } from '../policy/actor.ts';
import { perDatabase } from '../prepared.ts';

export interface ActingUser {
  id: string;
  email: string;
  name: string;
  status: 'active' | 'invited' | 'deactivated';
  hasPassword: boolean;
}

/** The user with their membership and tenant: read on every request, prepared once per database. */
const statements = perDatabase((db) => ({
  byUserId: db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      status: users.status,
      passwordHash: users.passwordHash,
      role: memberships.role,
      sections: memberships.sections,
      ticketScope: memberships.ticketScope,
      tenantId: tenants.id,
      tenantKind: tenants.kind,
      tenantParentId: tenants.parentId,
      tenantActive: tenants.active,
    })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
    .where(eq(users.id, sql.placeholder('userId')))
    .prepare(),
}));

/** Returns the actor for an active user, or null when the user is missing or deactivated. */
export function loadActor(db: Db, userId: string): { actor: Actor; user: ActingUser } | null {
  const row = statements(db).byUserId.get({ userId });
  if (!row || row.status === 'deactivated' || !row.tenantActive) return null;
  return {
    actor: {
      userId: row.id,
      role: row.role,
      tenantId: row.tenantId,
      tenantKind: row.tenantKind,
      tenantParentId: row.tenantParentId,
      sections: sectionsFor(row.role, row.sections),
      // Only a `client` is narrowed to their own tickets; everyone else's reach is the org's.
      ticketScope: row.role === 'client' ? (row.ticketScope ?? 'own') : 'organization',
    },
    user: {
      id: row.id,
      email: row.email,
      name: row.name,
      status: row.status,
      hasPassword: row.passwordHash !== null,
    },
  };
}
