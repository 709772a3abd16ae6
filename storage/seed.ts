/**
 * The platform tenant every install needs, and the demo workspace (`SEED_DEMO`, on by default):
 * the provider, two white-label partners with client orgs, a direct client, and one account per role.
 */
import { eq } from 'drizzle-orm';
import { buildTenant, buildUser } from './builders.ts';
import type { Db } from './db.ts';
import { type Role, tenants, users } from './schema.ts';

export const DEMO_PASSWORD = 'demo-portal-2026';

export const DEMO_ACCOUNTS: { email: string; name: string; role: Role; org: string }[] = [
  { email: 'admin@demo.test', name: 'Ada Admin', role: 'super_admin', org: 'Kre8ivTech' },
  { email: 'staff@demo.test', name: 'Sam Staff', role: 'staff', org: 'Kre8ivTech' },
  { email: 'partner@acme.test', name: 'Pat Partner', role: 'partner', org: 'Acme Agency' },
  { email: 'team@acme.test', name: 'Tara Team', role: 'partner_staff', org: 'Acme Agency' },
  { email: 'client@globex.test', name: 'Grace Globex', role: 'client_admin', org: 'Globex' },
  { email: 'employee@globex.test', name: 'Eli Employee', role: 'client', org: 'Globex' },
  { email: 'client@initech.test', name: 'Ivan Initech', role: 'client_admin', org: 'Initech' },
  { email: 'partner@northwind.test', name: 'Nora Northwind', role: 'partner', org: 'Northwind Digital' },
  { email: 'client@contoso.test', name: 'Cory Contoso', role: 'client_admin', org: 'Contoso' },
];

/** True when the database has no tenant yet: a brand-new install. */
export function isEmpty(db: Db): boolean {
  return db.select({ id: tenants.id }).from(tenants).limit(1).get() === undefined;
}

/** True when the demo workspace's accounts exist (seeded now or on an earlier start). */
export function hasDemoWorkspace(db: Db): boolean {
  return (
    db.select({ id: users.id }).from(users).where(eq(users.email, DEMO_ACCOUNTS[0]!.email)).get() !==
    undefined
  );
}

/** Creates the platform tenant if missing and returns its id. */
export function ensurePlatform(db: Db): string {
  const existing = db.select({ id: tenants.id }).from(tenants).where(eq(tenants.kind, 'platform')).get();
  if (existing) return existing.id;
  return buildTenant(db, { kind: 'platform', name: 'Kre8ivTech', slug: 'platform', keyPrefix: 'KT' }).id;
}

/** Seeds the demo workspace into an empty database. */
export async function seedDemo(db: Db): Promise<void> {
  const platformId = ensurePlatform(db);
  const acme = buildTenant(db, {
    kind: 'partner',
    name: 'Acme Agency',
    slug: 'acme',
    keyPrefix: 'ACME',
    parentId: platformId,
    branding: {
      portalName: 'Acme Client Hub',
      primaryColor: '#0f766e',
      accentColor: '#f59e0b',
      loginText: 'Welcome to the Acme client hub. Sign in to follow your requests and talk to our team.',
    },
  });
  const globex = buildTenant(db, {
    kind: 'client',
    name: 'Globex',
    slug: 'globex',
    keyPrefix: 'GLOBEX',
    parentId: acme.id,
  });
  const initech = buildTenant(db, {
    kind: 'client',
    name: 'Initech',
    slug: 'initech',
    keyPrefix: 'INITECH',
    parentId: platformId,
  });
  const northwind = buildTenant(db, {
    kind: 'partner',
    name: 'Northwind Digital',
    slug: 'northwind',
    keyPrefix: 'NW',
    parentId: platformId,
    branding: { portalName: 'Northwind Support', primaryColor: '#1d4ed8', accentColor: '#e11d48' },
  });
  const contoso = buildTenant(db, {
    kind: 'client',
    name: 'Contoso',
    slug: 'contoso',
    keyPrefix: 'CONTOSO',
    parentId: northwind.id,
  });
  const orgIds: Record<string, string> = {
    Kre8ivTech: platformId,
    'Acme Agency': acme.id,
    Globex: globex.id,
    Initech: initech.id,
    'Northwind Digital': northwind.id,
    Contoso: contoso.id,
  };
  for (const account of DEMO_ACCOUNTS) {
    await buildUser(db, {
      email: account.email,
      name: account.name,
      role: account.role,
      tenantId: orgIds[account.org]!,
      password: DEMO_PASSWORD,
      sections: account.role === 'client' ? ['tickets', 'kb', 'messages'] : null,
    });
  }
}
