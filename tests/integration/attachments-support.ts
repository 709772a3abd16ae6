/** Shared by the attachment suites: multipart uploads with a test client's session. */
import type { PortalClient, Reply } from '../support/http-client.ts';

export interface AttachmentView {
  id: string;
  ticketId: string;
  visibility: 'client' | 'internal';
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedBy: { id: string | null; name: string };
  downloadUrl: string;
}

export interface UploadOptions {
  visibility?: 'client' | 'internal';
  fileName?: string;
  type?: string;
}

/** POSTs one file as multipart/form-data, the way a browser form would (visibility first). */
export async function upload(
  client: PortalClient,
  ticketId: string,
  bytes: Buffer,
  opts: UploadOptions = {},
): Promise<Reply<{ attachment: AttachmentView; error: { code: string; message: string } }>> {
  const form = new FormData();
  form.append('visibility', opts.visibility ?? 'client');
  form.append(
    'file',
    new Blob([new Uint8Array(bytes)], { type: opts.type ?? 'application/pdf' }),
    opts.fileName ?? 'report.pdf',
  );
  const headers: Record<string, string> = { origin: client.baseUrl };
  if (client.cookie) headers.cookie = `session=${client.cookie}`;
  const res = await fetch(`${client.baseUrl}/api/tickets/${ticketId}/attachments`, {
    method: 'POST',
    headers,
    body: form,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
}

/** GETs a download as raw bytes. */
export async function download(
  client: PortalClient,
  url: string,
): Promise<{ status: number; bytes: Buffer; headers: Headers }> {
  const headers: Record<string, string> = {};
  if (client.cookie) headers.cookie = `session=${client.cookie}`;
  const res = await fetch(client.baseUrl + url, { headers });
  return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()), headers: res.headers };
}

/** Files a ticket as `client` in their own org and returns its id. */
export async function fileTicket(client: PortalClient, subject = 'Printer on fire'): Promise<string> {
  const res = await client.post<{ ticket: { id: string } }>('/api/tickets', {
    subject,
    category: 'technical_support',
    priority: 'medium',
  });
  if (res.status !== 201) throw new Error(`filing failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.ticket.id;
}

/** Bytes that are neither executable nor script: a PDF header and filler. */
export function pdfBytes(size: number): Buffer {
  const b = Buffer.alloc(size, 0x41);
  b.write('%PDF-1.7\n', 0);
  return b;
}
