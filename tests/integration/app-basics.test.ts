import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PortalClient } from '../support/http-client.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';

// A stand-in for the built client, so this suite does not depend on `vite build`.
const clientDir = mkdtempSync(join(tmpdir(), 'portal-client-'));
mkdirSync(join(clientDir, 'assets'));
writeFileSync(
  join(clientDir, 'index.html'),
  '<!doctype html><html><head><!--portal:head--></head><body><div id="root"></div></body></html>',
);
writeFileSync(join(clientDir, 'assets', 'app.js'), 'console.log(1)');

/** fetch() may not set Host; node:http may, which is how a subdomain request looks. */
function getWithHost(url: string, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { host } }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => {
          body += c.toString();
        });
        res.on('end', () => resolve(body));
      })
      .on('error', reject);
  });
}

describe('the one process: health, app shell, errors', () => {
  let portal: TestPortal;
  beforeAll(async () => {
    portal = await startTestPortal({ CLIENT_DIR: clientDir });
  });
  afterAll(() => portal.close());

  it('GET /healthz reports the database up', async () => {
    const res = await new PortalClient(portal.url).get('/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, db: 'up' });
  });

  it('serves the app with the platform branding in <head> and strict security headers', async () => {
    const res = await new PortalClient(portal.url).get('/tickets/anything');
    expect(res.status).toBe(200);
    const html = String(res.body);
    expect(html).toContain('<title>Portal</title>');
    expect(html).toContain('<style id="portal-brand">:root{--brand-primary:#4f46e5');
    expect(html).toContain('<script type="application/json" id="portal-boot">');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  it("brands the page of a partner subdomain before first paint, and after sign-in the user's tenant", async () => {
    const acmeHost = `acme.localhost:${new URL(portal.url).port}`;
    portal.ctx.config.publicUrl = new URL(`http://localhost:${new URL(portal.url).port}`);
    const anon = await getWithHost(`${portal.url}/login`, acmeHost);
    expect(anon).toContain('<title>Acme Client Hub</title>');
    expect(anon).toContain('--brand-primary:#0f766e');

    const globex = new PortalClient(portal.url);
    await globex.login('client@globex.test');
    const page = await globex.get('/');
    expect(String(page.body)).toContain('--brand-primary:#0f766e');
    portal.ctx.config.publicUrl = new URL(portal.url);
  });

  it('escapes branding values inside the boot JSON so they cannot close the script tag', async () => {
    const { tenants } = await import('../../storage/schema.ts');
    const { eq } = await import('drizzle-orm');
    portal.ctx.db
      .update(tenants)
      .set({ branding: { portalName: 'Evil</script><script>alert(1)</script>' } })
      .where(eq(tenants.kind, 'platform'))
      .run();
    const html = String((await new PortalClient(portal.url).get('/login')).body);
    expect(html).not.toContain('</script><script>alert(1)');
    expect(html).toContain('<title>Evil&lt;/script&gt;');
    portal.ctx.db.update(tenants).set({ branding: {} }).where(eq(tenants.kind, 'platform')).run();
  });

  it('serves built assets and answers unknown API paths with a JSON 404', async () => {
    const client = new PortalClient(portal.url);
    expect((await client.get('/assets/app.js')).status).toBe(200);
    const missing = await client.get('/api/nope');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
  });

  it('answers an anonymous /api/me with 401 JSON', async () => {
    const res = await new PortalClient(portal.url).get('/api/me');
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: { code: 'unauthenticated', message: 'Please sign in.' } });
  });

  it('gives each role a role-aware /api/me', async () => {
    const expectations: [string, string, string[]][] = [
      ['admin@demo.test', 'super_admin', ['outbox', 'branding', 'users']],
      ['staff@demo.test', 'staff', ['outbox', 'users']],
      ['partner@acme.test', 'partner', ['branding', 'users', 'organizations']],
      ['team@acme.test', 'partner_staff', ['organizations']],
      ['client@globex.test', 'client_admin', ['users']],
      ['employee@globex.test', 'client', ['dashboard']],
    ];
    for (const [email, role, nav] of expectations) {
      const client = await new PortalClient(portal.url).login(email);
      const me = await client.get<{ user: { role: string }; navigation: string[] }>('/api/me');
      expect(me.status).toBe(200);
      expect(me.body.user.role).toBe(role);
      for (const entry of nav) expect(me.body.navigation).toContain(entry);
      if (role === 'client') expect(me.body.navigation).not.toContain('users');
      if (role !== 'super_admin' && role !== 'staff') expect(me.body.navigation).not.toContain('outbox');
    }
  });
});
