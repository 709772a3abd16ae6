/**
 * Reads a `vite build` output (dist/client) and sizes every chunk raw, gzip and brotli, and
 * works out the first-load set: the JS a browser needs before the first page renders.
 *
 * Reading of "entry ≤ 80 KB gz" (issue 5): the entry chunk alone is small because the shared
 * libraries live in a `vendor` chunk, so what matters is the first-load set — the entry
 * `<script type="module">` of index.html plus every chunk it imports statically, transitively
 * (what index.html modulepreloads; both are followed, so a chunk missing from either is counted).
 * Dynamic `import()` chunks (lazy pages, the editor) are not first load.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export interface Chunk {
  file: string;
  bytes: number;
  gzip: number;
  brotli: number;
  firstLoad: boolean;
  /** Holds the collaborative editor (ProseMirror/Tiptap). */
  editor: boolean;
}

export interface BundleReport {
  chunks: Chunk[];
  entry: string;
  firstLoadGzip: number;
  firstLoadBrotli: number;
}

/** Static imports of a built ES module chunk: `import … from "./x.js"` and `import "./x.js"`. */
export function staticImports(code: string): string[] {
  const found = new Set<string>();
  const re = /(?:^|[;\n}])\s*(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']\.\/([\w.-]+\.js)["']/g;
  for (const match of code.matchAll(re)) if (match[1]) found.add(match[1]);
  return [...found];
}

/** The entry script and modulepreloaded files named in index.html (file names under assets/). */
export function htmlFirstLoad(html: string): { entry: string; preloads: string[] } {
  const entry = /<script[^>]*type="module"[^>]*src="\/assets\/([^"]+)"/.exec(html)?.[1];
  if (!entry) throw new Error('index.html has no module entry script');
  const preloads = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="\/assets\/([^"]+)"/g)]
    .map((m) => m[1])
    .filter((f): f is string => Boolean(f));
  return { entry, preloads };
}

/** Marker strings only the editor's libraries contain (ProseMirror's view, Tiptap's core). */
const EDITOR_MARKERS = ['ProseMirror-', 'tiptap'];

export function analyzeBundle(clientDir: string): BundleReport {
  const assets = join(clientDir, 'assets');
  if (!existsSync(join(clientDir, 'index.html'))) throw new Error(`${clientDir}/index.html is missing`);
  const { entry, preloads } = htmlFirstLoad(readFileSync(join(clientDir, 'index.html'), 'utf8'));
  const files = readdirSync(assets)
    .filter((f) => f.endsWith('.js') || f.endsWith('.css'))
    .sort();
  const code = new Map(files.map((f) => [f, readFileSync(join(assets, f))]));

  const firstLoad = new Set<string>();
  const queue = [entry, ...preloads];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (firstLoad.has(file) || !code.has(file)) continue;
    firstLoad.add(file);
    queue.push(...staticImports(code.get(file)?.toString('utf8') ?? ''));
  }

  const chunks = files.map((file): Chunk => {
    const bytes = code.get(file) as Buffer;
    const text = bytes.toString('utf8');
    return {
      file,
      bytes: bytes.byteLength,
      gzip: gzipSync(bytes, { level: 9 }).byteLength,
      brotli: brotliCompressSync(bytes, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 11,
          [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength,
        },
      }).byteLength,
      firstLoad: firstLoad.has(file),
      editor: file.endsWith('.js') && EDITOR_MARKERS.some((m) => text.includes(m)),
    };
  });
  const js = chunks.filter((c) => c.firstLoad && c.file.endsWith('.js'));
  return {
    chunks,
    entry,
    firstLoadGzip: js.reduce((a, c) => a + c.gzip, 0),
    firstLoadBrotli: js.reduce((a, c) => a + c.brotli, 0),
  };
}

/**
 * The budget checked in CI: the entry chunk ≤ 80 KB gzip (issue 5's words), and the whole
 * first-load set ≤ 80 KB gzip — the issue's goal under the reading above. It was a ratchet at
 * 110 KB while React was in the first load (104.6 KB); with Preact behind `preact/compat` the set
 * is ~48 KB (docs/PERFORMANCE.md §5), so the goal itself is now the ceiling.
 */
export const BUNDLE_BUDGET = { entryGzipBytes: 80 * 1024, firstLoadGzipBytes: 80 * 1024 } as const;

/** What breaks the budget, as readable lines; empty when it holds. */
export function budgetViolations(report: BundleReport): string[] {
  const problems: string[] = [];
  const entry = report.chunks.find((c) => c.file === report.entry);
  if (entry && entry.gzip > BUNDLE_BUDGET.entryGzipBytes) {
    problems.push(
      `the entry chunk ${entry.file} is ${(entry.gzip / 1024).toFixed(1)} KB gzip, over the ${BUNDLE_BUDGET.entryGzipBytes / 1024} KB budget`,
    );
  }
  if (report.firstLoadGzip > BUNDLE_BUDGET.firstLoadGzipBytes) {
    problems.push(
      `first-load JS is ${(report.firstLoadGzip / 1024).toFixed(1)} KB gzip, over its ${BUNDLE_BUDGET.firstLoadGzipBytes / 1024} KB ceiling`,
    );
  }
  const editors = report.chunks.filter((c) => c.editor);
  if (editors.length === 0)
    problems.push('no editor (Tiptap/ProseMirror) chunk found: cannot check it is lazy');
  for (const c of editors.filter((e) => e.firstLoad)) {
    problems.push(`the editor is in the first-load chunk ${c.file}; it must be loaded lazily`);
  }
  return problems;
}
