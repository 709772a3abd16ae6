/** The bundle budget's reading of a build: first-load set, sizes and the editor-is-lazy rule. */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  analyzeBundle,
  budgetViolations,
  htmlFirstLoad,
  staticImports,
} from '../bench/lib/bundle-analysis.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function build(files: Record<string, string>, preloads: string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'bundle-budget-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'assets'));
  for (const [name, code] of Object.entries(files)) writeFileSync(join(dir, 'assets', name), code);
  writeFileSync(
    join(dir, 'index.html'),
    `<script type="module" crossorigin src="/assets/index-a.js"></script>\n${preloads
      .map((p) => `<link rel="modulepreload" crossorigin href="/assets/${p}">`)
      .join('\n')}`,
  );
  return dir;
}

describe('bundle budget', () => {
  it('reads static imports but not dynamic import()', () => {
    const code = `import{a as b}from"./vendor-x.js";import "./side-y.js";const p=()=>import("./Lazy-z.js");export{c}from"./re-w.js";`;
    expect(staticImports(code).sort()).toEqual(['re-w.js', 'side-y.js', 'vendor-x.js']);
  });

  it('finds the entry and the modulepreloads in index.html', () => {
    const html = `<script type="module" crossorigin src="/assets/index-1.js"></script><link rel="modulepreload" crossorigin href="/assets/vendor-2.js">`;
    expect(htmlFirstLoad(html)).toEqual({ entry: 'index-1.js', preloads: ['vendor-2.js'] });
  });

  it('counts the entry and its static imports as first load, the editor lazily imported as not', () => {
    const dir = build({
      'index-a.js': `import{x}from"./vendor-b.js";const e=()=>import("./Editor-c.js");`,
      'vendor-b.js': 'export const x=1;',
      'Editor-c.js': 'const k="ProseMirror-focused";',
      'Other-d.js': 'export const y=2;',
    });
    const report = analyzeBundle(dir);
    const first = report.chunks.filter((c) => c.firstLoad).map((c) => c.file);
    expect(first.sort()).toEqual(['index-a.js', 'vendor-b.js']);
    expect(report.chunks.find((c) => c.file === 'Editor-c.js')).toMatchObject({
      editor: true,
      firstLoad: false,
    });
    expect(budgetViolations(report)).toEqual([]);
  });

  it('fails when the editor is loaded eagerly or no editor chunk exists', () => {
    const eager = analyzeBundle(
      build({ 'index-a.js': `import"./Editor-c.js";`, 'Editor-c.js': 'const k="ProseMirror-focused";' }),
    );
    expect(budgetViolations(eager).join()).toMatch(/editor is in the first-load chunk Editor-c\.js/);
    const none = analyzeBundle(build({ 'index-a.js': 'export{}' }));
    expect(budgetViolations(none).join()).toMatch(/no editor/);
  });

  it('fails when the first-load JS is over 80 KB gzip', () => {
    // Incompressible bytes: random base64 gzips to about three quarters of its length.
    const big = randomBytes(120_000).toString('base64');
    const report = analyzeBundle(
      build({ 'index-a.js': `const s="${big}";`, 'Editor-c.js': 'const k="ProseMirror-x";' }, []),
    );
    expect(report.firstLoadGzip).toBeGreaterThan(80 * 1024);
    expect(budgetViolations(report).join()).toMatch(/entry chunk index-a\.js .* over the 80 KB budget/);
  });

  it('holds the first-load set under its ceiling even when the entry is small', () => {
    const big = randomBytes(150_000).toString('base64');
    const report = analyzeBundle(
      build(
        {
          'index-a.js': 'import"./vendor-b.js";',
          'vendor-b.js': `const s="${big}";`,
          'Editor-c.js': 'const k="ProseMirror-x";',
        },
        [],
      ),
    );
    const problems = budgetViolations(report);
    expect(problems.join()).toMatch(/first-load JS is .* over its 80 KB ceiling/);
    expect(problems.join()).not.toMatch(/entry chunk/);
  });
});
