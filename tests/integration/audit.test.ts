/** The audit log reader: super_admin reads every entry, a partner only their agency's tree. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenants } from '../../storage/schema.ts';
import { PortalClient, signedIn } from '../support/http-client.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';

interface Entry {
  id: number;
  action: string;
  actor: { id: string; name: string } | null;
  tenantId: string | null;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  data: Record<string, unknown> | null;
  createdAt: string;
}

let portal: TestPortal;
const ids: Record<string, string> = {};

beforeAll(async () => {
  portal = await startTestPortal();
  for (const t of portal.ctx.db.select({ id: tenants.id, slug: tenants.slug }).from(tenants).all())
    ids[t.slug] = t.id;
  // Entries in several trees: sign-ins everywhere, a branding change in Northwind, an invite in Globex.
  for (const email of [
    'admin@demo.test',
    'client@initech.test',
    'client@contoso.test',
    'client@globex.test',
  ]) {
    await signedIn(portal.url, email);
  }
  const northwind = await signedIn(portal.url, 'partner@northwind.test');
  await northwind.put(`/api/tenants/${ids.northwind}/branding`, { accentColor: '#222222' });
  // A failed sign-in for an unknown address belongs to no tenant: never in a partner's view.
  await new PortalClient(portal.url).post('/api/auth/login', {
    email: 'nobody@nowhere.test',
    password: 'wrong-password',
  });
  const grace = await signedIn(portal.url, 'client@globex.test');
  await grace.post('/api/users', {
    email: 'audited@globex.test',
    name: 'Audited',
    role: 'client',
    tenantId: ids.globex,
  });
});
afterAll(() => portal.close());

describe('GET /api/audit', () => {
  it('super_admin reads every tenant’s entries, newest first, with actor names', async () => {
    const admin = await signedIn(portal.url, 'admin@demo.test');
    const res = await admin.get<{ entries: Entry[] }>('/api/audit');
    expect(res.status).toBe(200);
    const tenantsSeen = new Set(res.body.entries.map((e) => e.tenantId));
    for (const slug of ['platform', 'initech', 'contoso', 'globex', 'northwind'])
      expect(tenantsSeen).toContain(ids[slug]);
    const invite = res.body.entries.find((e) => e.action === 'user.invited')!;
    expect(invite).toMatchObject({
      actor: { name: 'Grace Globex' },
      tenantId: ids.globex,
      targetType: 'user',
      ip: '127.0.0.1',
      data: { email: 'audited@globex.test', role: 'client' },
    });
    expect(Object.keys(invite).sort()).toEqual([
      'action',
      'actor',
      'createdAt',
      'data',
      'id',
      'ip',
      'targetId',
      'targetType',
      'tenantId',
    ]);
    const times = res.body.entries.map((e) => e.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('a partner reads only their agency and its client orgs', async () => {
    const partner = await signedIn(portal.url, 'partner@acme.test');
    const res = await partner.get<{ entries: Entry[] }>('/api/audit');
    expect(res.status).toBe(200);
    expect(res.body.entries.length).toBeGreaterThan(0);
    for (const e of res.body.entries) expect([ids.acme, ids.globex]).toContain(e.tenantId);
    const northwind = await signedIn(portal.url, 'partner@northwind.test');
    const theirs = await northwind.get<{ entries: Entry[] }>('/api/audit');
    expect(theirs.body.entries.some((e) => e.action === 'tenant.branding_changed')).toBe(true);
    for (const e of theirs.body.entries) expect([ids.northwind, ids.contoso]).toContain(e.tenantId);
  });

  it('honours limit and validates it', async () => {
    const admin = await signedIn(portal.url, 'admin@demo.test');
    expect((await admin.get<{ entries: Entry[] }>('/api/audit?limit=2')).body.entries).toHaveLength(2);
    for (const limit of ['0', '501', 'abc', '1.5'])
      expect((await admin.get(`/api/audit?limit=${limit}`)).status, limit).toBe(400);
  });

  it.each(['staff@demo.test', 'team@acme.test', 'client@globex.test', 'employee@globex.test'])(
    '%s gets 403',
    async (email) => {
      const client = await signedIn(portal.url, email);
      expect((await client.get('/api/audit')).status).toBe(403);
    },
  );

  it('anonymous callers get 401', async () => {
    expect((await new PortalClient(portal.url).get('/api/audit')).status).toBe(401);
  });
});
