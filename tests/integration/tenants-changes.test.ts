/** Organizations over real HTTP: rename and (de)activate, custom domains. */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PortalClient, signedIn } from '../support/http-client.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';
import type { TenantView } from '../support/views.ts';
import { demoWorld } from '../support/world.ts';

let portal: TestPortal;
/** `id(slug)`: the tenant's whole row; `row(id)`: it as JSON, what a refused change must leave alone. */
const { tenant: id, tenantSnapshot: row } = demoWorld(() => portal.ctx.db);

beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(() => portal.close());

describe('changing organizations', () => {
  it('a partner renames a client org; deactivating it ends its people’s sessions', async () => {
    const partner = await signedIn(portal.url, 'partner@acme.test');
    const globexAdmin = await signedIn(portal.url, 'client@globex.test');
    const revoked: string[] = [];
    const stop = portal.ctx.events.on('sessions.revoked', (e) => revoked.push(e.userId));
    const globex = id('globex').id;
    const renamed = await partner.patch<{ tenant: TenantView }>(`/api/tenants/${globex}`, {
      name: 'Globex Corp',
    });
    expect(renamed.body.tenant.name).toBe('Globex Corp');
    const off = await partner.patch<{ tenant: TenantView }>(`/api/tenants/${globex}`, { active: false });
    expect(off.status).toBe(200);
    expect(off.body.tenant.active).toBe(false);
    expect((await globexAdmin.get('/api/me')).status).toBe(401);
    expect(revoked.length).toBeGreaterThan(0);
    stop();
    expect((await partner.patch(`/api/tenants/${globex}`, { active: true })).status).toBe(200);
    expect((await new PortalClient(portal.url).login('client@globex.test')).cookie).toBeTruthy();
  });

  it('nobody deactivates their own tenant or the platform; empty and unknown fields are 400', async () => {
    const partner = await signedIn(portal.url, 'partner@acme.test');
    const acme = id('acme').id;
    const before = row(acme);
    expect((await partner.patch(`/api/tenants/${acme}`, { active: false })).status).toBe(403);
    expect((await partner.patch(`/api/tenants/${acme}`, {})).status).toBe(400);
    expect((await partner.patch(`/api/tenants/${acme}`, { slug: 'hijack' })).status).toBe(400);
    expect(row(acme)).toBe(before);
    const admin = await signedIn(portal.url, 'admin@demo.test');
    expect((await admin.patch(`/api/tenants/${id('platform').id}`, { active: false })).status).toBe(403);
    const team = await signedIn(portal.url, 'team@acme.test');
    expect((await team.patch(`/api/tenants/${acme}`, { name: 'Team Acme' })).status).toBe(403);
    expect(row(acme)).toBe(before);
  });
});

/** fetch() may not set Host; node:http may, which is how a custom-domain request looks. */
function getJsonWithHost(url: string, host: string): Promise<{ tenantName: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { host } }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => {
          body += c.toString();
        });
        res.on('end', () => resolve(JSON.parse(body) as { tenantName: string }));
      })
      .on('error', reject);
  });
}

describe('custom domains', () => {
  it('a partner requests, a super_admin verifies, and the domain then resolves', async () => {
    const partner = await signedIn(portal.url, 'partner@acme.test');
    const acme = id('acme').id;
    const requested = await partner.post<{ tenant: TenantView }>(`/api/tenants/${acme}/domain`, {
      domain: 'Portal.Acme-Agency.com',
    });
    expect(requested.status).toBe(200);
    expect(requested.body.tenant).toMatchObject({
      customDomain: 'portal.acme-agency.com',
      customDomainStatus: 'requested',
    });
    expect((await getJsonWithHost(`${portal.url}/api/branding`, 'portal.acme-agency.com')).tenantName).toBe(
      'Kre8ivTech',
    );
    expect((await partner.post(`/api/tenants/${acme}/domain/verify`)).status).toBe(403);

    const admin = await signedIn(portal.url, 'admin@demo.test');
    const verified = await admin.post<{ tenant: TenantView }>(`/api/tenants/${acme}/domain/verify`);
    expect(verified.body.tenant.customDomainStatus).toBe('verified');
    expect((await getJsonWithHost(`${portal.url}/api/branding`, 'portal.acme-agency.com')).tenantName).toBe(
      'Acme Agency',
    );

    const direct = await admin.post<{ tenant: TenantView }>(`/api/tenants/${id('northwind').id}/domain`, {
      domain: 'help.northwind.example',
    });
    expect(direct.body.tenant.customDomainStatus).toBe('verified');
  });

  it('refuses taken, malformed and portal-owned domains, and roles without the right', async () => {
    const admin = await signedIn(portal.url, 'admin@demo.test');
    const initech = id('initech').id;
    const before = row(initech);
    expect(
      (await admin.post(`/api/tenants/${initech}/domain`, { domain: 'portal.acme-agency.com' })).status,
    ).toBe(409);
    for (const domain of [
      'localhost',
      'http://x.com',
      'x.com/path',
      'x.com:8080',
      '-x.com',
      'a..com',
      'exa mple.com',
      '',
    ]) {
      expect((await admin.post(`/api/tenants/${initech}/domain`, { domain })).status, domain).toBe(400);
    }
    // The portal's own host and its subdomains resolve by slug; no tenant may claim them.
    const realUrl = portal.ctx.config.publicUrl;
    portal.ctx.config.publicUrl = new URL(`http://portal.example:${realUrl.port}`);
    for (const domain of ['portal.example', 'globex.portal.example']) {
      const res = await admin.post(`/api/tenants/${initech}/domain`, { domain });
      expect(res.body, domain).toMatchObject({ error: { code: 'invalid_domain' } });
    }
    portal.ctx.config.publicUrl = realUrl;
    expect((await admin.post(`/api/tenants/${initech}/domain/verify`)).status).toBe(409);
    const partner = await signedIn(portal.url, 'partner@acme.test');
    expect(
      (await partner.post(`/api/tenants/${id('globex').id}/domain`, { domain: 'globex.example.com' })).status,
    ).toBe(403);
    const staff = await signedIn(portal.url, 'staff@demo.test');
    expect(
      (await staff.post(`/api/tenants/${initech}/domain`, { domain: 'initech.example.com' })).status,
    ).toBe(403);
    expect(row(initech)).toBe(before);
  });
});
