/**
 * The live queue push (collab/server/tickets/queue-push.ts): the time from a status change (an
 * agent resolving the oldest open ticket of a priority, PATCH /api/tickets/:id) to the changed
 * positions reaching the watchers — client users with their `user:<id>` channel open, in two
 * client processes — at 100k open tickets with 1,000 watchers. Measured from just before the
 * PATCH is sent to each `queue.changed` frame's arrival, so it includes the PATCH itself.
 */
import { summarize, wallClockMs } from './lib/stats.ts';
import type { BenchOptions, BenchRow } from './lib/types.ts';
import {
  type ClientProcess,
  closeAll,
  collectStateless,
  connect,
  startClients,
  stopClients,
} from './support/collab-clients.ts';
import { seedPortalData, signIn } from './support/portal-data.ts';
import { startServer } from './support/processes.ts';

export async function queuePushBench(opts: BenchOptions): Promise<BenchRow[]> {
  const tickets = opts.quick ? 20_000 : 100_000;
  const watchersPerOrg = opts.quick ? 1 : 5;
  let oldest: string[] = [];
  const data = await seedPortalData(
    { orgs: 200, tickets, openShare: 1, watchersPerOrg, ticketsPerWatcher: 2 },
    (db) => {
      // The oldest open medium tickets: resolving one moves every medium ticket behind it.
      oldest = db.$client
        .prepare(
          `SELECT id FROM tickets WHERE status IN ('new','open','in_progress') AND priority = 'medium'
           ORDER BY created_at, id LIMIT 5`,
        )
        .pluck()
        .all() as string[];
    },
  );
  const server = await startServer('portal', data.dataDir);
  let clients: ClientProcess[] = [];
  try {
    clients = await startClients(2);
    const watchers = data.world.orgs.flatMap((o) => o.watchers);
    const halves = [watchers.filter((_, i) => i % 2 === 0), watchers.filter((_, i) => i % 2 === 1)];
    const connected = await Promise.all(
      clients.map((c, i) =>
        connect(
          c,
          server.wsUrl,
          (halves[i] ?? []).map((w) => ({ doc: `user:${w.id}`, token: w.token })),
          50,
        ),
      ),
    );
    const failures = connected.reduce((a, c) => a + c.failures, 0);
    const cookie = await signIn(server.url, 'admin@demo.test');
    const latencies: number[] = [];
    const perChange: number[] = [];
    const reachedPerChange: number[] = [];
    // The PATCH's own round trip is part of every figure; reported beside it to show the push's share.
    const patchMs: number[] = [];
    for (const id of oldest) {
      await Promise.all(clients.map(collectStateless));
      const sentAt = wallClockMs();
      const res = await fetch(`${server.url}/api/tickets/${id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', cookie, origin: server.url },
        body: JSON.stringify({ status: 'resolved' }),
      });
      if (!res.ok) throw new Error(`PATCH failed: ${res.status} ${await res.text()}`);
      patchMs.push(wallClockMs() - sentAt);
      await new Promise((resolve) => setTimeout(resolve, opts.quick ? 2000 : 4000));
      const received = (await Promise.all(clients.map(collectStateless))).flat();
      const delays = received.map((at) => at - sentAt);
      latencies.push(...delays);
      perChange.push(Math.max(0, ...delays));
      reachedPerChange.push(received.length);
    }
    const s = summarize(latencies);
    const last = summarize(perChange);
    const label = `${tickets / 1000}k open, ${watchers.length} watchers`;
    return [
      {
        benchmark: 'queue',
        case: `push: status change → queue.changed @ ${label}`,
        unit: 'ms',
        ...s,
        note: `${oldest.length} changes, ~${Math.round(s.n / Math.max(1, oldest.length))} pushes each; last push p50 ${last.p50.toFixed(0)} ms; PATCH answered p50 ${summarize(patchMs).p50.toFixed(0)} ms; ${failures} connect failures ${connected.flatMap((c) => c.reasons).join(' | ')}`,
        target: '< 50 ms at 100k',
        met: s.n > 0 && s.p99 < 50,
      },
    ];
  } finally {
    for (const c of clients) await closeAll(c).catch(() => undefined);
    stopClients(clients);
    await server.close();
    data.dispose();
  }
}
