/** People over real HTTP: invite, bad input, role changes, list filters. */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, users } from '../../storage/schema.ts';
import { signedIn } from '../support/http-client.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';
import type { UserView } from '../support/views.ts';
import { demoWorld } from '../support/world.ts';

let portal: TestPortal;
const { tenantId, userId } = demoWorld(() => portal.ctx.db);

beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(() => portal.close());

describe('inviting people', () => {
  it('super_admin invites a staff member', async () => {
    const admin = await signedIn(portal.url, 'admin@demo.test');
    const res = await admin.post<{ user: UserView }>('/api/users', {
      email: ' New.Staff@Demo.test ',
      name: 'Nia Staff',
      role: 'staff',
      tenantId: tenantId('platform'),
    });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({
      email: 'new.staff@demo.test',
      role: 'staff',
      status: 'invited',
      tenantName: 'Kre8ivTech',
    });
    expect(Object.keys(res.body.user).sort()).toEqual([
      'abilities',
      'createdAt',
      'email',
      'id',
      'name',
      'role',
      'sections',
      'status',
      'tenantId',
      'tenantName',
      'ticketScope',
      'twoFactorEnabled',
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(/password/i);
  });

  it('a partner creates a client org and its client_admin', async () => {
    const partner = await signedIn(portal.url, 'partner@acme.test');
    const org = await partner.post<{ tenant: { id: string } }>('/api/tenants', {
      kind: 'client',
      name: 'Stark',
      slug: 'stark',
    });
    expect(org.status).toBe(201);
    const res = await partner.post<{ user: UserView }>('/api/users', {
      email: 'tony@stark.test',
      name: 'Tony',
      role: 'client_admin',
      tenantId: org.body.tenant.id,
    });
    expect(res.status).toBe(201);
    expect(res.body.user.abilities).toMatchObject({
      update: true,
      deactivate: true,
      assignableRoles: ['client_admin', 'client'],
    });
    expect(
      (
        await partner.post('/api/users', {
          email: 'p@stark.test',
          name: 'P',
          role: 'partner',
          tenantId: org.body.tenant.id,
        })
      ).status,
    ).toBe(403);
  });

  it('refuses unknown roles, bad input and a taken email without writing anything', async () => {
    const admin = await signedIn(portal.url, 'admin@demo.test');
    const globex = tenantId('globex');
    const count = portal.ctx.db.select().from(users).all().length;
    const bad = [
      { email: 'x@globex.test', name: 'X', role: 'overlord', tenantId: globex },
      { email: 'not-an-email', name: 'X', role: 'client', tenantId: globex },
      { email: 'x@globex.test', name: '', role: 'client', tenantId: globex },
      { email: 'x@globex.test', name: 'X', role: 'client', tenantId: 'nope' },
      { email: 'x@globex.test', name: 'X', role: 'client_admin', tenantId: globex, sections: ['kb'] },
      { email: 'x@globex.test', name: 'X', role: 'client', tenantId: globex, sections: ['kb', 'kb'] },
      { email: 'x@globex.test', name: 'X', role: 'client', tenantId: globex, passwordHash: 'x' },
    ];
    for (const body of bad)
      expect((await admin.post('/api/users', body)).status, JSON.stringify(body)).toBe(400);
    const dup = await admin.post('/api/users', {
      email: 'EMPLOYEE@globex.test',
      name: 'Dup',
      role: 'client',
      tenantId: globex,
    });
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ error: { code: 'email_taken' } });
    expect(
      (await admin.post('/api/users', { email: 'x@globex.test', name: 'X', role: 'staff', tenantId: globex }))
        .status,
    ).toBe(403);
    expect(portal.ctx.db.select().from(users).all().length).toBe(count);
  });
});

describe('role changes and lists', () => {
  it('a role change revokes all the user’s sessions', async () => {
    const eli = userId('employee@globex.test');
    const eliClient = await signedIn(portal.url, 'employee@globex.test');
    const revoked: string[] = [];
    const stop = portal.ctx.events.on('sessions.revoked', (e) => revoked.push(e.userId));
    const partner = await signedIn(portal.url, 'partner@acme.test');
    const res = await partner.patch<{ user: UserView }>(`/api/users/${eli}`, { role: 'client_admin' });
    expect(res.body.user.role).toBe('client_admin');
    expect(res.body.user.sections).toHaveLength(7);
    expect((await eliClient.get('/api/me')).status).toBe(401);
    expect(revoked).toContain(eli);
    stop();
    const audit = portal.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'user.role_changed')).all();
    expect(audit.at(-1)).toMatchObject({ targetId: eli, data: { from: 'client', to: 'client_admin' } });
    expect((await partner.patch(`/api/users/${eli}`, { role: 'staff' })).status).toBe(403);
  });

  it('filters by tenant, role, status and text; malformed ids are 400, unknown 404', async () => {
    const admin = await signedIn(portal.url, 'admin@demo.test');
    const byTenant = await admin.get<{ users: UserView[] }>(`/api/users?tenantId=${tenantId('northwind')}`);
    expect(byTenant.body.users.map((u) => u.email)).toEqual(['partner@northwind.test']);
    const byRole = await admin.get<{ users: UserView[] }>('/api/users?role=partner');
    expect(byRole.body.users.map((u) => u.email).sort()).toEqual([
      'partner@acme.test',
      'partner@northwind.test',
    ]);
    const invited = await admin.get<{ users: UserView[] }>('/api/users?status=invited');
    expect(invited.body.users.every((u) => u.status === 'invited')).toBe(true);
    const q = await admin.get<{ users: UserView[] }>('/api/users?q=GLOBEX');
    expect(q.body.users.length).toBeGreaterThan(1);
    expect(q.body.users.every((u) => u.email.includes('globex'))).toBe(true);
    expect((await admin.get<{ users: UserView[] }>('/api/users?q=%25')).body.users).toEqual([]);
    expect((await admin.get('/api/users?role=overlord')).status).toBe(400);
    expect((await admin.get('/api/users/123')).status).toBe(400);
    expect((await admin.get('/api/users/abcdefghijkmnpqr')).status).toBe(404);
    expect((await admin.patch('/api/users/abcdefghijkmnpqr', { name: 'X' })).status).toBe(404);
  });
});
