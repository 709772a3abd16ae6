/** The whole portal with S3_* pointing at a local s3rver: attachments land in the bucket. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s3BlobStore } from '../../storage/blobs/index.ts';
import { attachments } from '../../storage/schema.ts';
import type { PortalClient } from '../support/http-client.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';
import { type LocalS3, startLocalS3 } from '../support/s3rver.ts';
import { signedInAll } from '../support/world.ts';
import { download, fileTicket, pdfBytes, upload } from './attachments-support.ts';

let s3: LocalS3;
let portal: TestPortal;
let as: Record<string, PortalClient>;

beforeAll(async () => {
  s3 = await startLocalS3();
  portal = await startTestPortal({
    S3_ENDPOINT: s3.url,
    S3_BUCKET: 'portal-files',
    S3_ACCESS_KEY: s3.accessKey,
    S3_SECRET_KEY: s3.secretKey,
    ATTACHMENT_MAX_BYTES: String(100 * 1024),
  });
  as = await signedInAll(portal.url, ['client@globex.test', 'client@initech.test']);
});
afterAll(async () => {
  await portal?.close();
  await s3?.close();
});

describe('attachments on S3', () => {
  it('uses the S3 store, creating the bucket, and round-trips through it', async () => {
    expect(portal.ctx.blobs.kind).toBe('s3');
    const ticket = await fileTicket(as['client@globex.test']!);
    const bytes = pdfBytes(80_000);
    const up = await upload(as['client@globex.test']!, ticket, bytes);
    expect(up.status).toBe(201);
    const row = portal.ctx.db
      .select()
      .from(attachments)
      .all()
      .find((r) => r.id === up.body.attachment.id);
    // The blob is in the bucket, read back with an independent client.
    const direct = await s3BlobStore({
      endPoint: s3.endPoint,
      port: s3.port,
      useSSL: false,
      accessKey: s3.accessKey,
      secretKey: s3.secretKey,
      bucket: 'portal-files',
      region: 'us-east-1',
    });
    expect(await direct.exists(row?.storageKey ?? '')).toBe(true);

    const got = await download(as['client@globex.test']!, up.body.attachment.downloadUrl);
    expect(got.status).toBe(200);
    expect(got.bytes.equals(bytes)).toBe(true);
    expect((await download(as['client@initech.test']!, up.body.attachment.downloadUrl)).status).toBe(404);

    const tooBig = await upload(as['client@globex.test']!, ticket, pdfBytes(100 * 1024 + 1));
    expect(tooBig.status).toBe(413);
    expect(portal.ctx.db.select().from(attachments).all()).toHaveLength(1);

    expect((await as['client@globex.test']!.delete(`/api/attachments/${up.body.attachment.id}`)).status).toBe(
      204,
    );
    expect(await direct.exists(row?.storageKey ?? '')).toBe(false);
  });
});
