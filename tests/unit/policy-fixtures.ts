/**
 * The fixed tenant tree and one actor per role shared by the policy tests:
 *
 *   P (platform) ─┬─ A (partner) ─┬─ A1 (client org)
 *                 │               └─ A2 (client org)
 *                 ├─ B (partner) ─── B1 (client org)
 *                 └─ D (direct client org)
 */
import type { Actor, TenantRef, UserRef } from '../../server/policy/index.ts';
import type { Role, Section } from '../../storage/schema.ts';

export const TREE = {
  P: { id: 'P', kind: 'platform', parentId: null },
  A: { id: 'A', kind: 'partner', parentId: 'P' },
  B: { id: 'B', kind: 'partner', parentId: 'P' },
  A1: { id: 'A1', kind: 'client', parentId: 'A' },
  A2: { id: 'A2', kind: 'client', parentId: 'A' },
  B1: { id: 'B1', kind: 'client', parentId: 'B' },
  D: { id: 'D', kind: 'client', parentId: 'P' },
} as const satisfies Record<string, TenantRef>;

export type TenantName = keyof typeof TREE;
export const TENANT_NAMES = Object.keys(TREE) as TenantName[];

/** Where each role's test actor sits. */
export const HOME: Record<Role, TenantName> = {
  super_admin: 'P',
  staff: 'P',
  partner: 'A',
  partner_staff: 'A',
  client_admin: 'A1',
  client: 'A1',
};

/** An actor of `role` in `tenant` (default: the role's home in the tree). */
export function actorOf(role: Role, tenant: TenantName = HOME[role], sections: Section[] = []): Actor {
  const t = TREE[tenant];
  return {
    userId: `${role}@${tenant}`,
    role,
    tenantId: t.id,
    tenantKind: t.kind,
    tenantParentId: t.parentId,
    sections,
  };
}

/** A user of `role` in `tenant`; `id` defaults to a fresh one, so it is not the actor themself. */
export function userOf(role: Role, tenant: TenantName, id = `other-${role}@${tenant}`): UserRef {
  return { id, role, tenant: TREE[tenant], status: 'active' };
}

/** Parses a space-separated list of tenant names, e.g. `'A A1 A2'`. */
export function names(list: string): Set<string> {
  return new Set(list.split(' ').filter(Boolean));
}
