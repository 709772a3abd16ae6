/**
 * The list scopes must agree with the detail rules: for every actor, selecting tenants (and
 * memberships, and audit entries) through the scope gives exactly the rows the rule accepts.
 * Runs against a real, migrated SQLite database in a temp dir holding the fixture tree.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Actor,
  auditScope,
  canViewAuditLog,
  canViewTenant,
  canViewUser,
  membershipScope,
  rolesForTenantKind,
  tenantScope,
} from '../../server/policy/index.ts';
import { type Db, openDatabase } from '../../storage/db.ts';
import { auditLog, memberships, ROLES, tenants, users } from '../../storage/schema.ts';
import { actorOf, TENANT_NAMES, TREE } from './policy-fixtures.ts';

let dir: string;
let db: Db;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'portal-policy-'));
  db = openDatabase(dir);
  // Parents first: parent_id is a foreign key.
  for (const name of TENANT_NAMES) {
    const t = TREE[name];
    db.insert(tenants)
      .values({
        id: t.id,
        kind: t.kind,
        parentId: t.parentId,
        slug: name.toLowerCase(),
        name,
        keyPrefix: name,
      })
      .run();
    for (const role of rolesForTenantKind(t.kind)) {
      const id = `${role}@${name}`;
      db.insert(users)
        .values({ id, email: `${id}.test`, name: id })
        .run();
      db.insert(memberships)
        .values({ id: `m-${id}`, userId: id, tenantId: t.id, role })
        .run();
    }
    db.insert(auditLog)
      .values({ tenantId: t.id, action: `event.${name}` })
      .run();
  }
  // A platform-level event without a tenant: only the whole-platform reach may see it.
  db.insert(auditLog).values({ tenantId: null, action: 'event.none' }).run();
});

afterAll(() => {
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Actors: every role at home, plus the client roles of a direct client. */
const ACTORS: Actor[] = [
  ...ROLES.map((role) => actorOf(role)),
  actorOf('client_admin', 'D'),
  actorOf('client', 'D'),
  actorOf('client_admin', 'B1'),
  actorOf('partner', 'B'),
];

const sorted = (xs: (string | null)[]) => [...xs].map(String).sort();

describe.each(ACTORS.map((actor) => ({ label: `${actor.role}@${actor.tenantId}`, actor })))(
  '$label',
  ({ actor }) => {
    it('tenantScope selects exactly the tenants canViewTenant accepts', () => {
      const rows = db.select({ id: tenants.id }).from(tenants).where(tenantScope(actor)).all();
      const expected = TENANT_NAMES.filter((n) => canViewTenant(actor, TREE[n]));
      expect(sorted(rows.map((r) => r.id))).toEqual(sorted(expected));
      expect(expected.length).toBeGreaterThan(0);
    });

    it('membershipScope selects exactly the memberships canViewUser accepts', () => {
      const rows = db.select({ id: memberships.id }).from(memberships).where(membershipScope(actor)).all();
      const expected = db
        .select()
        .from(memberships)
        .all()
        .filter((m) => {
          const tenant = TREE[m.tenantId as keyof typeof TREE];
          return canViewUser(actor, { id: m.userId, role: m.role, tenant, status: 'active' });
        });
      expect(sorted(rows.map((r) => r.id))).toEqual(sorted(expected.map((m) => m.id)));
    });

    it('auditScope selects exactly the entries canViewAuditLog accepts', () => {
      const rows = db.select({ tenantId: auditLog.tenantId }).from(auditLog).where(auditScope(actor)).all();
      const all = db.select({ tenantId: auditLog.tenantId }).from(auditLog).all();
      // An entry without a tenant is readable only by whoever reads every tenant's entries.
      const everywhere = TENANT_NAMES.every((n) => canViewAuditLog(actor, TREE[n]));
      const expected = all.filter((e) =>
        e.tenantId === null ? everywhere : canViewAuditLog(actor, TREE[e.tenantId as keyof typeof TREE]),
      );
      expect(sorted(rows.map((r) => r.tenantId))).toEqual(sorted(expected.map((e) => e.tenantId)));
    });
  },
);

describe('scope shape', () => {
  it('is unrestricted (undefined) only for super_admin and staff', () => {
    for (const role of ROLES) {
      const unrestricted = role === 'super_admin' || role === 'staff';
      expect([role, tenantScope(actorOf(role)) === undefined]).toEqual([role, unrestricted]);
      expect([role, membershipScope(actorOf(role)) === undefined]).toEqual([role, unrestricted]);
    }
  });

  it('a misplaced actor selects nothing', () => {
    const misplaced: Actor = {
      ...actorOf('partner'),
      tenantId: 'P',
      tenantKind: 'platform',
      tenantParentId: null,
    };
    expect(db.select().from(tenants).where(tenantScope(misplaced)).all()).toEqual([]);
    expect(db.select().from(memberships).where(membershipScope(misplaced)).all()).toEqual([]);
  });
});
