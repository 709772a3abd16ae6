/**
 * Collaboration fan-out and capacity, A/B: the portal's collaboration server (auth, durable log,
 * validation, limits, projections — the whole portal process) against a bare @hocuspocus/server
 * with default settings, both up for the whole run and exercised in turn (A/B/A/B) so machine
 * drift cancels; figures are reported per server and as the ratio portal/bare. Clients are
 * lightweight protocol clients in two processes (support/collab-client-process.ts), pinned away
 * from the servers' core. A run whose clients' own event-loop delay is large next to the latency
 * it measured is reported as invalid and not quoted.
 */

import { summarize } from './lib/stats.ts';
import type { BenchOptions, BenchRow } from './lib/types.ts';
import type { ConnSpec } from './support/collab-client-process.ts';
import {
  type ClientProcess,
  closeAll,
  connect,
  type Ran,
  runLoad,
  startClients,
  stopClients,
} from './support/collab-clients.ts';
import { seedPortalData, signIn } from './support/portal-data.ts';
import { type ServerUnderTest, startServer } from './support/processes.ts';
import type { ServerStats } from './support/server-process.ts';

interface Workload {
  name: string;
  /** Documents and clients per document. */
  docs: number;
  perDoc: number;
  /** Writers: the first `writersPerDoc` clients of each document write every `intervalMs`. */
  writersPerDoc: number;
  intervalMs: number;
  presenceIntervalMs: number | null;
  durationMs: number;
}

interface Figures {
  fanout: number[];
  connectSync: number[];
  memPerConnKB: number[];
  serverEld: number[];
  cpu: number[];
  clientEld: number;
  failures: number;
  sent: number;
}

const empty = (): Figures => ({
  fanout: [],
  connectSync: [],
  memPerConnKB: [],
  serverEld: [],
  cpu: [],
  clientEld: 0,
  failures: 0,
  sent: 0,
});

const mean = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/** Spreads `specs` over the client processes, each document's clients alternating processes. */
function split<T>(items: T[], parts: number): T[][] {
  return Array.from({ length: parts }, (_, p) => items.filter((_, i) => i % parts === p));
}

/**
 * The server's stats once the last round's documents are unloaded (the portal unloads a document
 * after its debounced store), so memory per connection is not the previous round's documents.
 */
async function settled(server: ServerUnderTest): Promise<ServerStats> {
  const deadline = performance.now() + 15_000;
  let stats = await server.stats();
  while (stats.documents > 0 && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    stats = await server.stats();
  }
  return stats;
}

async function oneRound(
  server: ServerUnderTest,
  clients: ClientProcess[],
  w: Workload,
  docNames: string[],
  token: string,
  into: Figures,
): Promise<void> {
  const specs: ConnSpec[] = [];
  for (let d = 0; d < w.docs; d++)
    for (let c = 0; c < w.perDoc; c++) specs.push({ doc: docNames[d] as string, token });
  const parts = split(specs, clients.length);
  const before = await settled(server);
  const connected = await Promise.all(clients.map((c, i) => connect(c, server.wsUrl, parts[i] ?? [], 100)));
  const after = await server.stats();
  const ok = connected.reduce((a, c) => a + c.connectSyncMs.length, 0);
  into.failures += connected.reduce((a, c) => a + c.failures, 0);
  into.connectSync.push(...connected.flatMap((c) => c.connectSyncMs));
  // Heap + external after a forced GC (stats() collects first): RSS does not shrink back between
  // rounds, so its growth was noise; what the connections keep alive on the heap is not.
  const held = (s: ServerStats) => s.heapUsedBytes + s.externalBytes;
  if (ok > 0) into.memPerConnKB.push((held(after) - held(before)) / ok / 1024);
  // Writers: global index of spec → (process, index within the process).
  const writers = parts.map(() => [] as { conn: number; intervalMs: number; offsetMs: number }[]);
  specs.forEach((spec, global) => {
    const inDoc = global % w.perDoc;
    if (inDoc >= w.writersPerDoc) return;
    const p = global % clients.length;
    const doc = Math.floor(global / w.perDoc);
    writers[p]?.push({
      conn: Math.floor(global / clients.length),
      intervalMs: w.intervalMs,
      // Spread the writers over the interval, as independent people would be.
      offsetMs: Math.floor((((doc * w.writersPerDoc + inDoc) * 0.618) % 1) * w.intervalMs),
    });
    void spec;
  });
  await server.reset();
  const ran: Ran[] = await Promise.all(
    clients.map((c, i) =>
      runLoad(c, {
        writers: writers[i] ?? [],
        durationMs: w.durationMs,
        presenceIntervalMs: w.presenceIntervalMs,
      }),
    ),
  );
  const stats: ServerStats = await server.stats();
  into.serverEld.push(stats.eventLoopDelayMs.p99);
  into.cpu.push(stats.cpuShare);
  into.fanout.push(...ran.flatMap((r) => r.latencies));
  into.sent += ran.reduce((a, r) => a + r.sent, 0);
  into.clientEld = Math.max(into.clientEld, ...ran.map((r) => r.eld.p99));
  await Promise.all(clients.map(closeAll));
  // Let the servers see the closes and unload documents before the next round measures memory.
  await new Promise((resolve) => setTimeout(resolve, 2500));
}

function rowFor(w: Workload, mode: string, f: Figures): BenchRow {
  const s = summarize(f.fanout);
  const connectP95 = summarize(f.connectSync).p95;
  // The clients' own stalls: beyond the monitor's 1 ms floor and large next to the latency.
  const invalid = f.clientEld > 2 && f.clientEld > 0.5 * s.p99;
  return {
    benchmark: 'collab',
    case: `${w.name} — ${mode}`,
    unit: 'ms',
    ...s,
    note:
      `${invalid ? `INVALID (client event-loop p99 ${f.clientEld.toFixed(1)} ms); ` : ''}` +
      `connect+sync p95 ${connectP95.toFixed(1)} ms, ${mean(f.memPerConnKB).toFixed(1)} KB/conn (heap+external), ` +
      `server ELD p99 ${Math.max(...f.serverEld).toFixed(1)} ms, CPU ${(mean(f.cpu) * 100).toFixed(0)}%, ` +
      `client ELD p99 ${f.clientEld.toFixed(1)} ms, ${s.n}/${f.sent * (w.perDoc - 1)} deliveries recorded` +
      `${f.failures ? `, ${f.failures} connect failures` : ''}`,
  };
}

function ratioRow(w: Workload, portal: Figures, bare: Figures): BenchRow {
  const p = summarize(portal.fanout);
  const b = summarize(bare.fanout);
  const r = (x: number, y: number) => (y > 0 ? `${(x / y).toFixed(2)}×` : 'n/a');
  const hot = /clients|connections/.test(w.name);
  return {
    benchmark: 'collab',
    case: `${w.name} — portal/bare`,
    unit: '×',
    p50: b.p50 ? p.p50 / b.p50 : undefined,
    p95: b.p95 ? p.p95 / b.p95 : undefined,
    p99: b.p99 ? p.p99 / b.p99 : undefined,
    max: b.max ? p.max / b.max : undefined,
    note:
      `connect+sync p95 ${r(summarize(portal.connectSync).p95, summarize(bare.connectSync).p95)}, ` +
      `mem/conn ${r(mean(portal.memPerConnKB), mean(bare.memPerConnKB))}, ` +
      `server ELD p99 ${r(Math.max(...portal.serverEld), Math.max(...bare.serverEld))}, CPU ${r(mean(portal.cpu), mean(bare.cpu))}`,
    ...(hot ? { target: 'p99 ≤ 1.0× bare', met: b.p99 > 0 && p.p99 <= b.p99 } : {}),
  };
}

export async function collabBench(opts: BenchOptions): Promise<BenchRow[]> {
  const q = opts.quick;
  const duration = q ? 2000 : 8000;
  const workloads: Workload[] = [
    ...(q ? [50, 100] : [50, 100, 400]).map(
      (n): Workload => ({
        name: `hot document, ${n} clients`,
        docs: 1,
        perDoc: n,
        writersPerDoc: 2,
        intervalMs: 200,
        presenceIntervalMs: null,
        durationMs: duration,
      }),
    ),
    {
      name: `co-editing ${q ? 60 : 300} docs × 3, 1 update/2 s/doc, presence off`,
      docs: q ? 60 : 300,
      perDoc: 3,
      writersPerDoc: 1,
      intervalMs: 2000,
      presenceIntervalMs: null,
      durationMs: duration,
    },
    {
      name: `co-editing ${q ? 60 : 300} docs × 3, 1 update/2 s/doc, presence on (1/2 s/client)`,
      docs: q ? 60 : 300,
      perDoc: 3,
      writersPerDoc: 1,
      intervalMs: 2000,
      presenceIntervalMs: 2000,
      durationMs: duration,
    },
    {
      name: `chat rooms ${q ? 20 : 100} × 15 clients, 1 message/s/room`,
      docs: q ? 20 : 100,
      perDoc: 15,
      writersPerDoc: 1,
      intervalMs: 1000,
      presenceIntervalMs: null,
      durationMs: duration,
    },
    // The ramp: connections 10 per document; 100 updates/s spread over all documents, so fan-out
    // is measured at that many connections.
    ...(q ? [1000] : [1000, 2500, 5000, 10_000]).map(
      (n): Workload => ({
        name: `ramp ${n} connections (10/doc, 100 updates/s over all docs)`,
        docs: n / 10,
        perDoc: 10,
        writersPerDoc: 1,
        intervalMs: Math.max(200, (n / 10 / 20) * 200),
        presenceIntervalMs: null,
        durationMs: duration,
      }),
    ),
  ];
  // BENCH_COLLAB_ONLY=<substring>[|…]: only the workloads whose name contains one of them (a
  // profile or a before/after comparison of one workload without the whole 13-minute run).
  const only = process.env.BENCH_COLLAB_ONLY?.split('|').filter(Boolean);
  if (only)
    workloads.splice(0, workloads.length, ...workloads.filter((w) => only.some((o) => w.name.includes(o))));
  const maxDocs = Math.max(...workloads.map((w) => w.docs));
  const data = await seedPortalData({ orgs: 2, tickets: maxDocs, openShare: 1 });
  const portal = await startServer('portal', data.dataDir);
  const bare = await startServer('bare');
  let clients: ClientProcess[] = [];
  const rows: BenchRow[] = [];
  try {
    clients = await startClients(2);
    const cookie = await signIn(portal.url, 'admin@demo.test');
    const portalToken = cookie.slice('session='.length);
    const portalDocs = data.world.openTicketIds.map((id) => `ticket:${id}`);
    for (const w of workloads) {
      const figures = { portal: empty(), bare: empty() };
      // A/B/A/B; the large ramp steps once each (A/B) to keep a full run under 15 minutes.
      const rounds = q || w.perDoc * w.docs >= 5000 ? 1 : 2;
      for (let r = 0; r < rounds; r++) {
        await oneRound(portal, clients, w, portalDocs, portalToken, figures.portal);
        await oneRound(bare, clients, w, portalDocs, 'none', figures.bare);
      }
      rows.push(
        rowFor(w, 'portal', figures.portal),
        rowFor(w, 'bare', figures.bare),
        ratioRow(w, figures.portal, figures.bare),
      );
    }
  } finally {
    stopClients(clients);
    await portal.close();
    await bare.close();
    data.dispose();
  }
  return rows;
}
