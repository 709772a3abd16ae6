/**
 * The ticket list scope must agree with the detail rule: for every actor, selecting tickets
 * through `ticketScopeWhere` gives exactly the tickets `canViewTicket` accepts — so a list never
 * shows a ticket whose detail is a 404, and never hides one the actor may open. Real SQLite.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findVisibleTicket, ticketRefOf } from '../../server/modules/tickets/access.ts';
import {
  type Actor,
  canViewTicket,
  rolesForTenantKind,
  ticketScopeWhere,
} from '../../server/policy/index.ts';
import { memberships, ROLES, tenants, tickets, users } from '../../storage/schema.ts';
import { tempDatabase } from '../support/db.ts';
import { actorOf, TENANT_NAMES, TREE } from './policy-fixtures.ts';

const temp = tempDatabase();
const db = temp.db;
const userIds: string[] = [];

beforeAll(() => {
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
      userIds.push(id);
      db.insert(users)
        .values({ id, email: `${id}.test`, name: id })
        .run();
      db.insert(memberships)
        .values({ id: `m-${id}`, userId: id, tenantId: t.id, role })
        .run();
    }
  }
  // In every tenant, one ticket filed by each person of the tree: every actor has own and
  // others' tickets everywhere (the platform and partner rows exercise the tenant check alone).
  let n = 0;
  for (const name of TENANT_NAMES) {
    for (const requesterId of userIds) {
      n++;
      db.insert(tickets)
        .values({
          id: `t${n}`,
          tenantId: TREE[name].id,
          key: `K-${n}`,
          subject: `ticket ${n}`,
          category: 'general_inquiry',
          priority: 'low',
          requesterId,
          updatedAt: new Date(),
        })
        .run();
    }
  }
});

afterAll(() => temp.close());

const ACTORS: Actor[] = [
  ...ROLES.map((role) => actorOf(role, undefined, ['tickets'])),
  { ...actorOf('client', 'A1', ['tickets']), ticketScope: 'organization' },
  { ...actorOf('client', 'A1', ['kb']), ticketScope: 'organization' },
  actorOf('client', 'D', ['tickets']),
  actorOf('client_admin', 'D'),
  actorOf('client_admin', 'B1'),
  actorOf('partner', 'B'),
  actorOf('partner_staff', 'B'),
  { ...actorOf('partner'), tenantId: 'P', tenantKind: 'platform', tenantParentId: null },
];

const label = (a: Actor) => `${a.role}@${a.tenantId} [${a.sections.join(',')}] ${a.ticketScope ?? 'own'}`;

describe.each(ACTORS.map((actor) => ({ label: label(actor), actor })))('$label', ({ actor }) => {
  it('ticketScopeWhere selects exactly the tickets canViewTicket accepts', () => {
    const all = TENANT_NAMES.flatMap((name) =>
      db
        .select()
        .from(tickets)
        .all()
        .filter((t) => t.tenantId === TREE[name].id)
        .map((t) => ({ ...t, tenantParentId: TREE[name].parentId })),
    );
    const expected = all.filter((t) => canViewTicket(actor, t)).map((t) => t.id);
    const selected = db.select({ id: tickets.id }).from(tickets).where(ticketScopeWhere(actor)).all();
    expect(selected.map((r) => r.id).sort()).toEqual(expected.sort());
  });

  it('findVisibleTicket loads a ticket exactly when the rule accepts it', () => {
    for (const t of db.select().from(tickets).all()) {
      const parentId = Object.values(TREE).find((x) => x.id === t.tenantId)?.parentId ?? null;
      const ruled = canViewTicket(actor, { ...t, tenantParentId: parentId });
      const found = findVisibleTicket(db, actor, t.id);
      expect([t.id, found !== undefined]).toEqual([t.id, ruled]);
      if (found) expect(ticketRefOf(found)).toEqual({ ...ticketRefOf(found), tenantParentId: parentId });
    }
  });
});

describe('scope shape', () => {
  it('is unrestricted (undefined) only for super_admin and staff', () => {
    for (const role of ROLES) {
      const unrestricted = role === 'super_admin' || role === 'staff';
      expect([role, ticketScopeWhere(actorOf(role, undefined, ['tickets'])) === undefined]).toEqual([
        role,
        unrestricted,
      ]);
    }
  });

  it('every actor sees something and nobody but the provider sees everything', () => {
    const total = db.select().from(tickets).all().length;
    for (const actor of ACTORS.slice(0, ROLES.length)) {
      const n = db.select().from(tickets).where(ticketScopeWhere(actor)).all().length;
      expect(n).toBeGreaterThan(0);
      if (actor.tenantKind !== 'platform') expect(n).toBeLessThan(total);
    }
  });
});
