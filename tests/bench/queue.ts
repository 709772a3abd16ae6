/**
 * Queue position computation (server/modules/tickets/queue.ts) at 10k, 100k and 1M open tickets:
 * `queueRank` (a rank in the in-memory queue index) and `queuePosition` (rank, total and the
 * estimate), for tickets drawn uniformly from the open ones; and, for comparison, `countQueueRank`
 * (the two indexed SQL COUNTs the index falls back to inside a transaction) — a later ticket
 * counts more index entries there. The index's one-off load is timed separately.
 */

import { inArray } from 'drizzle-orm';
import { countQueueRank, queuePosition, queueRank, queueTotal } from '../../server/modules/tickets/queue.ts';
import { tickets } from '../../storage/schema.ts';
import { timeSync } from './lib/stats.ts';
import type { BenchOptions, BenchRow } from './lib/types.ts';
import { seedWorld } from './support/seed.ts';
import { tempDb } from './support/temp-db.ts';

const label = (n: number): string => (n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`);

export async function queueBench(opts: BenchOptions): Promise<BenchRow[]> {
  const sizes = opts.quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000];
  const rows: BenchRow[] = [];
  for (const size of sizes) {
    const temp = tempDb();
    try {
      const t0 = performance.now();
      const world = await seedWorld(temp.db, { orgs: 200, tickets: size, openShare: 1 });
      const seedMs = performance.now() - t0;
      // A fixed pseudo-random sample, the same every run.
      const sampleIds = Array.from(
        { length: Math.min(500, world.openTicketIds.length) },
        (_, i) =>
          world.openTicketIds[Math.floor(((i * 0.6180339887) % 1) * world.openTicketIds.length)] as string,
      );
      const sample = temp.db.select().from(tickets).where(inArray(tickets.id, sampleIds)).all();
      // The first question loads the index from the table (once per connection).
      const t1 = performance.now();
      queueTotal(temp.db, 'medium');
      const loadMs = performance.now() - t1;
      // Fewer samples at 1M, where one count walks ~250k index entries: keeps the run short.
      const n = opts.quick ? 200 : size >= 1_000_000 ? 200 : 1000;
      const rank = timeSync(n, (i) => {
        queueRank(temp.db, sample[i % sample.length] as (typeof sample)[number]);
      });
      const position = timeSync(n, (i) => {
        queuePosition(temp.db, sample[i % sample.length] as (typeof sample)[number]);
      });
      const counted = timeSync(n, (i) => {
        countQueueRank(temp.db, sample[i % sample.length] as (typeof sample)[number]);
      });
      rows.push(
        {
          benchmark: 'queue',
          case: `queueRank @ ${label(size)} open`,
          unit: 'ms',
          ...rank,
          note: `seeded in ${(seedMs / 1000).toFixed(1)} s; index loaded in ${loadMs.toFixed(0)} ms`,
        },
        { benchmark: 'queue', case: `queuePosition @ ${label(size)} open`, unit: 'ms', ...position },
        {
          benchmark: 'queue',
          case: `countQueueRank (SQL COUNT) @ ${label(size)} open`,
          unit: 'ms',
          ...counted,
          note: 'the fallback inside a transaction',
        },
      );
    } finally {
      temp.dispose();
    }
  }
  return rows;
}
