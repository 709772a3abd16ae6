/**
 * What the live queue push remembers per connected user (collab/server/tickets/queue-watchers.ts):
 * remembered between batches, and forgotten exactly when it may have changed — a ticket of their
 * org changed, or their rights did.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueueWatchers } from '../../collab/server/tickets/queue-watchers.ts';
import { buildTenant, buildTicket, buildUser } from '../../storage/builders.ts';
import type { Db } from '../../storage/db.ts';
import { users } from '../../storage/schema.ts';
import { tempDatabase } from '../support/db.ts';

let temp: ReturnType<typeof tempDatabase>;
let db: Db;
let org1: string;
let org2: string;
let alice: string;
let bob: string;
let staff: string;

beforeAll(async () => {
  temp = tempDatabase();
  db = temp.db;
  const platform = buildTenant(db, { kind: 'platform', name: 'P', slug: 'p', keyPrefix: 'PL' });
  const client = (n: number) =>
    buildTenant(db, {
      kind: 'client',
      name: `Org ${n}`,
      slug: `org${n}`,
      keyPrefix: `O${n}`,
      parentId: platform.id,
    }).id;
  org1 = client(1);
  org2 = client(2);
  alice = (await buildUser(db, { email: 'a@t.test', name: 'A', role: 'client_admin', tenantId: org1 })).id;
  bob = (await buildUser(db, { email: 'b@t.test', name: 'B', role: 'client_admin', tenantId: org2 })).id;
  staff = (await buildUser(db, { email: 's@t.test', name: 'S', role: 'staff', tenantId: platform.id })).id;
  buildTicket(db, { tenantId: org1, requesterId: alice, subject: 'a1', status: 'open' });
  buildTicket(db, { tenantId: org2, requesterId: bob, subject: 'b1', status: 'open' });
});
afterAll(() => temp.close());

const ids = (tickets: { id: string }[]) => tickets.map((t) => t.id).sort();

describe('QueueWatchers', () => {
  it('remembers followed tickets until a ticket of the watcher’s own org changes', () => {
    const watchers = new QueueWatchers(db);
    const a = watchers.watcher(alice);
    const actor = watchers.actorOf(a, alice);
    expect(actor?.tenantId).toBe(org1);
    if (!actor) return;
    const first = watchers.followedBy(a, actor);
    expect(first).toHaveLength(1);

    const filed = buildTicket(db, { tenantId: org1, requesterId: alice, subject: 'a2', status: 'new' });
    // Another org's change: alice's list is still the remembered one.
    watchers.ticketChanged(org2);
    expect(watchers.followedBy(a, actor)).toBe(first);
    // Her org's change: re-read, and the new ticket is followed.
    watchers.ticketChanged(org1);
    expect(ids(watchers.followedBy(a, actor))).toEqual(ids([...first, filed]));
  });

  it('re-reads who the watcher is after a rights change, and follows nothing for non-client roles', () => {
    const watchers = new QueueWatchers(db);
    const b = watchers.watcher(bob);
    const actor = watchers.actorOf(b, bob);
    expect(actor).not.toBeNull();
    if (actor) watchers.followedBy(b, actor);
    db.update(users).set({ status: 'deactivated' }).where(eq(users.id, bob)).run();
    try {
      // Remembered until told…
      expect(watchers.actorOf(b, bob)).toBe(actor);
      watchers.rightsChanged(bob);
      // …then read afresh: a deactivated user has no actor, and nothing is followed.
      expect(b.followed).toBeNull();
      expect(watchers.actorOf(b, bob)).toBeNull();
    } finally {
      db.update(users).set({ status: 'active' }).where(eq(users.id, bob)).run();
    }
    watchers.rightsChanged(bob);
    expect(watchers.actorOf(b, bob)?.tenantId).toBe(org2);

    const s = watchers.watcher(staff);
    expect(watchers.actorOf(s, staff)).toBeNull();
  });

  it('forgets users who are no longer connected', () => {
    const watchers = new QueueWatchers(db);
    watchers.watcher(alice).told.set('x', '1|1|medium');
    watchers.watcher(bob);
    watchers.keepOnly(new Set([bob]));
    expect(watchers.has(alice)).toBe(false);
    expect(watchers.has(bob)).toBe(true);
    expect(watchers.watcher(alice).told.size).toBe(0);
  });
});
