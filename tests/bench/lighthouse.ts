/**
 * Lighthouse mobile (the `lighthouse` npm package driving Debian's chromium through
 * chrome-launcher) on the sign-in page, the ticket list and a ticket with its editor, signed in by
 * a session cookie from the real login route; the median of 5 runs per page (3 in quick mode).
 * The portal runs in its own process, pinned to core 0, serving the production build.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { median } from './lib/stats.ts';
import type { BenchOptions, BenchRow } from './lib/types.ts';
import { ensureClientBuild } from './support/build.ts';
import { seedPortalData, signIn } from './support/portal-data.ts';
import { startServer } from './support/processes.ts';

const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';

interface Run {
  /** Lighthouse's runtime error code (e.g. NO_FCP), when the page could not be audited. */
  error?: string;
  score: number;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  /** Lighthouse's three longest main-thread tasks (script file, simulated ms): what to look at. */
  longTasks: string;
}

async function audit(port: number, url: string, cookie: string | null): Promise<Run> {
  const result = await lighthouse(
    url,
    {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance'],
      // The ticket page keeps a WebSocket open; never wait longer than this for "loaded".
      maxWaitForLoad: 30_000,
      ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
    },
    // The default config is mobile: a Moto G-class device, simulated slow 4G and 4× CPU slowdown.
    undefined,
  );
  const lhr = result?.lhr;
  if (!lhr) throw new Error(`lighthouse returned nothing for ${url}`);
  const error = lhr.runtimeError?.code;
  const num = (id: string) => Number(lhr.audits[id]?.numericValue ?? Number.NaN);
  const tasks = (
    (lhr.audits['long-tasks']?.details as { items?: { url?: string; duration?: number }[] })?.items ?? []
  )
    .slice(0, 3)
    .map(
      (t) =>
        `${String(t.url ?? '?')
          .split('/')
          .pop()} ${Math.round(Number(t.duration))} ms`,
    );
  return {
    ...(error ? { error } : {}),
    score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    fcp: num('first-contentful-paint'),
    lcp: num('largest-contentful-paint'),
    tbt: num('total-blocking-time'),
    cls: num('cumulative-layout-shift'),
    longTasks: tasks.join(', ') || 'none',
  };
}

export async function lighthouseBench(opts: BenchOptions): Promise<BenchRow[]> {
  ensureClientBuild();
  const data = await seedPortalData({ orgs: 1, tickets: 0, openShare: 0 });
  const server = await startServer('portal', data.dataDir);
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  const rows: BenchRow[] = [];
  try {
    const cookie = await signIn(server.url, 'admin@demo.test');
    const list = (await (await fetch(`${server.url}/api/tickets`, { headers: { cookie } })).json()) as {
      tickets: { id: string }[];
    };
    const ticketId = list.tickets[0]?.id;
    const pages: { name: string; path: string; cookie: string | null }[] = [
      { name: 'sign-in page', path: '/login', cookie: null },
      { name: 'ticket list', path: '/tickets', cookie },
      ...(ticketId ? [{ name: 'ticket with editor', path: `/tickets/${ticketId}`, cookie }] : []),
    ];
    const runs = opts.quick ? 3 : 5;
    for (const page of pages) {
      const results: Run[] = [];
      for (let i = 0; i < runs; i++)
        results.push(await audit(chrome.port, `${server.url}${page.path}`, page.cookie));
      const errors = [...new Set(results.flatMap((r) => (r.error ? [r.error] : [])))];
      const m = (k: Exclude<keyof Run, 'error' | 'longTasks'>) => median(results.map((r) => r[k]));
      const score = m('score');
      const fcp = m('fcp');
      const tbt = m('tbt');
      // The long tasks of the run whose TBT is nearest the median: where the blocking time goes.
      const typical = results.reduce((a, b) => (Math.abs(b.tbt - tbt) < Math.abs(a.tbt - tbt) ? b : a));
      rows.push({
        benchmark: 'lighthouse',
        case: `mobile: ${page.name}`,
        unit: 'score',
        value: score,
        n: runs,
        note: `${errors.length ? `errors: ${errors.join(', ')}; ` : ''}median of ${runs}: FCP ${(fcp / 1000).toFixed(2)} s, LCP ${(m('lcp') / 1000).toFixed(2)} s, TBT ${Math.round(tbt)} ms, CLS ${m('cls').toFixed(3)}; longest tasks: ${typical?.longTasks ?? 'none'}`,
        target: '≥ 95, FCP < 1.0 s, TBT < 100 ms',
        met: score >= 95 && fcp < 1000 && tbt < 100,
      });
    }
  } finally {
    chrome.kill();
    await server.close();
    data.dispose();
  }
  return rows;
}
