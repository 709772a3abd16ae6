import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, tenants } from '../../storage/schema.ts';
import { signedIn } from '../support/http-client.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';
import type { TenantView } from '../support/views.ts';
import { demoWorld } from '../support/world.ts';

let portal: TestPortal;
/** `id(slug)`: the tenant's whole row. */
const { tenant: id } = demoWorld(() => portal.ctx.db);

beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(() => portal.close());

describe('reading organizations', () => {
  it('lists what each role may see, with abilities and filters', async () => {
    const partner = await signedIn(portal.url, 'partner@acme.test');
    const res = await partner.get<{ tenants: TenantView[] }>('/api/tenants');
    expect(res.body.tenants.map((t) => t.slug).sort()).toEqual(['acme', 'globex']);
    const acme = res.body.tenants.find((t) => t.slug === 'acme')!;
    expect(Object.keys(acme).sort()).toEqual([
      'abilities',
      'active',
      'createdAt',
      'customDomain',
      'customDomainStatus',
      'id',
      'kind',
      'name',
      'parentId',
      'slug',
    ]);
    expect(acme.abilities).toEqual({
      update: true,
      manageUsers: true,
      configureBranding: true,
      createClientOrg: true,
      verifyDomain: false,
      requestDomain: true,
      assignableRoles: ['partner', 'partner_staff'],
    });
    const admin = await signedIn(portal.url, 'admin@demo.test');
    const partners = await admin.get<{ tenants: TenantView[] }>('/api/tenants?kind=partner');
    expect(partners.body.tenants.map((t) => t.slug).sort()).toEqual(['acme', 'northwind']);
    const below = await admin.get<{ tenants: TenantView[] }>(`/api/tenants?parentId=${id('northwind').id}`);
    expect(below.body.tenants.map((t) => t.slug)).toEqual(['contoso']);
    expect((await admin.get('/api/tenants?kind=galaxy')).status).toBe(400);
    expect((await admin.get('/api/tenants?parentId=not-an-id')).status).toBe(400);
  });

  it('returns detail with stored and effective branding; malformed and unknown ids fail', async () => {
    const admin = await signedIn(portal.url, 'admin@demo.test');
    const res = await admin.get<{
      tenant: TenantView;
      branding: object;
      effectiveBranding: { primaryColor: string };
    }>(`/api/tenants/${id('globex').id}`);
    expect(res.status).toBe(200);
    expect(res.body.tenant.slug).toBe('globex');
    expect(res.body.branding).toEqual({});
    expect(res.body.effectiveBranding.primaryColor).toBe('#0f766e');
    expect((await admin.get('/api/tenants/DROP%20TABLE')).status).toBe(400);
    expect((await admin.get('/api/tenants/abcdefghijkmnpqr')).status).toBe(404);
  });
});

describe('creating organizations', () => {
  it('super_admin creates a partner; the key prefix comes from the slug and is made unique', async () => {
    const admin = await signedIn(portal.url, 'admin@demo.test');
    const res = await admin.post<{ tenant: TenantView }>('/api/tenants', {
      kind: 'partner',
      name: 'Northwind Two',
      slug: 'nw',
    });
    expect(res.status).toBe(201);
    expect(res.body.tenant).toMatchObject({
      kind: 'partner',
      slug: 'nw',
      parentId: id('platform').id,
      active: true,
    });
    // NW is the seeded Northwind's prefix.
    expect(id('nw').keyPrefix).toBe('NW2');
    const long = await admin.post<{ tenant: TenantView }>('/api/tenants', {
      kind: 'partner',
      name: 'Long',
      slug: 'very-long-agency-name',
    });
    expect(long.status).toBe(201);
    expect(id('very-long-agency-name').keyPrefix).toBe('VERYLONGAG');
    const audit = portal.ctx.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.targetId, res.body.tenant.id))
      .all();
    expect(audit.map((a) => a.action)).toContain('tenant.created');
  });

  it('refuses a taken, reserved or malformed slug', async () => {
    const admin = await signedIn(portal.url, 'admin@demo.test');
    const count = portal.ctx.db.select().from(tenants).all().length;
    const dup = await admin.post('/api/tenants', { kind: 'client', name: 'Acme again', slug: 'acme' });
    expect(dup.status).toBe(409);
    expect((await admin.post('/api/tenants', { kind: 'client', name: 'W', slug: 'www' })).status).toBe(409);
    for (const slug of ['A', 'Acme', '-acme', 'acme-', 'ac--me', 'a', 'x'.repeat(41), 'ac me']) {
      expect((await admin.post('/api/tenants', { kind: 'client', name: 'Bad', slug })).status, slug).toBe(
        400,
      );
    }
    expect((await admin.post('/api/tenants', { kind: 'platform', name: 'P2', slug: 'p2' })).status).toBe(400);
    expect(portal.ctx.db.select().from(tenants).all().length).toBe(count);
  });

  it('staff creates a direct client; a partner creates a client org under their agency only', async () => {
    const staff = await signedIn(portal.url, 'staff@demo.test');
    const direct = await staff.post<{ tenant: TenantView }>('/api/tenants', {
      kind: 'client',
      name: 'Hooli',
      slug: 'hooli',
    });
    expect(direct.status).toBe(201);
    expect(direct.body.tenant.parentId).toBe(id('platform').id);

    const partner = await signedIn(portal.url, 'partner@acme.test');
    const own = await partner.post<{ tenant: TenantView }>('/api/tenants', {
      kind: 'client',
      name: 'Umbrella',
      slug: 'umbrella',
    });
    expect(own.status).toBe(201);
    expect(own.body.tenant.parentId).toBe(id('acme').id);
    const count = portal.ctx.db.select().from(tenants).all().length;
    expect(
      (await partner.post('/api/tenants', { kind: 'partner', name: 'Rival', slug: 'rival' })).status,
    ).toBe(403);
    const underNorthwind = await partner.post('/api/tenants', {
      kind: 'client',
      name: 'X',
      slug: 'x-org',
      parentId: id('northwind').id,
    });
    expect(underNorthwind.status).toBe(404);
    const underGlobex = await partner.post('/api/tenants', {
      kind: 'client',
      name: 'X',
      slug: 'x-org',
      parentId: id('globex').id,
    });
    expect(underGlobex.status).toBe(403);
    const clientAdmin = await signedIn(portal.url, 'client@globex.test');
    expect(
      (await clientAdmin.post('/api/tenants', { kind: 'client', name: 'X', slug: 'x-org' })).status,
    ).toBe(403);
    expect(portal.ctx.db.select().from(tenants).all().length).toBe(count);
  });
});
