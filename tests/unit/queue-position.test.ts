/**
 * Queue positions against a brute-force oracle: random queues on a real, migrated SQLite, and
 * after every operation every ticket's position compared with a JS sort of the same rows.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  compareQueueOrder,
  estimateMinutes,
  medianFirstResponseMinutes,
  QUEUE_STATUSES,
  queuePosition,
} from '../../server/modules/tickets/queue.ts';
import { buildTenant, buildTicket, buildUser } from '../../storage/builders.ts';
import type { Db } from '../../storage/db.ts';
import {
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  type TicketPriority,
  type TicketStatus,
  tickets,
} from '../../storage/schema.ts';
import { buildClientOrgs, type Filer } from '../support/client-orgs.ts';
import { tempDatabase } from '../support/db.ts';
import { seededRandom } from '../support/random.ts';

let temp: ReturnType<typeof tempDatabase>;
let db: Db;
let orgs: Filer[] = [];

beforeAll(async () => {
  temp = tempDatabase();
  db = temp.db;
  orgs = await buildClientOrgs(db, 3);
});
afterAll(() => temp.close());

interface Row {
  id: string;
  status: TicketStatus;
  priority: TicketPriority;
  createdAt: Date;
}

/** The oracle: filter and sort every row in JS, independently of the SQL. */
function oracle(rows: Row[], t: Row): { position: number | null; total: number } {
  const queue = rows
    .filter((r) => r.priority === t.priority && (QUEUE_STATUSES as readonly string[]).includes(r.status))
    .sort(
      (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
  const index = queue.findIndex((r) => r.id === t.id);
  return { position: index === -1 ? null : index + 1, total: queue.length };
}

function allRows(): Row[] {
  return db
    .select({
      id: tickets.id,
      status: tickets.status,
      priority: tickets.priority,
      createdAt: tickets.createdAt,
    })
    .from(tickets)
    .all();
}

describe('queuePosition', () => {
  it('agrees with a brute-force oracle over thousands of random operations', () => {
    const random = seededRandom(20260601);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
    const base = Date.UTC(2026, 0, 1);
    let checks = 0;
    for (let op = 0; op < 2000; op++) {
      const rows = allRows();
      const r = random();
      if (rows.length < 8 || (r < 0.35 && rows.length < 60)) {
        const org = pick(orgs);
        // A narrow time range: many tickets share a millisecond, so the id tie-break is exercised.
        buildTicket(db, {
          ...org,
          subject: `op ${op}`,
          priority: pick(TICKET_PRIORITIES),
          status: pick(TICKET_STATUSES),
          createdAt: new Date(base + Math.floor(random() * 40)),
        });
      } else if (r < 0.7) {
        db.update(tickets)
          .set({ status: pick(TICKET_STATUSES) })
          .where(eq(tickets.id, pick(rows).id))
          .run();
      } else {
        db.update(tickets)
          .set({ priority: pick(TICKET_PRIORITIES) })
          .where(eq(tickets.id, pick(rows).id))
          .run();
      }
      const now = allRows();
      for (const t of now) {
        const got = queuePosition(db, t, null);
        expect({ position: got.position, total: got.total }, `op ${op}, ticket ${t.id}`).toEqual(
          oracle(now, t),
        );
        expect(got.priority).toBe(t.priority);
        checks++;
      }
    }
    expect(checks).toBeGreaterThan(50_000);
  }, 120_000);

  it('counts over the queue index, never a table scan', () => {
    const plan = db.$client
      .prepare(
        `EXPLAIN QUERY PLAN SELECT count(*) FROM tickets
         WHERE status IN ('new','open','in_progress') AND priority = ? AND created_at < ?`,
      )
      .all('high', Date.now()) as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/USING COVERING INDEX tickets_queue_idx/);
  });

  it('does not queue pending_client, resolved or closed tickets, but still reports the total', () => {
    const org = orgs[0]!;
    for (const status of ['pending_client', 'resolved', 'closed'] as const) {
      const t = buildTicket(db, { ...org, subject: status, priority: 'critical', status });
      const got = queuePosition(db, t);
      expect(got.position).toBeNull();
      expect(got.estimatedResponseMinutes).toBeNull();
      expect(got.total).toBe(oracle(allRows(), t).total);
    }
  });
});

/** A platform with one client org and one client user in it: who files the estimate's tickets. */
async function oneClient(db: Db) {
  const platform = buildTenant(db, { kind: 'platform', name: 'P', slug: 'p', keyPrefix: 'PL' });
  const org = buildTenant(db, {
    kind: 'client',
    name: 'O',
    slug: 'o',
    keyPrefix: 'OO',
    parentId: platform.id,
  });
  const user = await buildUser(db, { email: 'x@t.test', name: 'X', role: 'client', tenantId: org.id });
  return { org, user };
}

describe('the estimate', () => {
  it('is the median first-response time of the last 50 responded tickets, times the position', async () => {
    const fresh = tempDatabase();
    try {
      const { org, user } = await oneClient(fresh.db);
      const who = { tenantId: org.id, requesterId: user.id };
      expect(medianFirstResponseMinutes(fresh.db, 'high')).toBeNull();
      const t0 = Date.UTC(2026, 0, 1);
      const minute = 60_000;
      // 60 older tickets answered after 1000 minutes, then 50 newer ones after 10, 20, …, 500.
      for (let i = 0; i < 60; i++) {
        const createdAt = new Date(t0 + i * minute);
        const firstResponseAt = new Date(createdAt.getTime() + 1000 * minute);
        buildTicket(fresh.db, {
          ...who,
          subject: 'old',
          priority: 'high',
          status: 'closed',
          createdAt,
          firstResponseAt,
        });
      }
      for (let i = 1; i <= 50; i++) {
        const createdAt = new Date(t0 + 10_000 * minute + i * minute);
        const firstResponseAt = new Date(createdAt.getTime() + i * 10 * minute);
        buildTicket(fresh.db, {
          ...who,
          subject: 'new',
          priority: 'high',
          status: 'resolved',
          createdAt,
          firstResponseAt,
        });
      }
      // The median of 10..500 in steps of 10 is (250 + 260) / 2; the older 60 are out of the sample.
      expect(medianFirstResponseMinutes(fresh.db, 'high')).toBe(255);
      // Another priority's history does not count.
      expect(medianFirstResponseMinutes(fresh.db, 'low')).toBeNull();
      const a = buildTicket(fresh.db, { ...who, subject: 'a', priority: 'high', createdAt: new Date(t0) });
      const b = buildTicket(fresh.db, {
        ...who,
        subject: 'b',
        priority: 'high',
        createdAt: new Date(t0 + 1),
      });
      expect(queuePosition(fresh.db, a)).toEqual({
        position: 1,
        total: 2,
        priority: 'high',
        estimatedResponseMinutes: 255,
      });
      expect(queuePosition(fresh.db, b).estimatedResponseMinutes).toBe(510);
      const low = buildTicket(fresh.db, { ...who, subject: 'c', priority: 'low' });
      expect(queuePosition(fresh.db, low)).toEqual({
        position: 1,
        total: 1,
        priority: 'low',
        estimatedResponseMinutes: null,
      });
    } finally {
      fresh.close();
    }
  });

  it('rounds to whole minutes, at least one, and is null without history or position', () => {
    expect(estimateMinutes(null, 3)).toBeNull();
    expect(estimateMinutes(12, null)).toBeNull();
    expect(estimateMinutes(0.1, 1)).toBe(1);
    expect(estimateMinutes(2.4, 3)).toBe(7);
  });

  it('orders by created, then id', () => {
    const at = new Date(5);
    expect(compareQueueOrder({ id: 'a', createdAt: new Date(4) }, { id: 'b', createdAt: at })).toBeLessThan(
      0,
    );
    expect(compareQueueOrder({ id: 'b', createdAt: at }, { id: 'a', createdAt: at })).toBeGreaterThan(0);
  });
});

describe('the remembered median', () => {
  it('is recomputed after any write, through this connection or another', async () => {
    const fresh = tempDatabase();
    try {
      const { org, user } = await oneClient(fresh.db);
      const createdAt = new Date(Date.UTC(2026, 0, 1));
      const t = buildTicket(fresh.db, {
        tenantId: org.id,
        requesterId: user.id,
        subject: 'answered',
        priority: 'medium',
        status: 'closed',
        createdAt,
        firstResponseAt: new Date(createdAt.getTime() + 30 * 60_000),
      });
      expect(medianFirstResponseMinutes(fresh.db, 'medium')).toBe(30);
      expect(medianFirstResponseMinutes(fresh.db, 'medium')).toBe(30);
      fresh.db
        .update(tickets)
        .set({ firstResponseAt: new Date(createdAt.getTime() + 90 * 60_000) })
        .where(eq(tickets.id, t.id))
        .run();
      expect(medianFirstResponseMinutes(fresh.db, 'medium')).toBe(90);
      // A commit by another connection to the same file (a second process) is seen too.
      const other = new Database(join(fresh.dir, 'portal.db'));
      other
        .prepare('UPDATE tickets SET first_response_at = ? WHERE id = ?')
        .run(createdAt.getTime() + 10 * 60_000, t.id);
      other.close();
      expect(medianFirstResponseMinutes(fresh.db, 'medium')).toBe(10);
    } finally {
      fresh.close();
    }
  });
});
