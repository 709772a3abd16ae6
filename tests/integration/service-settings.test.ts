/**
 * `GET|PUT /api/tenants/:id/service-settings`: who may (provider admins and staff for any client
 * org, a partner for its own), what everyone else gets (404 out of sight, 403 in sight, 401
 * signed out), bad input, the audit entry, and the org's own quota taking effect on uploads.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, tenants } from '../../storage/schema.ts';
import { PortalClient } from '../support/http-client.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';
import type { ErrorBody } from '../support/views.ts';
import { demoWorld, signedInAll } from '../support/world.ts';
import { fileTicket, pdfBytes, upload } from './attachments-support.ts';

const MIB = 1024 * 1024;
let portal: TestPortal;
const world = demoWorld(() => portal.ctx.db);
let as: Record<string, PortalClient>;
let globex: string;

interface Settings {
  storageQuotaBytes: number | null;
  slaVisibleToClient: boolean;
  defaultStorageQuotaBytes: number;
  effectiveStorageQuotaBytes: number;
  storageUsedBytes: number;
}
const path = (id: string) => `/api/tenants/${id}/service-settings`;
const VALID = { storageQuotaBytes: 2 * MIB, slaVisibleToClient: true };

beforeAll(async () => {
  portal = await startTestPortal({ ORG_STORAGE_QUOTA_BYTES: String(20 * MIB) });
  as = await signedInAll(portal.url, [
    'admin@demo.test',
    'staff@demo.test',
    'partner@acme.test',
    'team@acme.test',
    'partner@northwind.test',
    'client@globex.test',
    'employee@globex.test',
    'client@initech.test',
  ]);
  globex = world.tenantId('globex');
});
afterAll(() => portal.close());

describe('who may read and change them', () => {
  it.each(['admin@demo.test', 'staff@demo.test', 'partner@acme.test'])('%s reads Globex’s', async (who) => {
    const res = await as[who]!.get<{ settings: Settings }>(path(globex));
    expect(res.status).toBe(200);
    expect(res.body.settings).toEqual({
      storageQuotaBytes: null,
      slaVisibleToClient: false,
      defaultStorageQuotaBytes: 20 * MIB,
      effectiveStorageQuotaBytes: 20 * MIB,
      storageUsedBytes: 0,
    });
  });

  it.each([
    ['partner@northwind.test', 404], // another agency's client: out of sight
    ['client@initech.test', 404], // another org
    ['team@acme.test', 403], // sees Globex, but partner_staff do not configure it
    ['client@globex.test', 403], // their own org: a client_admin does not set its contract
    ['employee@globex.test', 403],
  ])('%s gets %i on GET and PUT, and nothing changes', async (who, status) => {
    const before = world.tenantSnapshot(globex);
    const get = await as[who]!.get<ErrorBody>(path(globex));
    const put = await as[who]!.put<ErrorBody>(path(globex), VALID);
    expect([get.status, put.status]).toEqual([status, status]);
    expect(put.body.error.code).toBe(status === 404 ? 'not_found' : 'forbidden');
    // An invalid body is judged after the rights: an outsider learns nothing from it either.
    expect((await as[who]!.put(path(globex), { storageQuotaBytes: 'lots' })).status).toBe(status);
    expect(world.tenantSnapshot(globex)).toBe(before);
  });

  it('signed out: 401', async () => {
    const anon = new PortalClient(portal.url);
    expect((await anon.get(path(globex))).status).toBe(401);
    expect((await anon.put(path(globex), VALID)).status).toBe(401);
  });

  it('a platform or partner tenant: 400; an unknown id: 404', async () => {
    for (const slug of ['platform', 'acme']) {
      const res = await as['admin@demo.test']!.put<ErrorBody>(path(world.tenantId(slug)), VALID);
      expect([slug, res.status, res.body.error.code]).toEqual([slug, 400, 'not_client_org']);
    }
    expect((await as['admin@demo.test']!.get(path('zzzzzzzzzzzzzzzz'))).status).toBe(404);
    expect((await as['admin@demo.test']!.get(path('not-an-id'))).status).toBe(400);
  });
});

describe('PUT', () => {
  it.each([
    ['below 1 MiB', { storageQuotaBytes: MIB - 1, slaVisibleToClient: false }],
    ['above 1 TiB', { storageQuotaBytes: 1024 * 1024 * MIB + 1, slaVisibleToClient: false }],
    ['a fraction', { storageQuotaBytes: MIB + 0.5, slaVisibleToClient: false }],
    ['a string', { storageQuotaBytes: '5GB', slaVisibleToClient: false }],
    ['a missing switch', { storageQuotaBytes: null }],
    ['a non-boolean switch', { storageQuotaBytes: null, slaVisibleToClient: 'yes' }],
    ['an unknown field', { storageQuotaBytes: null, slaVisibleToClient: false, extra: 1 }],
  ])('400 for %s, and nothing changes', async (_name, body) => {
    const before = world.tenantSnapshot(globex);
    const res = await as['admin@demo.test']!.put<ErrorBody>(path(globex), body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(world.tenantSnapshot(globex)).toBe(before);
  });

  it('saves, answers the new settings and audits what moved', async () => {
    const res = await as['partner@acme.test']!.put<{ settings: Settings }>(path(globex), {
      storageQuotaBytes: 1024 * 1024 * MIB,
      slaVisibleToClient: true,
    });
    expect(res.status).toBe(200);
    expect(res.body.settings).toMatchObject({
      storageQuotaBytes: 1024 * 1024 * MIB,
      slaVisibleToClient: true,
      effectiveStorageQuotaBytes: 1024 * 1024 * MIB,
    });
    const row = world.tenant('globex');
    expect([row.storageQuotaBytes, row.slaVisibleToClient]).toEqual([1024 * 1024 * MIB, true]);
    const entries = portal.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'tenant.updated'), eq(auditLog.targetId, globex)))
      .all();
    expect(entries.at(-1)).toMatchObject({
      actorUserId: world.userId('partner@acme.test'),
      tenantId: globex,
      data: {
        serviceSettings: {
          storageQuotaBytes: { from: null, to: 1024 * 1024 * MIB },
          slaVisibleToClient: { from: false, to: true },
        },
      },
    });
    // Saving the same again changes nothing, so it records nothing.
    const count = entries.length;
    await as['partner@acme.test']!.put(path(globex), {
      storageQuotaBytes: 1024 * 1024 * MIB,
      slaVisibleToClient: true,
    });
    const after = portal.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'tenant.updated'), eq(auditLog.targetId, globex)))
      .all();
    expect(after).toHaveLength(count);
  });
});

describe('the org’s own quota', () => {
  it('uploads over a lowered quota get 413 quota_exceeded; back to the default, they fit', async () => {
    const client = as['client@globex.test']!;
    const ticket = await fileTicket(client);
    expect((await upload(client, ticket, pdfBytes(MIB))).status).toBe(201);
    const lowered = await as['staff@demo.test']!.put<{ settings: Settings }>(path(globex), {
      storageQuotaBytes: MIB + MIB / 2,
      slaVisibleToClient: false,
    });
    expect(lowered.body.settings).toMatchObject({
      effectiveStorageQuotaBytes: MIB + MIB / 2,
      storageUsedBytes: MIB,
    });
    const over = await upload(client, ticket, pdfBytes(MIB));
    expect([over.status, over.body.error.code]).toEqual([413, 'quota_exceeded']);
    // Another org keeps the default.
    const initech = await fileTicket(as['client@initech.test']!);
    expect((await upload(as['client@initech.test']!, initech, pdfBytes(MIB))).status).toBe(201);

    await as['staff@demo.test']!.put(path(globex), { storageQuotaBytes: null, slaVisibleToClient: false });
    expect((await upload(client, ticket, pdfBytes(MIB))).status).toBe(201);
    expect(portal.ctx.db.select().from(tenants).where(eq(tenants.id, globex)).get()?.storageQuotaBytes).toBe(
      null,
    );
  });
});
