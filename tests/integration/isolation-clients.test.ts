/**
 * Isolation from below and outside: a client gets nothing internal (other orgs' people, the
 * outbox, the audit log, any change) and an anonymous caller gets 401, changing nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxEmails } from '../../storage/schema.ts';
import { PortalClient } from '../support/http-client.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';
import { demoWorld, signedInAll, TENANT_BOUND_ACCOUNTS } from '../support/world.ts';

let portal: TestPortal;
let ids: Record<string, string>;
let clients: Record<string, PortalClient>;
const { demoIds, snapshot } = demoWorld(() => portal.ctx.db);

beforeAll(async () => {
  portal = await startTestPortal();
  ids = demoIds();
  clients = await signedInAll(portal.url, TENANT_BOUND_ACCOUNTS);
});
afterAll(() => portal.close());

describe('clients get nothing internal', () => {
  it('a client_admin lists only their own org, never platform or partner people', async () => {
    const res = await clients['client@globex.test']!.get<{ users: { tenantId: string; role: string }[] }>(
      '/api/users',
    );
    expect(res.body.users.length).toBeGreaterThan(0);
    for (const u of res.body.users) {
      expect(u.tenantId).toBe(ids.globex);
      expect(['client_admin', 'client']).toContain(u.role);
    }
    const orgs = await clients['client@globex.test']!.get<{ tenants: { id: string }[] }>('/api/tenants');
    expect(orgs.body.tenants.map((t) => t.id)).toEqual([ids.globex]);
  });

  it.each(['client@globex.test', 'employee@globex.test', 'partner@acme.test', 'team@acme.test'])(
    '%s cannot read the outbox (403 list, 404 message)',
    async (email) => {
      const client = clients[email]!;
      const anyEmail = portal.ctx.db.select({ id: outboxEmails.id }).from(outboxEmails).get();
      expect((await client.get('/api/outbox')).status).toBe(403);
      expect((await client.get(`/api/outbox/${anyEmail?.id ?? 'abcdefghijkmnpqr'}`)).status).toBe(404);
    },
  );

  it.each(['client@globex.test', 'employee@globex.test', 'team@acme.test', 'client@initech.test'])(
    '%s cannot read the audit log',
    async (email) => {
      expect((await clients[email]!.get('/api/audit')).status).toBe(403);
    },
  );

  it('a client (employee) cannot change anyone, even in their own org', async () => {
    const employee = clients['employee@globex.test']!;
    const target = ids['client@globex.test']!;
    const before = snapshot('user', target);
    expect((await employee.patch(`/api/users/${target}`, { name: 'X' })).status).toBe(403);
    expect((await employee.post(`/api/users/${target}/deactivate`)).status).toBe(403);
    expect(
      (await employee.put(`/api/tenants/${ids.globex}/branding`, { primaryColor: '#000000' })).status,
    ).toBe(403);
    expect((await employee.patch(`/api/tenants/${ids.globex}`, { name: 'X' })).status).toBe(403);
    expect(snapshot('user', target)).toBe(before);
  });
});

describe('anonymous callers get 401', () => {
  const routes: [string, string][] = [
    ['GET', '/api/tenants'],
    ['GET', '/api/tenants/abcdefghijkmnpqr'],
    ['POST', '/api/tenants'],
    ['PATCH', '/api/tenants/abcdefghijkmnpqr'],
    ['PUT', '/api/tenants/abcdefghijkmnpqr/branding'],
    ['POST', '/api/tenants/abcdefghijkmnpqr/domain'],
    ['POST', '/api/tenants/abcdefghijkmnpqr/domain/verify'],
    ['GET', '/api/users'],
    ['GET', '/api/users/abcdefghijkmnpqr'],
    ['POST', '/api/users'],
    ['PATCH', '/api/users/abcdefghijkmnpqr'],
    ['POST', '/api/users/abcdefghijkmnpqr/deactivate'],
    ['POST', '/api/users/abcdefghijkmnpqr/reactivate'],
    ['GET', '/api/outbox'],
    ['GET', '/api/outbox/abcdefghijkmnpqr'],
    ['GET', '/api/dashboard'],
    ['GET', '/api/audit'],
  ];
  it.each(routes)('%s %s', async (method, path) => {
    const res = await new PortalClient(portal.url).request(method, path, method === 'GET' ? undefined : {});
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ error: { code: 'unauthenticated' } });
  });

  it('a real id changes nothing either', async () => {
    const id = ids['employee@globex.test']!;
    const before = snapshot('user', id);
    const anon = new PortalClient(portal.url);
    expect((await anon.post(`/api/users/${id}/deactivate`)).status).toBe(401);
    expect((await anon.put(`/api/tenants/${ids.globex}/branding`, { primaryColor: '#000000' })).status).toBe(
      401,
    );
    expect(snapshot('user', id)).toBe(before);
  });
});
