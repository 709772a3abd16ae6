/**
 * Ticket attachments through the real server on the disk blob store: upload, list, download,
 * delete, the size and type limits, and visibility on every route (DESIGN.md rule 2).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachments } from '../../storage/schema.ts';
import { PortalClient } from '../support/http-client.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';
import { demoWorld, signedInAll } from '../support/world.ts';
import { type AttachmentView, download, fileTicket, pdfBytes, upload } from './attachments-support.ts';

const MAX = 64 * 1024;
let portal: TestPortal;
const world = demoWorld(() => portal.ctx.db);
let as: Record<string, PortalClient>;
let globexTicket: string;
let initechTicket: string;

/** Every blob file on disk, wherever it lies under DATA_DIR/files/blobs. */
function blobFiles(): string[] {
  const root = join(portal.dataDir, 'files', 'blobs');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}
const tmpFiles = () => {
  const dir = join(portal.dataDir, 'files', '.tmp');
  return existsSync(dir) ? readdirSync(dir) : [];
};

beforeAll(async () => {
  portal = await startTestPortal({ ATTACHMENT_MAX_BYTES: String(MAX) });
  as = await signedInAll(portal.url, [
    'staff@demo.test',
    'partner@acme.test',
    'partner@northwind.test',
    'client@globex.test',
    'employee@globex.test',
    'client@initech.test',
  ]);
  globexTicket = await fileTicket(as['client@globex.test']!);
  initechTicket = await fileTicket(as['client@initech.test']!);
});
afterAll(() => portal.close());

describe('upload, list, download', () => {
  it('round-trips the bytes and records size and sha256', async () => {
    const bytes = pdfBytes(40_000);
    const up = await upload(as['client@globex.test']!, globexTicket, bytes, {
      fileName: 'Quote März 2026.pdf',
    });
    expect(up.status).toBe(201);
    const a = up.body.attachment;
    expect(a).toMatchObject({
      visibility: 'client',
      fileName: 'Quote März 2026.pdf',
      contentType: 'application/pdf',
    });
    expect(a.size).toBe(bytes.length);
    expect(a.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));

    const list = await as['staff@demo.test']!.get<{ attachments: AttachmentView[] }>(
      `/api/tickets/${globexTicket}/attachments`,
    );
    expect(list.body.attachments.map((x) => x.id)).toContain(a.id);

    const got = await download(as['staff@demo.test']!, a.downloadUrl);
    expect(got.status).toBe(200);
    expect(got.bytes.equals(bytes)).toBe(true);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(got.headers.get('content-disposition')).toBe(
      `attachment; filename="Quote M_rz 2026.pdf"; filename*=UTF-8''Quote%20M%C3%A4rz%202026.pdf`,
    );
  });

  it('serves an uploaded HTML page as an octet-stream attachment, never as HTML', async () => {
    const html = Buffer.from('<html><script>alert(document.cookie)</script></html>');
    const up = await upload(as['client@globex.test']!, globexTicket, html, {
      fileName: 'x.html',
      type: 'text/html',
    });
    expect(up.status).toBe(201);
    const got = await download(as['client@globex.test']!, up.body.attachment.downloadUrl);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('application/octet-stream');
    expect(got.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('an agent uploads an internal file; clients neither list nor download it', async () => {
    const up = await upload(as['staff@demo.test']!, globexTicket, pdfBytes(100), {
      visibility: 'internal',
      fileName: 'notes.pdf',
    });
    expect(up.status).toBe(201);
    const id = up.body.attachment.id;
    const forClient = await as['client@globex.test']!.get<{ attachments: AttachmentView[] }>(
      `/api/tickets/${globexTicket}/attachments`,
    );
    expect(forClient.body.attachments.length).toBeGreaterThan(0);
    expect(forClient.body.attachments.every((x) => x.visibility === 'client')).toBe(true);
    expect(forClient.body.attachments.map((x) => x.id)).not.toContain(id);
    expect((await download(as['client@globex.test']!, `/api/attachments/${id}/download`)).status).toBe(404);
    // The agency servicing Globex sees it.
    const forPartner = await as['partner@acme.test']!.get<{ attachments: AttachmentView[] }>(
      `/api/tickets/${globexTicket}/attachments`,
    );
    expect(forPartner.body.attachments.map((x) => x.id)).toContain(id);
  });

  it('shows a client the agent who uploaded as the servicing organisation', async () => {
    const up = await upload(as['staff@demo.test']!, globexTicket, pdfBytes(10), { fileName: 'fix.pdf' });
    const list = await as['client@globex.test']!.get<{ attachments: AttachmentView[] }>(
      `/api/tickets/${globexTicket}/attachments`,
    );
    const seen = list.body.attachments.find((x) => x.id === up.body.attachment.id);
    expect(seen?.uploadedBy.id).toBeNull();
  });
});

describe('visibility and access', () => {
  it('another org cannot list, download or upload (404)', async () => {
    const up = await upload(as['client@globex.test']!, globexTicket, pdfBytes(10));
    const initech = as['client@initech.test']!;
    expect((await download(initech, up.body.attachment.downloadUrl)).status).toBe(404);
    expect((await initech.get(`/api/tickets/${globexTicket}/attachments`)).status).toBe(404);
    expect((await upload(initech, globexTicket, pdfBytes(10))).status).toBe(404);
    // Another agency neither.
    expect((await download(as['partner@northwind.test']!, up.body.attachment.downloadUrl)).status).toBe(404);
  });

  it('a client cannot upload an internal file (403) and nothing is stored', async () => {
    const before = world.rowCount(attachments);
    const res = await upload(as['client@globex.test']!, globexTicket, pdfBytes(10), {
      visibility: 'internal',
    });
    expect(res.status).toBe(403);
    expect(world.rowCount(attachments)).toBe(before);
  });

  it('anonymous requests get 401', async () => {
    const anon = new PortalClient(portal.url);
    expect((await upload(anon, globexTicket, pdfBytes(10))).status).toBe(401);
    expect((await anon.get(`/api/tickets/${globexTicket}/attachments`)).status).toBe(401);
    const up = await upload(as['client@globex.test']!, globexTicket, pdfBytes(10));
    expect((await download(anon, up.body.attachment.downloadUrl)).status).toBe(401);
  });

  it('the uploader or the support team delete; a colleague cannot', async () => {
    const mine = await upload(as['client@globex.test']!, globexTicket, pdfBytes(10));
    const path = `/api/attachments/${mine.body.attachment.id}`;
    const bytesBefore = blobFiles().length;
    // employee@globex (a client without the org's tickets) does not even see the ticket.
    expect((await as['employee@globex.test']!.delete(path)).status).toBe(404);
    expect((await as['client@globex.test']!.delete(path)).status).toBe(204);
    expect((await download(as['client@globex.test']!, `${path}/download`)).status).toBe(404);
    expect(blobFiles().length).toBe(bytesBefore - 1);

    const other = await upload(as['client@globex.test']!, globexTicket, pdfBytes(10));
    expect(
      (await as['partner@acme.test']!.delete(`/api/attachments/${other.body.attachment.id}`)).status,
    ).toBe(204);
    const ofStaff = await upload(as['staff@demo.test']!, globexTicket, pdfBytes(10));
    expect(
      (await as['client@globex.test']!.delete(`/api/attachments/${ofStaff.body.attachment.id}`)).status,
    ).toBe(403);
  });
});

describe('limits: nothing stored on refusal', () => {
  const nothingStored = async (run: () => Promise<{ status: number; body: { error: { code: string } } }>) => {
    const rows = world.rowCount(attachments);
    const blobs = blobFiles().length;
    const res = await run();
    expect(world.rowCount(attachments)).toBe(rows);
    expect(blobFiles().length).toBe(blobs);
    expect(tmpFiles()).toEqual([]);
    return res;
  };

  it('over ATTACHMENT_MAX_BYTES → 413 file_too_large', async () => {
    const res = await nothingStored(() => upload(as['client@globex.test']!, globexTicket, pdfBytes(MAX + 1)));
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('file_too_large');
    expect((res.body.error as unknown as { message: string }).message).toContain('64 KiB');
  });

  it('far over the limit (refused from Content-Length) → 413 file_too_large', async () => {
    const res = await nothingStored(() => upload(as['client@globex.test']!, globexTicket, pdfBytes(MAX * 4)));
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('file_too_large');
  });

  it('exactly the limit is accepted', async () => {
    expect((await upload(as['client@globex.test']!, globexTicket, pdfBytes(MAX))).status).toBe(201);
  });

  it.each([
    ['setup.exe', 'application/octet-stream', pdfBytes(100)],
    ['run.sh', 'text/plain', Buffer.from('echo hi\n')],
    ['x.js', 'text/plain', Buffer.from('alert(1)')],
    ['tool.PS1', 'text/plain', Buffer.from('Write-Host')],
    ['invoice.pdf.exe', 'application/pdf', pdfBytes(100)],
    ['trailing.bat.', 'text/plain', Buffer.from('@echo off')],
    ['renamed.pdf', 'application/pdf', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)])],
    ['script.txt', 'text/plain', Buffer.from('#!/bin/sh\nrm -rf /\n')],
    ['elf.png', 'image/png', Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46]), Buffer.alloc(100)])],
    ['fine-name.bin', 'application/x-msdownload', Buffer.from('hello')],
  ])('refuses %s (%s) → 415 file_type_not_allowed', async (fileName, type, bytes) => {
    const res = await nothingStored(() =>
      upload(as['client@globex.test']!, globexTicket, bytes, { fileName, type }),
    );
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('file_type_not_allowed');
  });

  it.each([
    ['photo.png', 'image/png'],
    ['sheet.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['logs.zip', 'application/zip'],
    ['notes.txt', 'text/plain'],
  ])('accepts %s', async (fileName, type) => {
    const res = await upload(
      as['client@globex.test']!,
      globexTicket,
      Buffer.from('PK\u0003\u0004 some bytes'),
      {
        fileName,
        type,
      },
    );
    expect(res.status).toBe(201);
  });

  it('an upload to another org’s ticket is 404 and stores nothing', async () => {
    const res = await nothingStored(() => upload(as['client@globex.test']!, initechTicket, pdfBytes(10)));
    expect(res.status).toBe(404);
  });
});
