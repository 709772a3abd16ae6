/**
 * Branding over real HTTP: a partner brands their agency, client orgs inherit it (API and the
 * served page), the public endpoint follows the host, and bad values or the wrong people are refused.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, tenants } from '../../storage/schema.ts';
import { PortalClient, signedIn } from '../support/http-client.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';

interface Branding {
  portalName: string;
  logoDataUrl: string | null;
  primaryColor: string;
  accentColor: string;
  loginText: string;
}

// A stand-in for the built client, so the page test does not depend on `vite build`.
const clientDir = mkdtempSync(join(tmpdir(), 'portal-client-'));
writeFileSync(
  join(clientDir, 'index.html'),
  '<!doctype html><html><head><!--portal:head--></head><body></body></html>',
);

let portal: TestPortal;
const tenant = (slug: string) => portal.ctx.db.select().from(tenants).where(eq(tenants.slug, slug)).get()!;
const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** fetch() may not set Host; node:http may, which is how a subdomain request looks. */
function getWithHost(url: string, host: string): Promise<{ branding: Branding; tenantName: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { host } }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => {
          body += c.toString();
        });
        res.on('end', () => resolve(JSON.parse(body) as { branding: Branding; tenantName: string }));
      })
      .on('error', reject);
  });
}

beforeAll(async () => {
  portal = await startTestPortal({ CLIENT_DIR: clientDir });
});
afterAll(async () => {
  await portal.close();
  rmSync(clientDir, { recursive: true, force: true });
});

describe('a partner brands their agency', () => {
  it('updates Acme; Globex inherits it in the API and in the served page', async () => {
    const partner = await signedIn(portal.url, 'partner@acme.test');
    const acme = tenant('acme').id;
    const res = await partner.put<{ branding: Partial<Branding>; effectiveBranding: Branding }>(
      `/api/tenants/${acme}/branding`,
      {
        primaryColor: '#123abc',
        logoDataUrl: PNG,
        loginText: null,
      },
    );
    expect(res.status).toBe(200);
    expect(res.body.branding).toEqual({
      portalName: 'Acme Client Hub',
      primaryColor: '#123abc',
      accentColor: '#f59e0b',
      logoDataUrl: PNG,
    });
    expect(res.body.effectiveBranding).toMatchObject({ primaryColor: '#123abc', loginText: '' });
    const audit = portal.ctx.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'tenant.branding_changed'))
      .all();
    expect(audit.at(-1)).toMatchObject({
      tenantId: acme,
      data: { fields: ['logoDataUrl', 'primaryColor', 'loginText'] },
    });

    const globex = tenant('globex').id;
    const detail = await partner.get<{ branding: object; effectiveBranding: Branding }>(
      `/api/tenants/${globex}`,
    );
    expect(detail.body.branding).toEqual({});
    expect(detail.body.effectiveBranding).toMatchObject({
      portalName: 'Acme Client Hub',
      primaryColor: '#123abc',
      logoDataUrl: PNG,
    });

    const grace = await signedIn(portal.url, 'client@globex.test');
    const page = await grace.get('/tickets');
    expect(page.status).toBe(200);
    const style = /<style id="portal-brand">([^<]*)<\/style>/.exec(String(page.body));
    expect(style?.[1]).toContain('--brand-primary:#123abc');
  });

  it('serves the host tenant’s branding publicly', async () => {
    const port = new URL(portal.url).port;
    const anon = await new PortalClient(portal.url).get<{ branding: Branding; tenantName: string }>(
      '/api/branding',
    );
    expect(anon.body).toMatchObject({ tenantName: 'Kre8ivTech', branding: { portalName: 'Portal' } });
    const acme = await getWithHost(
      `${portal.url}/api/branding`,
      `acme.${portal.ctx.config.publicUrl.hostname}:${port}`,
    );
    expect(acme.tenantName).toBe('Acme Agency');
    expect(acme.branding).toMatchObject({ portalName: 'Acme Client Hub', primaryColor: '#123abc' });
    expect(Object.keys(acme.branding).sort()).toEqual([
      'accentColor',
      'loginText',
      'logoDataUrl',
      'portalName',
      'primaryColor',
    ]);
  });
});

describe('refusals', () => {
  it('rejects invalid colours, SVG logos and unknown fields with 400, storing nothing', async () => {
    const partner = await signedIn(portal.url, 'partner@acme.test');
    const acme = tenant('acme');
    const before = JSON.stringify(acme.branding);
    const bad = [
      { primaryColor: 'red' },
      { accentColor: '#12345' },
      { primaryColor: '#12345g' },
      { logoDataUrl: 'data:image/svg+xml;base64,PHN2Zz48c2NyaXB0PmFsZXJ0KDEpPC9zY3JpcHQ+PC9zdmc+' },
      { logoDataUrl: 'https://evil.example/logo.png' },
      { portalName: '' },
      { loginText: 'x'.repeat(501) },
      { css: 'body{display:none}' },
    ];
    for (const body of bad) {
      const res = await partner.put(`/api/tenants/${acme.id}/branding`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect(JSON.stringify(tenant('acme').branding)).toBe(before);
  });

  it('refuses people who may not brand: 403 when visible, 404 when not', async () => {
    const acme = tenant('acme');
    const globex = tenant('globex');
    const before = JSON.stringify([acme.branding, globex.branding, tenant('northwind').branding]);
    const grace = await signedIn(portal.url, 'client@globex.test');
    expect((await grace.put(`/api/tenants/${globex.id}/branding`, { primaryColor: '#000000' })).status).toBe(
      403,
    );
    expect((await grace.put(`/api/tenants/${acme.id}/branding`, { primaryColor: '#000000' })).status).toBe(
      404,
    );
    const team = await signedIn(portal.url, 'team@acme.test');
    expect((await team.put(`/api/tenants/${acme.id}/branding`, { primaryColor: '#000000' })).status).toBe(
      403,
    );
    const staff = await signedIn(portal.url, 'staff@demo.test');
    expect((await staff.put(`/api/tenants/${acme.id}/branding`, { primaryColor: '#000000' })).status).toBe(
      403,
    );
    const partner = await signedIn(portal.url, 'partner@acme.test');
    expect(
      (await partner.put(`/api/tenants/${tenant('northwind').id}/branding`, { primaryColor: '#000000' }))
        .status,
    ).toBe(404);
    expect(
      JSON.stringify([tenant('acme').branding, tenant('globex').branding, tenant('northwind').branding]),
    ).toBe(before);
  });

  it('lets a partner brand one of their client orgs, overriding the agency', async () => {
    const partner = await signedIn(portal.url, 'partner@acme.test');
    const globex = tenant('globex').id;
    const res = await partner.put<{ effectiveBranding: Branding }>(`/api/tenants/${globex}/branding`, {
      accentColor: '#00ff00',
    });
    expect(res.body.effectiveBranding).toMatchObject({ accentColor: '#00ff00', primaryColor: '#123abc' });
    const cleared = await partner.put<{ branding: object; effectiveBranding: Branding }>(
      `/api/tenants/${globex}/branding`,
      { accentColor: null },
    );
    expect(cleared.body.branding).toEqual({});
    expect(cleared.body.effectiveBranding.accentColor).toBe('#f59e0b');
  });
});
