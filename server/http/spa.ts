/**
 * Serves the built single-page app. index.html is a template: the host's (or signed-in user's)
 * branding is written into <head> as CSS variables and boot JSON, so it applies before first paint.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { escapeHtml } from '../email/templates.ts';
import { type Branding, effectiveBranding, readableOn } from '../tenancy/branding.ts';
import { resolveHostTenant } from '../tenancy/resolve.ts';

const PLACEHOLDER = '<!--portal:head-->';

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

export function renderHead(branding: Branding, tenantName: string): string {
  const vars = [
    `--brand-primary:${branding.primaryColor}`,
    `--brand-accent:${branding.accentColor}`,
    `--brand-on-primary:${readableOn(branding.primaryColor)}`,
  ].join(';');
  // JSON inside <script>: escape `<` so no value can close the tag.
  const boot = JSON.stringify({ branding, tenantName }).replaceAll('<', '\\u003c');
  return [
    `<title>${escapeHtml(branding.portalName)}</title>`,
    `<meta name="theme-color" content="${branding.primaryColor}">`,
    `<style id="portal-brand">:root{${vars}}</style>`,
    `<script type="application/json" id="portal-boot">${boot}</script>`,
  ].join('\n    ');
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
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(html.replace(PLACEHOLDER, renderHead(branding, tenantName)));
  });
}
