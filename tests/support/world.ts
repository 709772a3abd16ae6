/**
 * The demo world every test portal is seeded with (storage/seed.ts), read from its database:
 * ids by tenant slug and account email, whole-row snapshots and row counts.
 *
 * `demoWorld` takes a getter for the database, so a test file can build it at the top, before
 * `beforeAll` has started the portal; the lookups run only when called.
 */
import { count, eq } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../storage/db.ts';
import { memberships, tenants, users } from '../../storage/schema.ts';
import { DEMO_ACCOUNTS } from '../../storage/seed.ts';
import { type PortalClient, signedIn } from './http-client.ts';

/** The slug of every tenant the demo workspace seeds. */
export const DEMO_TENANT_SLUGS = ['platform', 'acme', 'globex', 'initech', 'northwind', 'contoso'] as const;

/**
 * One demo account for each role that is bound to a tenant below the platform: partner and
 * partner_staff (Acme), client_admin under a partner (Globex) and direct (Initech), client (Globex).
 */
export const TENANT_BOUND_ACCOUNTS = [
  'partner@acme.test',
  'client@globex.test',
  'employee@globex.test',
  'team@acme.test',
  'client@initech.test',
] as const;

export type TenantRow = typeof tenants.$inferSelect;

export interface DemoWorld {
  /** The tenant's whole row; throws when no tenant has the slug. */
  tenant: (slug: string) => TenantRow;
  /** The tenant's id; throws when no tenant has the slug. */
  tenantId: (slug: string) => string;
  /** The user's id; throws when no user has the email. */
  userId: (email: string) => string;
  /** Every demo tenant's id by slug and every demo account's id by email, in one record. */
  demoIds: () => Record<string, string>;
  /** A tenant's whole row, as JSON: what a refused change must leave alone. */
  tenantSnapshot: (id: string) => string;
  /** A user's whole row and membership, as JSON: what a refused change must leave alone. */
  userSnapshot: (id: string) => string;
  /** `tenantSnapshot` or `userSnapshot`, by kind. */
  snapshot: (kind: 'tenant' | 'user', id: string) => string;
  /** How many rows the table holds. */
  rowCount: (table: SQLiteTable) => number;
}

export function demoWorld(db: () => Db): DemoWorld {
  const tenant = (slug: string): TenantRow => {
    const row = db().select().from(tenants).where(eq(tenants.slug, slug)).get();
    if (!row) throw new Error(`No tenant with slug ${slug}`);
    return row;
  };
  const tenantId = (slug: string): string => tenant(slug).id;
  const userId = (email: string): string => {
    const row = db().select({ id: users.id }).from(users).where(eq(users.email, email)).get();
    if (!row) throw new Error(`No user with email ${email}`);
    return row.id;
  };
  const tenantSnapshot = (id: string): string =>
    JSON.stringify(db().select().from(tenants).where(eq(tenants.id, id)).get());
  const userSnapshot = (id: string): string => {
    const user = db().select().from(users).where(eq(users.id, id)).get();
    const membership = db().select().from(memberships).where(eq(memberships.userId, id)).get();
    return JSON.stringify({ user, membership });
  };
  return {
    tenant,
    tenantId,
    userId,
    demoIds: () => ({
      ...Object.fromEntries(DEMO_TENANT_SLUGS.map((slug) => [slug, tenantId(slug)])),
      ...Object.fromEntries(DEMO_ACCOUNTS.map(({ email }) => [email, userId(email)])),
    }),
    tenantSnapshot,
    userSnapshot,
    snapshot: (kind, id) => (kind === 'tenant' ? tenantSnapshot(id) : userSnapshot(id)),
    rowCount: (table) => db().select({ n: count() }).from(table).get()?.n ?? 0,
  };
}

/** A signed-in client for each demo account, by email; signs in one at a time. */
export async function signedInAll(
  baseUrl: string,
  emails: readonly string[],
): Promise<Record<string, PortalClient>> {
  const clients: Record<string, PortalClient> = {};
  for (const email of emails) clients[email] = await signedIn(baseUrl, email);
  return clients;
}
