/**
 * `npm run bench [-- <names…>] [--quick]`: runs the benchmarks (all by default, or the named
 * ones: bundle queue queue-push log rest collab lighthouse), prints ONE table, and writes each
 * benchmark's rows with the machine and date to tests/bench/results/<date>-<name>.json.
 * Figures are never asserted here (the bundle budget is checked by scripts/bundle-budget.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleBench } from './bundle.ts';
import { collabBench } from './collab.ts';
import { describeMachine } from './lib/machine.ts';
import type { Bench, BenchRow } from './lib/types.ts';
import { lighthouseBench } from './lighthouse.ts';
import { logBench } from './log.ts';
import { queueBench } from './queue.ts';
import { queuePushBench } from './queue-push.ts';
import { restBench } from './rest.ts';

const BENCHES: Record<string, Bench> = {
  bundle: bundleBench,
  queue: queueBench,
  'queue-push': queuePushBench,
  log: logBench,
  rest: restBench,
  collab: collabBench,
  lighthouse: lighthouseBench,
};

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const named = args.filter((a) => !a.startsWith('--'));
const unknown = named.filter((n) => !(n in BENCHES));
if (unknown.length > 0) {
  console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Known: ${Object.keys(BENCHES).join(', ')}`);
  process.exit(2);
}
// `queue` also runs the live push: one name for the queue benchmark.
const selected =
  named.length > 0
    ? [...new Set(named.flatMap((n) => (n === 'queue' ? ['queue', 'queue-push'] : [n])))]
    : Object.keys(BENCHES);

const machine = describeMachine();
console.log(
  `${machine.cpuModel}, ${machine.cores} cores, ${machine.ramGiB} GiB, Node ${machine.node}, ulimit -n ${machine.openFilesLimit}, ` +
    `taskset ${machine.taskset ? 'yes' : 'no'}${quick ? ' — QUICK mode (smaller sizes)' : ''}`,
);
const resultsDir = join(import.meta.dirname, 'results');
mkdirSync(resultsDir, { recursive: true });
const date = new Date().toISOString().slice(0, 10);
const all: BenchRow[] = [];
for (const name of selected) {
  const bench = BENCHES[name] as Bench;
  const started = performance.now();
  process.stdout.write(`running ${name}… `);
  try {
    const rows = await bench({ quick });
    const seconds = (performance.now() - started) / 1000;
    console.log(`${seconds.toFixed(0)} s`);
    all.push(...rows);
    const file = join(resultsDir, `${date}-${name}${quick ? '-quick' : ''}.json`);
    writeFileSync(
      file,
      `${JSON.stringify({ date: new Date().toISOString(), quick, machine, seconds, rows }, null, 2)}\n`,
    );
  } catch (err) {
    console.log('failed');
    console.error(err);
    all.push({ benchmark: name, case: 'FAILED', unit: '', note: String((err as Error).message ?? err) });
    process.exitCode = 1;
  }
}

const fmt = (x: number | undefined): string =>
  x === undefined || Number.isNaN(x) ? '' : Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(2);
console.table(
  all.map((r) => ({
    benchmark: r.benchmark,
    case: r.case,
    unit: r.unit,
    n: r.n ?? '',
    p50: fmt(r.p50),
    p95: fmt(r.p95),
    p99: fmt(r.p99),
    max: fmt(r.max),
    value: fmt(r.value),
    target: r.target ? `${r.target} ${r.met ? '✓' : '✗'}` : '',
    note: r.note ?? '',
  })),
);
console.log(`Results written to ${resultsDir}`);
