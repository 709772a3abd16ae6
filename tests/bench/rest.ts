/**
 * REST latency at a fixed request rate (autocannon, programmatic) against a portal in its own
 * process, on a database seeded with 100k tickets across 200 orgs: list, detail, create and queue
 * position as an org's client_admin, at 300, 1,000 and 3,000 req/s, then unthrottled for the
 * saturation point. Percentiles are computed from every response's latency (autocannon's own
 * histogram has no p95). autocannon sends on schedule but times from the send, so a server that
 * falls behind shows as a lower achieved rate, reported next to the percentiles.
 */
import autocannon from 'autocannon';
import { pin } from './lib/machine.ts';
import { summarize } from './lib/stats.ts';
import type { BenchOptions, BenchRow } from './lib/types.ts';
import { seedPortalData } from './support/portal-data.ts';
import { CLIENT_CORES, startServer } from './support/processes.ts';

interface Endpoint {
  name: string;
  method: 'GET' | 'POST';
  path: (i: number) => string;
  body?: string;
}

interface Measured {
  latencies: number[];
  non2xx: number;
  errors: number;
  rps: number;
}

function fire(
  url: string,
  cookie: string,
  endpoint: Endpoint,
  rate: number | null,
  seconds: number,
): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    let non2xx = 0;
    let i = 0;
    const instance = autocannon(
      {
        url,
        connections: rate === null ? 50 : Math.min(100, Math.max(10, Math.ceil(rate / 30))),
        duration: seconds,
        ...(rate === null ? {} : { overallRate: rate }),
        headers: { cookie, origin: url, 'content-type': 'application/json' },
        requests: [
          {
            method: endpoint.method,
            body: endpoint.body,
            setupRequest: (req) => ({ ...req, path: endpoint.path(i++) }),
          },
        ],
      },
      (err, result) => {
        if (err) return reject(err);
        resolve({ latencies, non2xx, errors: result.errors + result.timeouts, rps: result.requests.average });
      },
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      if (statusCode >= 300) non2xx++;
    });
  });
}

export async function restBench(opts: BenchOptions): Promise<BenchRow[]> {
  const tickets = opts.quick ? 20_000 : 100_000;
  const data = await seedPortalData({ orgs: 200, tickets, openShare: 0.3, alertsRaised: true });
  const server = await startServer('portal', data.dataDir);
  pin(process.pid, CLIENT_CORES);
  const rows: BenchRow[] = [];
  try {
    const org = data.world.orgs[7];
    if (!org) throw new Error('no org seeded');
    const cookie = `session=${org.adminToken}`;
    const mine = org.openTicketIds;
    const endpoints: Endpoint[] = [
      { name: 'GET /api/tickets (list)', method: 'GET', path: () => '/api/tickets' },
      { name: 'GET /api/tickets/:id', method: 'GET', path: (i) => `/api/tickets/${mine[i % mine.length]}` },
      {
        name: 'POST /api/tickets',
        method: 'POST',
        path: () => '/api/tickets',
        body: JSON.stringify({ subject: 'Bench ticket', category: 'general_inquiry', priority: 'low' }),
      },
      {
        name: 'GET /api/tickets/:id/queue',
        method: 'GET',
        path: (i) => `/api/tickets/${mine[i % mine.length]}/queue`,
      },
    ];
    const seconds = opts.quick ? 3 : 10;
    const label = `${tickets / 1000}k tickets`;
    for (const endpoint of endpoints) {
      for (const rate of [300, 1000, 3000]) {
        const m = await fire(server.url, cookie, endpoint, rate, seconds);
        const s = summarize(m.latencies);
        rows.push({
          benchmark: 'rest',
          case: `${endpoint.name} @ ${rate}/s`,
          unit: 'ms',
          ...s,
          note: `achieved ${Math.round(m.rps)}/s${m.non2xx ? `, ${m.non2xx} non-2xx` : ''}${m.errors ? `, ${m.errors} errors` : ''}; ${label}`,
          ...(rate === 1000
            ? { target: 'p95 < 20 ms', met: s.p95 < 20 && m.rps > 950 && m.non2xx === 0 }
            : {}),
        });
      }
      const sat = await fire(server.url, cookie, endpoint, null, opts.quick ? 3 : 6);
      const s = summarize(sat.latencies);
      rows.push({
        benchmark: 'rest',
        case: `${endpoint.name} saturation`,
        unit: 'req/s',
        value: Math.round(sat.rps),
        note: `50 connections unthrottled: p50 ${s.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms${sat.non2xx ? `, ${sat.non2xx} non-2xx` : ''}`,
      });
    }
  } finally {
    await server.close();
    data.dispose();
  }
  return rows;
}
