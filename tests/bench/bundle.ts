/** Front-end bundle sizes: gzip and brotli per chunk after `vite build`, and the first-load set. */
import { analyzeBundle, BUNDLE_BUDGET, budgetViolations } from './lib/bundle-analysis.ts';
import type { BenchRow } from './lib/types.ts';
import { ensureClientBuild } from './support/build.ts';

const kb = (bytes: number): number => Math.round((bytes / 1024) * 10) / 10;

export async function bundleBench(): Promise<BenchRow[]> {
  const clientDir = ensureClientBuild();
  const report = analyzeBundle(clientDir);
  const rows: BenchRow[] = [];
  const ordered = [...report.chunks].sort(
    (a, b) => Number(b.firstLoad) - Number(a.firstLoad) || b.gzip - a.gzip,
  );
  for (const c of ordered) {
    // Only chunks worth a line in the one table: first load, the editor, or over 5 KB gzip.
    if (!c.firstLoad && !c.editor && c.gzip < 5 * 1024) continue;
    rows.push({
      benchmark: 'bundle',
      case: c.file.replace(/-[\w-]{8}\.(js|css)$/, '.$1'),
      unit: 'KB',
      value: kb(c.gzip),
      note: `gzip; brotli ${kb(c.brotli)}, raw ${kb(c.bytes)}${c.firstLoad ? ', first load' : ', lazy'}${c.editor ? ', editor' : ''}`,
    });
  }
  const violations = budgetViolations(report);
  rows.push({
    benchmark: 'bundle',
    case: 'first-load JS (entry + static imports)',
    unit: 'KB',
    value: kb(report.firstLoadGzip),
    note: `gzip; brotli ${kb(report.firstLoadBrotli)}; ${violations.length ? violations.join('; ') : 'editor lazy'}`,
    target: `≤ ${BUNDLE_BUDGET.firstLoadGzipBytes / 1024} KB gz, editor lazy`,
    met: violations.length === 0,
  });
  return rows;
}
