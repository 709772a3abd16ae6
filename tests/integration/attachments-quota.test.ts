/** The per-org storage quota (ORG_STORAGE_QUOTA_BYTES): a tiny quota, counted per client org. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachments } from '../../storage/schema.ts';
import type { PortalClient } from '../support/http-client.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';
import { demoWorld, signedInAll } from '../support/world.ts';
import { fileTicket, pdfBytes, upload } from './attachments-support.ts';

const QUOTA = 10_000;
let portal: TestPortal;
const world = demoWorld(() => portal.ctx.db);
let as: Record<string, PortalClient>;

beforeAll(async () => {
  portal = await startTestPortal({ ORG_STORAGE_QUOTA_BYTES: String(QUOTA) });
  as = await signedInAll(portal.url, ['client@globex.test', 'client@initech.test', 'staff@demo.test']);
});
afterAll(() => portal.close());

describe('per-org quota', () => {
  it('accepts up to the quota, then refuses with 413 quota_exceeded and stores nothing', async () => {
    const ticket = await fileTicket(as['client@globex.test']!);
    expect((await upload(as['client@globex.test']!, ticket, pdfBytes(6_000))).status).toBe(201);
    // Internal files count too: the org's storage is the org's storage.
    expect(
      (await upload(as['staff@demo.test']!, ticket, pdfBytes(3_000), { visibility: 'internal' })).status,
    ).toBe(201);
    const rows = world.rowCount(attachments);
    const over = await upload(as['client@globex.test']!, ticket, pdfBytes(1_001));
    expect(over.status).toBe(413);
    expect(over.body.error.code).toBe('quota_exceeded');
    expect(world.rowCount(attachments)).toBe(rows);
    // What is left still fits.
    expect((await upload(as['client@globex.test']!, ticket, pdfBytes(1_000))).status).toBe(201);
    expect((await upload(as['client@globex.test']!, ticket, pdfBytes(1))).body.error.code).toBe(
      'quota_exceeded',
    );
  });

  it('counts per org: another org still has its whole quota', async () => {
    const ticket = await fileTicket(as['client@initech.test']!);
    expect((await upload(as['client@initech.test']!, ticket, pdfBytes(9_000))).status).toBe(201);
  });

  it('deleting frees space', async () => {
    const ticket = await fileTicket(as['client@initech.test']!, 'Second');
    const refused = await upload(as['client@initech.test']!, ticket, pdfBytes(2_000));
    expect(refused.body.error.code).toBe('quota_exceeded');
    const list = await as['client@initech.test']!.get<{ attachments: { id: string }[] }>(
      `/api/tickets/${ticket}/attachments`,
    );
    expect(list.body.attachments).toEqual([]);
    const anyRow = portal.ctx.db
      .select()
      .from(attachments)
      .all()
      .find((r) => r.size === 9_000);
    expect((await as['client@initech.test']!.delete(`/api/attachments/${anyRow?.id}`)).status).toBe(204);
    expect((await upload(as['client@initech.test']!, ticket, pdfBytes(2_000))).status).toBe(201);
  });
});
