/**
 * Queue position computation (server/modules/tickets/queue.ts) at 10k, 100k and 1M open tickets:
 * `queueRank` (the two indexed COUNTs) and `queuePosition` (rank, total and the estimate), for
 * tickets drawn uniformly from the open ones — a later ticket counts more index entries.
 */

import { inArray } from 'drizzle-orm';
import { queuePosition, queueRank } from '../../server/modules/tickets/queue.ts';
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
      // Fewer samples at 1M, where one count walks ~250k index entries: keeps the run short.
      const n = opts.quick ? 200 : size >= 1_000_000 ? 200 : 1000;
      const rank = timeSync(n, (i) => {
        queueRank(temp.db, sample[i % sample.length] as (typeof sample)[number]);
      });
      const position = timeSync(n, (i) => {
        queuePosition(temp.db, sample[i % sample.length] as (typeof sample)[number]);
      });
      rows.push(
        {
          benchmark: 'queue',
          case: `queueRank @ ${label(size)} open`,
          unit: 'ms',
          ...rank,
          note: `seeded in ${(seedMs / 1000).toFixed(1)} s`,
        },
        { benchmark: 'queue', case: `queuePosition @ ${label(size)} open`, unit: 'ms', ...position },
      );
    } finally {
      temp.dispose();
    }
  }
  return rows;
}
