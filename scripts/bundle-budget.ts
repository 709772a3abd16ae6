/**
 * The bundle budget, checked in CI (.ci/run) and by `npm run bench:bundle`: the entry chunk
 * ≤ 80 KB gzip, the first-load set under its ceiling (BUNDLE_BUDGET), the editor chunk lazy. Reads
 * dist/client as `pretest` left it, building first when missing or stale. Exits 1 on a breach.
 */
import { analyzeBundle, budgetViolations } from '../tests/bench/lib/bundle-analysis.ts';
import { ensureClientBuild } from '../tests/bench/support/build.ts';

const report = analyzeBundle(ensureClientBuild());
const problems = budgetViolations(report);
const firstLoad = report.chunks.filter((c) => c.firstLoad && c.file.endsWith('.js'));
console.log(
  `bundle budget: first-load JS ${(report.firstLoadGzip / 1024).toFixed(1)} KB gzip ` +
    `(${firstLoad.map((c) => c.file).join(', ')}); editor chunks: ` +
    `${
      report.chunks
        .filter((c) => c.editor)
        .map((c) => `${c.file}${c.firstLoad ? ' (FIRST LOAD)' : ' (lazy)'}`)
        .join(', ') || 'none'
    }`,
);
for (const p of problems) console.error(`bundle budget: ${p}`);
process.exitCode = problems.length > 0 ? 1 : 0;
