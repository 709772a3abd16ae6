import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

/** The Portal server, which `vite dev` proxies the API and the collaboration socket to. */
const serverUrl = process.env.PORTAL_SERVER_URL ?? 'http://127.0.0.1:3000';

// The client is written against React's API (and typechecked with @types/react) but runs on
// Preact through `preact/compat`: the same components, a fraction of react-dom's size on the first
// load (docs/PERFORMANCE.md §5). Every import of React — ours and the libraries' (react-router,
// TanStack Query, Tiptap) — resolves to Preact, so there is one renderer in the page.
const preactAliases = [
  { find: /^react$/, replacement: join(import.meta.dirname, 'client', 'lib', 'react-on-preact.js') },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
];

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/**
 * Writes `<file>.br` (quality 11) and `<file>.gz` (level 9) beside every built script, style and
 * SVG, so the server sends compressed bytes without compressing per request
 * (`@fastify/static`'s `preCompressed`, server/http/spa.ts). Only where it saves bytes.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'portal:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const assets = join(outDir, 'assets');
      const files = (await readdir(assets)).filter((f) => /\.(js|css|svg)$/.test(f));
      await Promise.all(
        files.map(async (file) => {
          const bytes = await readFile(join(assets, file));
          const [br, gz] = await Promise.all([
            brotliAsync(bytes, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: 11,
                [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength,
              },
            }),
            gzipAsync(bytes, { level: 9 }),
          ]);
          if (br.byteLength < bytes.byteLength) await writeFile(join(assets, `${file}.br`), br);
          if (gz.byteLength < bytes.byteLength) await writeFile(join(assets, `${file}.gz`), gz);
        }),
      );
    },
  };
}

/**
 * Puts the entry stylesheet into index.html as a `<style>`: the first paint (the server's splash,
 * then the app) waits for no request but the page itself. 7–8 KB compressed, sent with each page
 * load of the single-page app; the chunks' own styles stay separate files, loaded with them.
 */
function inlineEntryCss(): Plugin {
  return {
    name: 'portal:inline-entry-css',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const html = bundle['index.html'];
      if (html?.type !== 'asset' || typeof html.source !== 'string') return;
      html.source = html.source.replace(
        /<link rel="stylesheet"[^>]*href="\/(assets\/[^"]+\.css)"[^>]*>/,
        (link, file: string) => {
          const css = bundle[file];
          if (css?.type !== 'asset') return link;
          const text = typeof css.source === 'string' ? css.source : new TextDecoder().decode(css.source);
          // Never let a stylesheet end the <style> element early.
          return text.includes('</style') ? link : `<style>${text}</style>`;
        },
      );
    },
  };
}

export default defineConfig({
  root: 'client',
  resolve: { alias: preactAliases },
  // JSX compiles to the automatic runtime (`react/jsx-runtime`, aliased to Preact's above).
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  plugins: [inlineEntryCss(), precompress()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    rolldownOptions: {
      onwarn(warning, warn) {
        // TanStack Query marks its modules "use client" for React Server Components; meaningless in
        // a client-only bundle.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('use client')) return;
        warn(warning);
      },
      output: {
        codeSplitting: {
          groups: [
            // The libraries every page needs, in one long-cached chunk that changes only when they
            // are upgraded. Named explicitly — not all of node_modules — so heavy lazy dependencies
            // (the collaborative editor: Tiptap, Yjs) stay in their own lazy chunks.
            {
              name: 'vendor',
              test: /node_modules[\\/](preact|react-router|@tanstack)[\\/]|client[\\/]lib[\\/]react-on-preact/,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: serverUrl },
      '/collab': { target: serverUrl, ws: true },
    },
  },
});
