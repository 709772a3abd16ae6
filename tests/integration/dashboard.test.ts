/** The dashboard per role: own org and its people, visible child orgs, counts — all scoped. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PortalClient, signedIn } from '../support/http-client.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';

interface Dashboard {
  organization: { id: string; name: string; kind: string; parentName: string | null };
  people: { id: string; name: string; email: string; role: string; status: string }[];
  childOrganizations: { id: string; name: string; kind: string; people: number }[];
  counts: { people: number; childOrganizations: number; tenants: number; users: number };
}

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(() => portal.close());

async function dashboardOf(email: string): Promise<Dashboard> {
  const res = await (await signedIn(portal.url, email)).get<Dashboard>('/api/dashboard');
  expect(res.status).toBe(200);
  return res.body;
}

describe('GET /api/dashboard', () => {
  it('super_admin sees every partner and client org and everyone', async () => {
    const d = await dashboardOf('admin@demo.test');
    expect(d.organization).toMatchObject({ name: 'Kre8ivTech', kind: 'platform', parentName: null });
    expect(d.people.map((p) => p.email).sort()).toEqual(['admin@demo.test', 'staff@demo.test']);
    expect(d.childOrganizations.map((o) => o.name)).toEqual([
      'Acme Agency',
      'Contoso',
      'Globex',
      'Initech',
      'Northwind Digital',
    ]);
    expect(d.childOrganizations.find((o) => o.name === 'Globex')?.people).toBe(2);
    expect(d.counts).toEqual({ people: 2, childOrganizations: 5, tenants: 6, users: 9 });
  });

  it('a partner sees their agency, their people and only their own clients', async () => {
    const d = await dashboardOf('partner@acme.test');
    expect(d.organization).toMatchObject({ name: 'Acme Agency', kind: 'partner', parentName: 'Kre8ivTech' });
    expect(d.people.map((p) => p.email).sort()).toEqual(['partner@acme.test', 'team@acme.test']);
    expect(Object.keys(d.people[0]!).sort()).toEqual(['email', 'id', 'name', 'role', 'status']);
    expect(d.childOrganizations).toEqual([
      { id: expect.any(String), name: 'Globex', kind: 'client', people: 2 },
    ]);
    expect(d.counts).toEqual({ people: 2, childOrganizations: 1, tenants: 2, users: 4 });
  });

  it('a client sees their own org only', async () => {
    for (const email of ['client@globex.test', 'employee@globex.test']) {
      const d = await dashboardOf(email);
      expect(d.organization).toMatchObject({ name: 'Globex', kind: 'client', parentName: 'Acme Agency' });
      expect(d.people.map((p) => p.email).sort()).toEqual(['client@globex.test', 'employee@globex.test']);
      expect(d.childOrganizations).toEqual([]);
      expect(d.counts).toEqual({ people: 2, childOrganizations: 0, tenants: 1, users: 2 });
    }
    const initech = await dashboardOf('client@initech.test');
    expect(initech.people.map((p) => p.email)).toEqual(['client@initech.test']);
  });

  it('lists the newest people first', async () => {
    const admin = await signedIn(portal.url, 'admin@demo.test');
    const orgs = await admin.get<{ tenants: { id: string; slug: string }[] }>('/api/tenants?kind=client');
    const globex = orgs.body.tenants.find((t) => t.slug === 'globex')!.id;
    await admin.post('/api/users', {
      email: 'newest@globex.test',
      name: 'Newest',
      role: 'client',
      tenantId: globex,
    });
    const d = await dashboardOf('client@globex.test');
    expect(d.people[0]).toMatchObject({ email: 'newest@globex.test', status: 'invited' });
  });

  it('anonymous callers get 401', async () => {
    expect((await new PortalClient(portal.url).get('/api/dashboard')).status).toBe(401);
  });
});
