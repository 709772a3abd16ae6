/**
 * The in-memory queue index (server/modules/tickets/queue-index.ts) must answer exactly what the
 * SQL counts answer. Random sequences of filings and status, priority and created changes —
 * plain, inside transactions that commit or roll back, and from a second connection — and after
 * every step every ticket's rank and every queue's total compared with the SQL COUNT.
 */
import Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countQueueRank,
  countQueueTotal,
  QUEUE_STATUSES,
  queueRank,
  queueTotal,
} from '../../server/modules/tickets/queue.ts';
import { currentQueueIndex } from '../../server/modules/tickets/queue-index.ts';
import { buildTicket } from '../../storage/builders.ts';
import type { Db } from '../../storage/db.ts';
import { TICKET_PRIORITIES, TICKET_STATUSES, tickets } from '../../storage/schema.ts';
import { buildClientOrgs, type Filer } from '../support/client-orgs.ts';
import { tempDatabase } from '../support/db.ts';
import { seededRandom } from '../support/random.ts';

let temp: ReturnType<typeof tempDatabase>;
let db: Db;
let orgs: Filer[] = [];

beforeAll(async () => {
  temp = tempDatabase();
  db = temp.db;
  orgs = await buildClientOrgs(db, 2);
});
afterAll(() => temp.close());

const allRows = () =>
  db
    .select({
      id: tickets.id,
      status: tickets.status,
      priority: tickets.priority,
      createdAt: tickets.createdAt,
    })
    .from(tickets)
    .all();

/** Every ticket's rank and every queue's total, from the index and from SQL, side by side. */
function expectIndexEqualsSql(step: string): void {
  expect(
    currentQueueIndex(db.$client, QUEUE_STATUSES),
    'the index answers outside a transaction',
  ).not.toBeNull();
  for (const t of allRows()) {
    // Whatever status the row has: the rank of its key if it were queued.
    const asQueued = { ...t, status: 'open' as const };
    expect(queueRank(db, asQueued), `${step}: ${t.id}`).toBe(countQueueRank(db, asQueued));
    expect(queueRank(db, t), `${step}: ${t.id} as is`).toBe(countQueueRank(db, t));
  }
  for (const p of TICKET_PRIORITIES)
    expect(queueTotal(db, p), `${step}: total ${p}`).toBe(countQueueTotal(db, p));
}

describe('the queue index', () => {
  it('equals the SQL counts after every step of random changes, however they were written', () => {
    const random = seededRandom(20261122);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
    const base = Date.UTC(2026, 0, 1);
    // A second connection on the same file: its commits reach the index through data_version.
    const other = new Database(`${temp.dir}/portal.db`);
    other.pragma('busy_timeout = 5000');
    try {
      expectIndexEqualsSql('start');
      for (let op = 0; op < 600; op++) {
        const rows = allRows();
        const r = random();
        const target = rows.length > 0 ? pick(rows).id : '';
        if (rows.length < 10 || r < 0.3) {
          buildTicket(db, {
            ...pick(orgs),
            subject: `op ${op}`,
            priority: pick(TICKET_PRIORITIES),
            status: pick(TICKET_STATUSES),
            // A narrow range: many tickets share a millisecond, so the id tie-break is exercised.
            createdAt: new Date(base + Math.floor(random() * 30)),
          });
        } else if (r < 0.5) {
          db.update(tickets)
            .set({ status: pick(TICKET_STATUSES) })
            .where(eq(tickets.id, target))
            .run();
        } else if (r < 0.65) {
          db.update(tickets)
            .set({ priority: pick(TICKET_PRIORITIES) })
            .where(eq(tickets.id, target))
            .run();
        } else if (r < 0.72) {
          db.update(tickets)
            .set({ createdAt: new Date(base + Math.floor(random() * 30)) })
            .where(eq(tickets.id, target))
            .run();
        } else if (r < 0.86) {
          // A transaction that writes and then commits or rolls back; inside it the answers are
          // what the transaction sees (the index steps aside and SQL counts).
          const commit = random() < 0.5;
          try {
            db.transaction((tx) => {
              tx.update(tickets)
                .set({ status: pick(TICKET_STATUSES), priority: pick(TICKET_PRIORITIES) })
                .where(eq(tickets.id, target))
                .run();
              expect(currentQueueIndex(db.$client, QUEUE_STATUSES)).toBeNull();
              const row = tx.select().from(tickets).where(eq(tickets.id, target)).get();
              if (row) expect(queueRank(db, row)).toBe(countQueueRank(db, row));
              if (!commit) throw new Error('roll back');
            });
          } catch (err) {
            if (commit) throw err;
          }
        } else {
          other
            .prepare('UPDATE tickets SET status = ?, priority = ? WHERE id = ?')
            .run(pick(TICKET_STATUSES), pick(TICKET_PRIORITIES), target);
        }
        expectIndexEqualsSql(`op ${op}`);
      }
    } finally {
      other.close();
    }
  }, 120_000);

  it('follows a deleted ticket out of its queue', () => {
    const t = buildTicket(db, { ...orgs[0]!, subject: 'gone', priority: 'critical', status: 'open' });
    const before = queueTotal(db, 'critical');
    db.$client.pragma('foreign_keys = OFF');
    try {
      db.delete(tickets).where(eq(tickets.id, t.id)).run();
    } finally {
      db.$client.pragma('foreign_keys = ON');
    }
    expect(queueTotal(db, 'critical')).toBe(before - 1);
    expectIndexEqualsSql('after delete');
  });
});
