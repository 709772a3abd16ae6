/**
 * Reading tenants, always through the policy's scope: a tenant the actor may not see is simply
 * not found, so list and detail can never disagree. Other modules read tenants through these.
 */
import { and, asc, count, eq, ne, type SQL } from 'drizzle-orm';
import type { Db } from '../../../storage/db.ts';
import { tenants } from '../../../storage/schema.ts';
import { type Actor, type TenantRef, tenantScope } from '../../policy/index.ts';
import type { TTenantListQuery } from './schema.ts';

/** The columns a tenant view is built from: never branding blobs or key internals. */
export const TENANT_COLUMNS = {
  id: tenants.id,
  kind: tenants.kind,
  name: tenants.name,
  slug: tenants.slug,
  parentId: tenants.parentId,
  active: tenants.active,
  customDomain: tenants.customDomain,
  customDomainStatus: tenants.customDomainStatus,
  createdAt: tenants.createdAt,
};

export type TenantRow = Pick<
  typeof tenants.$inferSelect,
  | 'id'
  | 'kind'
  | 'name'
  | 'slug'
  | 'parentId'
  | 'active'
  | 'customDomain'
  | 'customDomainStatus'
  | 'createdAt'
>;

/** The policy's view of a tenant row. */
export function tenantRefOf(row: Pick<TenantRow, 'id' | 'kind' | 'parentId'>): TenantRef {
  return { id: row.id, kind: row.kind, parentId: row.parentId };
}

/** Loads a tenant by id through the actor's scope; undefined when missing or not theirs to see. */
export function findVisibleTenant(db: Db, actor: Actor, id: string): TenantRow | undefined {
  return db
    .select(TENANT_COLUMNS)
    .from(tenants)
    .where(and(eq(tenants.id, id), tenantScope(actor)))
    .get();
}

/** The tenants the actor may see, narrowed by the optional filters, by kind then name. */
export function listVisibleTenants(db: Db, actor: Actor, filter: TTenantListQuery): TenantRow[] {
  const conditions: (SQL | undefined)[] = [tenantScope(actor)];
  if (filter.kind) conditions.push(eq(tenants.kind, filter.kind));
  if (filter.parentId) conditions.push(eq(tenants.parentId, filter.parentId));
  return db
    .select(TENANT_COLUMNS)
    .from(tenants)
    .where(and(...conditions))
    .orderBy(asc(tenants.kind), asc(tenants.name))
    .all();
}

/**
 * The organisations the actor may see below their own: a partner's client orgs, or every partner
 * and client org for the platform's people. Never the actor's own tenant or the platform.
 */
export function listVisibleChildOrgs(db: Db, actor: Actor, limit: number): TenantRow[] {
  return db
    .select(TENANT_COLUMNS)
    .from(tenants)
    .where(and(tenantScope(actor), ne(tenants.id, actor.tenantId), ne(tenants.kind, 'platform')))
    .orderBy(asc(tenants.name))
    .limit(limit)
    .all();
}

/** How many tenants the actor may see, and how many of those lie below their own. */
export function countVisibleTenants(db: Db, actor: Actor): { tenants: number; childOrganizations: number } {
  const all = db.select({ n: count() }).from(tenants).where(tenantScope(actor)).get();
  const below = db
    .select({ n: count() })
    .from(tenants)
    .where(and(tenantScope(actor), ne(tenants.id, actor.tenantId), ne(tenants.kind, 'platform')))
    .get();
  return { tenants: all?.n ?? 0, childOrganizations: below?.n ?? 0 };
}

/** A tenant's name by id, unscoped: only for names the caller already has a right to (a parent). */
export function unsafeTenantName(db: Db, id: string | null): string | null {
  if (!id) return null;
  return db.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, id)).get()?.name ?? null;
}
