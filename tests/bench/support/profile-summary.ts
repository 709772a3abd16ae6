/**
 * `node tests/bench/support/profile-summary.ts <file.cpuprofile> [top]`: self time per function
 * and per file of a V8 CPU profile (from BENCH_CPU_PROF=<dir> on a benchmark run) — where the
 * server's time goes, for docs/PERFORMANCE.md.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

const [file, topArg] = process.argv.slice(2);
if (!file) throw new Error('usage: profile-summary.ts <file.cpuprofile> [top]');
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[] };
const total = profile.nodes.reduce((a, n) => a + (n.hitCount ?? 0), 0);
const byFunction = new Map<string, number>();
const byFile = new Map<string, number>();
for (const n of profile.nodes) {
  const hits = n.hitCount ?? 0;
  if (!hits) continue;
  const url =
    n.callFrame.url.replace(/^file:\/\/.*?\/(node_modules|server|collab|storage)\//, '$1/') || '(native)';
  const fn = `${n.callFrame.functionName || '(anonymous)'} ${url}:${n.callFrame.lineNumber + 1}`;
  byFunction.set(fn, (byFunction.get(fn) ?? 0) + hits);
  const pkg = url.startsWith('node_modules/')
    ? url
        .split('/')
        .slice(0, url.includes('/@') ? 3 : 2)
        .join('/')
    : url;
  byFile.set(pkg, (byFile.get(pkg) ?? 0) + hits);
}
const show = (title: string, m: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${((v / total) * 100).toFixed(1).padStart(5)}%  ${k}`);
  }
};
show('self time by function', byFunction);
show('self time by file / package', byFile);
