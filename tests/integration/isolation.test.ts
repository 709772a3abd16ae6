/**
 * Tenant isolation across tenants, users and branding: another tenant's user gets a 404 for
 * detail and mutation, never sees the row in a list, and the database is unchanged afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenants, users } from '../../storage/schema.ts';
import type { PortalClient } from '../support/http-client.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';
import { demoWorld, signedInAll, TENANT_BOUND_ACCOUNTS } from '../support/world.ts';

let portal: TestPortal;
let ids: Record<string, string>;
let clients: Record<string, PortalClient>;
const { demoIds, snapshot, rowCount: rows } = demoWorld(() => portal.ctx.db);

beforeAll(async () => {
  portal = await startTestPortal();
  ids = demoIds();
  clients = await signedInAll(portal.url, TENANT_BOUND_ACCOUNTS);
});
afterAll(() => portal.close());

type Case = { who: string; target: 'tenant' | 'user'; id: string };

/** Who must not see which tenant / user: the outsider's tenant-tree never includes the target. */
const OUTSIDERS: Case[] = [
  { who: 'partner@acme.test', target: 'tenant', id: 'northwind' },
  { who: 'partner@acme.test', target: 'tenant', id: 'contoso' },
  { who: 'partner@acme.test', target: 'tenant', id: 'initech' },
  { who: 'partner@acme.test', target: 'tenant', id: 'platform' },
  { who: 'client@globex.test', target: 'tenant', id: 'acme' },
  { who: 'client@globex.test', target: 'tenant', id: 'initech' },
  { who: 'employee@globex.test', target: 'tenant', id: 'contoso' },
  { who: 'client@initech.test', target: 'tenant', id: 'globex' },
  { who: 'partner@acme.test', target: 'user', id: 'client@contoso.test' },
  { who: 'partner@acme.test', target: 'user', id: 'partner@northwind.test' },
  { who: 'partner@acme.test', target: 'user', id: 'client@initech.test' },
  { who: 'partner@acme.test', target: 'user', id: 'staff@demo.test' },
  { who: 'client@globex.test', target: 'user', id: 'client@initech.test' },
  { who: 'client@globex.test', target: 'user', id: 'partner@acme.test' },
  { who: 'client@globex.test', target: 'user', id: 'admin@demo.test' },
  { who: 'client@initech.test', target: 'user', id: 'employee@globex.test' },
];

/** Every detail read and mutation on a target, each of which an outsider must get a 404 for. */
function attempts(c: Case): [string, string, unknown][] {
  const id = ids[c.id]!;
  if (c.target === 'tenant') {
    return [
      ['GET', `/api/tenants/${id}`, undefined],
      ['PATCH', `/api/tenants/${id}`, { name: 'Taken over' }],
      ['PATCH', `/api/tenants/${id}`, { active: false }],
      ['PUT', `/api/tenants/${id}/branding`, { primaryColor: '#ff0000' }],
      ['POST', `/api/tenants/${id}/domain`, { domain: 'evil.example.com' }],
      ['POST', `/api/tenants/${id}/domain/verify`, {}],
      ['POST', '/api/users', { email: 'mole@evil.test', name: 'Mole', role: 'client', tenantId: id }],
      ['POST', '/api/tenants', { kind: 'client', name: 'Sub', slug: 'sub-org-x', parentId: id }],
    ];
  }
  return [
    ['GET', `/api/users/${id}`, undefined],
    ['PATCH', `/api/users/${id}`, { name: 'Renamed' }],
    ['PATCH', `/api/users/${id}`, { role: 'client' }],
    ['POST', `/api/users/${id}/deactivate`, {}],
    ['POST', `/api/users/${id}/reactivate`, {}],
  ];
}

describe('another tenant gets 404 and changes nothing', () => {
  it.each(OUTSIDERS)('$who → $target $id', async (c) => {
    const client = clients[c.who]!;
    const id = ids[c.id]!;
    const before = snapshot(c.target, id);
    const userCount = rows(users);
    const tenantCount = rows(tenants);
    for (const [method, path, body] of attempts(c)) {
      const res = await client.request(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.body).toMatchObject({ error: { code: 'not_found' } });
    }
    expect(snapshot(c.target, id)).toBe(before);
    expect(rows(users)).toBe(userCount);
    expect(rows(tenants)).toBe(tenantCount);
  });

  it.each(OUTSIDERS)('$who does not list $target $id', async (c) => {
    const client = clients[c.who]!;
    const path = c.target === 'tenant' ? '/api/tenants' : '/api/users';
    const res = await client.get<{ tenants?: { id: string }[]; users?: { id: string }[] }>(path);
    expect(res.status).toBe(200);
    const listed = (res.body.tenants ?? res.body.users ?? []).map((r) => r.id);
    expect(listed).not.toContain(ids[c.id]);
  });

  it('filtering a list by an invisible tenant yields nothing', async () => {
    const acme = clients['partner@acme.test']!;
    const people = await acme.get<{ users: unknown[] }>(`/api/users?tenantId=${ids.contoso}`);
    expect(people.body.users).toEqual([]);
    const orgs = await acme.get<{ tenants: unknown[] }>(`/api/tenants?parentId=${ids.northwind}`);
    expect(orgs.body.tenants).toEqual([]);
  });
});
