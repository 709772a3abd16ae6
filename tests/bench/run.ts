/**
 * `npm run bench`: the benchmark suite (issue 5). Until its workloads land, it measures what
 * exists so far — sign-in and /api/me latency against a real server — and prints one table.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { loadConfig } from '../../server/config.ts';
import { startPortal } from '../../server/server.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'portal-bench-'));
const portal = await startPortal(
  loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, RATE_LIMIT_SCALE: '10000' }),
  {
    log: pino({ level: 'silent' }),
  },
);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function measure(name: string, n: number, fn: () => Promise<void>) {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { name, n, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99) };
}

const origin = portal.url;
const login = await fetch(`${origin}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', origin },
  body: JSON.stringify({ email: 'admin@demo.test', password: 'demo-portal-2026' }),
});
const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

const rows = [
  await measure('POST /api/auth/login (argon2id)', 30, async () => {
    await (
      await fetch(`${origin}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin },
        body: JSON.stringify({ email: 'staff@demo.test', password: 'demo-portal-2026' }),
      })
    ).text();
  }),
  await measure('GET /api/me', 500, async () => {
    await (await fetch(`${origin}/api/me`, { headers: { cookie } })).text();
  }),
  await measure('GET /healthz', 500, async () => {
    await (await fetch(`${origin}/healthz`)).text();
  }),
];

console.table(
  rows.map((r) => ({
    benchmark: r.name,
    n: r.n,
    'p50 ms': r.p50.toFixed(2),
    'p95 ms': r.p95.toFixed(2),
    'p99 ms': r.p99.toFixed(2),
  })),
);
const file = join(import.meta.dirname, 'results', `api-${new Date().toISOString().slice(0, 10)}.json`);
writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), node: process.version, rows }, null, 2));
console.log(`Results written to ${file}`);
await portal.close();
rmSync(dataDir, { recursive: true, force: true });
