/**
 * Serves the built single-page app. index.html is a template: the host's (or signed-in user's)
 * branding is written into <head> as CSS variables and boot JSON, so it applies before first paint,
 * and into a static splash in <body> (the portal's name), so the first paint has content before
 * any script has run. Assets are sent pre-compressed (brotli / gzip files written by the build);
 * the page itself is compressed per response.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { escapeHtml } from '../email/templates.ts';
import { presentMe } from '../modules/me/presenter.ts';
import { type Branding, effectiveBranding, readableOn } from '../tenancy/branding.ts';
import { resolveHostTenant } from '../tenancy/resolve.ts';

const PLACEHOLDER = '<!--portal:head-->';
const SPLASH_PLACEHOLDER = '<!--portal:splash-->';

/** The branding for a page request: the signed-in user's tenant, else the host's tenant. */
export function brandingForRequest(
  ctx: AppContext,
  req: FastifyRequest,
): { branding: Branding; tenantName: string } {
  const host = resolveHostTenant(ctx.db, ctx.config.publicUrl.hostname, req.headers.host);
  const tenantId = req.auth?.actor?.tenantId ?? host.id;
  const branding = effectiveBranding(ctx.db, tenantId);
  return { branding, tenantName: host.name };
}

/**
 * What `GET /api/me` answers this same request's session, for a fully signed-in caller; null for
 * anyone else (anonymous, or still waiting for a second factor), who gets only the branding. The
 * client seeds its cache with it (client/main.tsx), so a signed-in page skips that round trip.
 * Same function as the route, so the two can never differ.
 */
export function meForRequest(ctx: AppContext, req: FastifyRequest): ReturnType<typeof presentMe> | null {
  const auth = req.auth;
  if (!auth?.actor || !auth.viaCookie) return null;
  return presentMe(ctx, auth.actor, auth.user);
}

export function renderHead(
  branding: Branding,
  tenantName: string,
  me: ReturnType<typeof presentMe> | null = null,
): string {
  const vars = [
    `--brand-primary:${branding.primaryColor}`,
    `--brand-accent:${branding.accentColor}`,
    `--brand-on-primary:${readableOn(branding.primaryColor)}`,
  ].join(';');
  // JSON inside <script>: escape `<` so no value can close the tag.
  const boot = JSON.stringify(me ? { branding, tenantName, me } : { branding, tenantName }).replaceAll(
    '<',
    '\\u003c',
  );
  return [
    `<title>${escapeHtml(branding.portalName)}</title>`,
    `<meta name="theme-color" content="${branding.primaryColor}">`,
    `<style id="portal-brand">:root{${vars}}</style>`,
    `<script type="application/json" id="portal-boot">${boot}</script>`,
  ].join('\n    ');
}

/**
 * What the page shows until the app's first render replaces it (client/main.tsx): the brand
 * mark as the sign-in page draws it, so the sign-in page appears around it without moving it.
 * Hidden from assistive technology, which meets the app's own loading status instead. No logo
 * image: it would repeat up to 350 KB of data URL that the boot JSON already carries.
 */
export function renderSplash(branding: Branding): string {
  const initial = branding.portalName.trim().charAt(0).toUpperCase() || 'P';
  return (
    '<div class="boot-splash" aria-hidden="true"><span class="brand-mark brand-mark-l">' +
    `<span class="brand-monogram">${escapeHtml(initial)}</span>` +
    `<span class="brand-name">${escapeHtml(branding.portalName)}</span></span></div>`
  );
}

/** The content codings a request accepts (`Accept-Encoding`), without those refused by `q=0`. */
function acceptedEncodings(header: string): Set<string> {
  const accepted = new Set<string>();
  for (const part of header.toLowerCase().split(',')) {
    const [name = '', ...params] = part.split(';').map((p) => p.trim());
    const q = params.find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) accepted.add(name);
  }
  return accepted;
}

/** The page compressed as the browser accepts it (brotli, else gzip, else as is). */
export function encodePage(
  html: string,
  acceptEncoding: string,
): { body: string | Buffer; encoding?: string } {
  const accepted = acceptedEncodings(acceptEncoding);
  // Fast settings: this runs per page load (the page carries per-tenant branding).
  if (accepted.has('br')) {
    return {
      body: brotliCompressSync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }),
      encoding: 'br',
    };
  }
  if (accepted.has('gzip')) return { body: gzipSync(html, { level: 6 }), encoding: 'gzip' };
  return { body: html };
}

export async function registerSpa(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const dir = ctx.config.clientDir;
  const indexFile = join(dir, 'index.html');
  let template: string | null = null;
  const loadTemplate = () => {
    if (template === null && existsSync(indexFile)) template = readFileSync(indexFile, 'utf8');
    return template;
  };
  if (existsSync(join(dir, 'assets'))) {
    await app.register(fastifyStatic, {
      root: join(dir, 'assets'),
      prefix: '/assets/',
      immutable: true,
      maxAge: '365d',
      index: false,
      // The build writes `.br` and `.gz` beside each script and style (vite.config.ts).
      preCompressed: true,
    });
  }

  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    if (
      req.method !== 'GET' ||
      path.startsWith('/api/') ||
      path.startsWith('/assets/') ||
      path.includes('.')
    ) {
      return reply
        .code(404)
        .send({ error: { code: 'not_found', message: 'There is nothing at this address.' } });
    }
    const html = loadTemplate();
    if (!html) {
      return reply
        .code(503)
        .type('text/plain')
        .send('The web client is not built yet. Run `npm run build` (npm start does this for you).');
    }
    const { branding, tenantName } = brandingForRequest(ctx, req);
    const page = html
      .replace(PLACEHOLDER, renderHead(branding, tenantName, meForRequest(ctx, req)))
      .replace(SPLASH_PLACEHOLDER, renderSplash(branding));
    const { body, encoding } = encodePage(page, String(req.headers['accept-encoding'] ?? ''));
    if (encoding) reply.header('content-encoding', encoding);
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('vary', 'accept-encoding')
      .send(body);
  });
}
