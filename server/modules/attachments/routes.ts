/**
 * Ticket attachments (docs/API.md "Attachments"): upload (multipart, its own size limit — the
 * app's JSON bodyLimit does not apply), list, download and delete. Every route loads the ticket
 * through the caller's scope and the attachment through its audience: not visible → 404.
 */
import fastifyMultipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Visibility } from '../../../storage/schema.ts';
import { VISIBILITIES } from '../../../storage/schema.ts';
import type { AppContext } from '../../context.ts';
import { callerOf } from '../../http/caller.ts';
import { AppError, badRequest, notFound } from '../../http/errors.ts';
import { parse } from '../../http/validate.ts';
import { type Actor, canSeeInternalTicket } from '../../policy/index.ts';
import { clientFacingPerson, listTicketReplies, type TicketRow, ticketRefOf } from '../tickets/access.ts';
import { contentDisposition, downloadContentType, fileTooLarge } from './files.ts';
import {
  type AttachmentListRow,
  type AttachmentRow,
  attachmentAudiences,
  deleteAttachment,
  findVisibleAttachment,
  listAttachments,
  openAttachment,
  storeAttachment,
  visibleTicketOr404,
} from './service.ts';

const ZId = z.string().min(1).max(64);
const ZParams = z.object({ id: ZId }).strict();
const ZUploadFields = z
  .object({
    visibility: z.enum(VISIBILITIES),
    replyId: ZId.optional(),
  })
  .strict();

/** Multipart framing on top of the file itself: boundaries, part headers, the small fields. */
const MULTIPART_OVERHEAD = 64 * 1024;

/** AttachmentView: the uploader as this actor may see them (clients see agents as the servicing org). */
function present(actor: Actor, ticket: TicketRow, row: AttachmentListRow) {
  const uploader = { id: row.uploaderId, name: row.uploaderName, tenantId: row.uploaderTenantId };
  return {
    id: row.id,
    ticketId: row.ticketId,
    replyId: row.replyId,
    visibility: row.visibility,
    fileName: row.fileName,
    contentType: row.contentType,
    size: row.size,
    sha256: row.sha256,
    uploadedBy: canSeeInternalTicket(actor, ticketRefOf(ticket))
      ? { id: uploader.id, name: uploader.name }
      : clientFacingPerson(uploader, ticket),
    createdAt: row.createdAt.toISOString(),
    downloadUrl: `/api/attachments/${row.id}/download`,
  };
}

export function attachmentRoutes(app: FastifyInstance, ctx: AppContext): void {
  const maxBytes = ctx.config.attachmentMaxBytes;

  // Multipart only inside this scope, with its own limits: the rest of the API stays JSON-only.
  app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      limits: { files: 1, fields: 4, fieldSize: 1024, parts: 6, headerPairs: 100, fileSize: maxBytes + 1 },
    });

    scope.post('/api/tickets/:id/attachments', async (req, reply) => {
      const caller = callerOf(req);
      const { id } = parse(ZParams, req.params);
      const ticket = visibleTicketOr404(ctx.db, caller.actor, id);
      const declared = Number(req.headers['content-length']);
      // An honest Content-Length already over the limit is refused before reading a byte.
      if (Number.isFinite(declared) && declared > maxBytes + MULTIPART_OVERHEAD) throw fileTooLarge(maxBytes);
      if (!req.isMultipart()) {
        throw new AppError(415, 'unsupported_media_type', 'Send the file as multipart/form-data.');
      }
      const fields: Record<string, string> = {};
      let stored: AttachmentRow | null = null;
      for await (const part of req.parts()) {
        if (part.type === 'field') {
          if (typeof part.value === 'string') fields[part.fieldname] = part.value;
          continue;
        }
        if (stored) throw badRequest('one_file_only', 'Attach one file per request.');
        stored = await receive(part, fields);
      }
      if (!stored) throw badRequest('file_required', 'Choose a file to attach (the `file` field).');
      const row = { ...stored, uploaderName: caller.name, uploaderTenantId: caller.actor.tenantId };
      return reply.code(201).send({ attachment: present(caller.actor, ticket, row) });

      async function receive(part: MultipartFile, given: Record<string, string>): Promise<AttachmentRow> {
        try {
          if (part.fieldname !== 'file')
            throw badRequest('file_required', 'Send the file in a field named `file`.');
          const input = parse(ZUploadFields, given);
          const visibility: Visibility = input.visibility;
          if (input.replyId) {
            const replies = listTicketReplies(ctx.db, ticket.id, attachmentAudiences(caller.actor, ticket));
            const target = replies.find((r) => r.id === input.replyId);
            if (!target) throw notFound('reply');
            if (target.visibility !== visibility) {
              throw badRequest(
                'visibility_mismatch',
                'A file attached to a reply has the reply’s visibility.',
              );
            }
          }
          return await storeAttachment(ctx, caller, ticket, {
            visibility,
            replyId: input.replyId ?? null,
            file: { fileName: part.filename, mimetype: part.mimetype, stream: part.file },
          });
        } catch (err) {
          part.file.resume(); // drain the refused file so the client reads the answer
          throw err;
        }
      }
    });
  });

  app.get('/api/tickets/:id/attachments', async (req) => {
    const { actor } = callerOf(req);
    const { id } = parse(ZParams, req.params);
    const ticket = visibleTicketOr404(ctx.db, actor, id);
    const rows = listAttachments(ctx.db, ticket.id, attachmentAudiences(actor, ticket));
    return { attachments: rows.map((r) => present(actor, ticket, r)) };
  });

  app.get('/api/attachments/:id/download', async (req, reply) => {
    const { actor } = callerOf(req);
    const { id } = parse(ZParams, req.params);
    const found = findVisibleAttachment(ctx.db, actor, id);
    if (!found) throw notFound('attachment');
    const { attachment } = found;
    const body = await openAttachment(ctx, attachment);
    return reply
      .header('content-type', downloadContentType(attachment.contentType))
      .header('content-disposition', contentDisposition(attachment.fileName))
      .header('content-length', String(attachment.size))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(body);
  });

  app.delete('/api/attachments/:id', async (req, reply) => {
    const { actor } = callerOf(req);
    const { id } = parse(ZParams, req.params);
    await deleteAttachment(ctx, actor, id);
    return reply.code(204).send();
  });
}
