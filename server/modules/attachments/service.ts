/**
 * Attachments as the rest of the portal reaches them: always through the ticket's visibility
 * (tickets/access.ts `findVisibleTicket`) and the attachment's own audience (DESIGN.md rule 2),
 * so an attachment the actor may not see is simply not found.
 */
import type { Readable } from 'node:stream';
import { and, asc, eq, inArray, sum } from 'drizzle-orm';
import { BlobNotFoundError } from '../../../storage/blobs/types.ts';
import type { Db } from '../../../storage/db.ts';
import {
  attachments,
  memberships,
  tenants,
  tickets,
  users,
  type Visibility,
} from '../../../storage/schema.ts';
import type { AppContext } from '../../context.ts';
import type { Caller } from '../../http/caller.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { newId } from '../../ids.ts';
import {
  type Actor,
  canManageTicketsIn,
  canReplyToTicket,
  canSeeInternalTicket,
  ticketScopeWhere,
} from '../../policy/index.ts';
import { findVisibleTicket, type TicketRow, ticketRefOf } from '../tickets/access.ts';
import {
  assertAllowedName,
  cleanFileName,
  fileTooLarge,
  normaliseContentType,
  quotaExceeded,
  UploadGuard,
} from './files.ts';
import { builtInSignature, clamdScan, malwareFound, scanUnavailable } from './scan.ts';

export type AttachmentRow = typeof attachments.$inferSelect;

/** The audiences of this ticket's attachments the actor may see. */
export function attachmentAudiences(actor: Actor, ticket: TicketRow): Visibility[] {
  return canSeeInternalTicket(actor, ticketRefOf(ticket)) ? ['client', 'internal'] : ['client'];
}

/** The ticket by id through the actor's scope, or 404. */
export function visibleTicketOr404(db: Db, actor: Actor, ticketId: string): TicketRow {
  const ticket = findVisibleTicket(db, actor, ticketId);
  if (!ticket) throw notFound('ticket');
  return ticket;
}

/**
 * Loads an attachment through its ticket's visibility and its own audience: undefined when it
 * does not exist, its ticket is out of the actor's sight, or it is internal and they are a client.
 */
export function findVisibleAttachment(
  db: Db,
  actor: Actor,
  id: string,
): { attachment: AttachmentRow; ticket: TicketRow } | undefined {
  // Read through the ticket scope: an attachment on a ticket out of sight is never loaded.
  const attachment = db
    .select(ATTACHMENT_COLUMNS)
    .from(attachments)
    .innerJoin(tickets, eq(tickets.id, attachments.ticketId))
    .where(and(eq(attachments.id, id), ticketScopeWhere(actor)))
    .get();
  if (!attachment) return undefined;
  const ticket = findVisibleTicket(db, actor, attachment.ticketId);
  if (!ticket) return undefined;
  if (!attachmentAudiences(actor, ticket).includes(attachment.visibility)) return undefined;
  return { attachment, ticket };
}

export interface AttachmentListRow extends AttachmentRow {
  uploaderName: string;
  uploaderTenantId: string | null;
}

/** A ticket's attachments of the given audiences, oldest first. */
export function listAttachments(db: Db, ticketId: string, audiences: Visibility[]): AttachmentListRow[] {
  if (audiences.length === 0) return [];
  return db
    .select({
      ...ATTACHMENT_COLUMNS,
      uploaderName: users.name,
      uploaderTenantId: memberships.tenantId,
    })
    .from(attachments)
    .innerJoin(users, eq(users.id, attachments.uploaderId))
    .leftJoin(memberships, eq(memberships.userId, attachments.uploaderId))
    .where(and(eq(attachments.ticketId, ticketId), inArray(attachments.visibility, audiences)))
    .orderBy(asc(attachments.createdAt), asc(attachments.id))
    .all();
}

const ATTACHMENT_COLUMNS = {
  id: attachments.id,
  ticketId: attachments.ticketId,
  replyId: attachments.replyId,
  tenantId: attachments.tenantId,
  uploaderId: attachments.uploaderId,
  visibility: attachments.visibility,
  fileName: attachments.fileName,
  contentType: attachments.contentType,
  size: attachments.size,
  storageKey: attachments.storageKey,
  sha256: attachments.sha256,
  createdAt: attachments.createdAt,
};

/** Bytes of attachments stored for a client org (the quota counts these). */
export function orgStorageUsed(db: Pick<Db, 'select'>, tenantId: string): number {
  const row = db
    .select({ total: sum(attachments.size) })
    .from(attachments)
    .where(eq(attachments.tenantId, tenantId))
    .get();
  return Number(row?.total ?? 0);
}

/** The org's storage quota in bytes: its own (service settings) when set, else the configured default. */
export function orgStorageQuota(
  db: Pick<Db, 'select'>,
  config: Pick<AppContext['config'], 'orgStorageQuotaBytes'>,
  tenantId: string,
): number {
  const row = db
    .select({ quota: tenants.storageQuotaBytes })
    .from(tenants)
    .where(eq(tenants.id, tenantId))
    .get();
  return row?.quota ?? config.orgStorageQuotaBytes;
}

/** Refuses an upload of this audience onto this ticket: 403, or 409 on a closed ticket for a public file. */
export function assertMayAttach(actor: Actor, ticket: TicketRow, visibility: Visibility): void {
  const ref = ticketRefOf(ticket);
  if (canReplyToTicket(actor, ref, visibility)) return;
  if (
    visibility === 'client' &&
    ref.status === 'closed' &&
    canReplyToTicket(actor, { ...ref, status: 'open' }, 'client')
  ) {
    throw new AppError(409, 'ticket_closed', 'This ticket is closed. Open a new ticket to attach files.');
  }
  throw forbidden(
    visibility === 'internal'
      ? 'Only the support team can add internal files.'
      : 'You cannot attach files to this ticket.',
  );
}

/** Scans the stored bytes (scan.ts); on a find, or when the scanner is down, deletes them and refuses. */
async function refuseMalware(
  ctx: Pick<AppContext, 'blobs' | 'config' | 'log'>,
  storageKey: string,
  guard: UploadGuard,
): Promise<void> {
  let refusal: AppError | null = null;
  const builtIn = builtInSignature(guard.prefix, guard.size);
  if (builtIn) refusal = malwareFound(builtIn);
  else if (ctx.config.clamd) {
    try {
      const found = await clamdScan(ctx.config.clamd, await ctx.blobs.get(storageKey));
      if (found) refusal = malwareFound(found);
    } catch (err) {
      ctx.log.error({ err }, 'clamd scan failed; upload refused');
      refusal = scanUnavailable();
    }
  }
  if (!refusal) return;
  await ctx.blobs
    .delete(storageKey)
    .catch((e: unknown) => ctx.log.warn({ err: e, storageKey }, 'refused blob not removed'));
  throw refusal;
}

export interface IncomingFile {
  fileName: string;
  mimetype: string;
  stream: Readable;
}

/**
 * Stores one upload: checks name and type, streams the bytes through the guard (size limit,
 * quota, magic bytes, SHA-256) into the blob store, then records the row — re-checking the quota
 * inside the inserting transaction, so two concurrent uploads cannot both overrun it. Any refusal
 * leaves nothing behind: no row and no blob.
 */
export async function storeAttachment(
  ctx: Pick<AppContext, 'db' | 'blobs' | 'config' | 'log'>,
  caller: Caller,
  ticket: TicketRow,
  input: { visibility: Visibility; replyId: string | null; file: IncomingFile },
): Promise<AttachmentRow> {
  const { db, blobs, config } = ctx;
  assertMayAttach(caller.actor, ticket, input.visibility);
  const fileName = cleanFileName(input.file.fileName);
  const contentType = normaliseContentType(input.file.mimetype);
  assertAllowedName(fileName, contentType);

  const quota = orgStorageQuota(db, config, ticket.tenantId);
  const usedBefore = orgStorageUsed(db, ticket.tenantId);
  if (usedBefore >= quota) throw quotaExceeded(quota, usedBefore);
  const room = quota - usedBefore;
  const max = config.attachmentMaxBytes;
  const guard = new UploadGuard(Math.min(max, room), () =>
    room < max ? quotaExceeded(quota, usedBefore) : fileTooLarge(max),
  );

  const id = newId();
  const storageKey = `tickets/${ticket.id}/${id}`;
  try {
    input.file.stream.on('error', (err) => guard.destroy(err));
    // The put observes the guard's error; this listener only stops `pipe` from re-throwing it.
    guard.on('error', () => {});
    await blobs.put(storageKey, input.file.stream.pipe(guard), { contentType });
  } catch (err) {
    input.file.stream.resume(); // let the rest of the request drain so the client reads our answer
    await blobs
      .delete(storageKey)
      .catch((e: unknown) => ctx.log.warn({ err: e, storageKey }, 'partial blob not removed'));
    throw err;
  }

  await refuseMalware(ctx, storageKey, guard);

  const row: AttachmentRow = {
    id,
    ticketId: ticket.id,
    replyId: input.replyId,
    tenantId: ticket.tenantId,
    uploaderId: caller.actor.userId,
    visibility: input.visibility,
    fileName,
    contentType,
    size: guard.size,
    storageKey,
    sha256: guard.digest(),
    createdAt: new Date(),
  };
  try {
    db.transaction((tx) => {
      const used = orgStorageUsed(tx, ticket.tenantId);
      if (used + row.size > quota) throw quotaExceeded(quota, used);
      tx.insert(attachments).values(row).run();
    });
  } catch (err) {
    await blobs
      .delete(storageKey)
      .catch((e: unknown) => ctx.log.warn({ err: e, storageKey }, 'blob not removed'));
    throw err;
  }
  return row;
}

/** Whether the actor may delete this attachment: its uploader, or whoever works the org's tickets. */
export function canDeleteAttachment(actor: Actor, attachment: AttachmentRow, ticket: TicketRow): boolean {
  if (attachment.uploaderId === actor.userId) return true;
  return canManageTicketsIn(actor, { id: ticket.tenantId, kind: 'client', parentId: ticket.tenantParentId });
}

/** Removes the row first, then the bytes: a row never points at a missing blob. */
export async function deleteAttachment(
  ctx: Pick<AppContext, 'db' | 'blobs' | 'log'>,
  actor: Actor,
  id: string,
): Promise<void> {
  const found = findVisibleAttachment(ctx.db, actor, id);
  if (!found) throw notFound('attachment');
  if (!canDeleteAttachment(actor, found.attachment, found.ticket)) {
    throw forbidden('Only the person who uploaded this file or the support team can delete it.');
  }
  ctx.db.delete(attachments).where(eq(attachments.id, id)).run();
  await ctx.blobs
    .delete(found.attachment.storageKey)
    .catch((err: unknown) => ctx.log.warn({ err, key: found.attachment.storageKey }, 'blob not removed'));
}

/** The attachment's bytes, or 404 when the blob is gone (logged: that is a storage fault). */
export async function openAttachment(
  ctx: Pick<AppContext, 'blobs' | 'log'>,
  row: AttachmentRow,
): Promise<Readable> {
  try {
    return await ctx.blobs.get(row.storageKey);
  } catch (err) {
    if (err instanceof BlobNotFoundError) {
      ctx.log.error({ attachmentId: row.id, key: row.storageKey }, 'attachment blob missing');
      throw notFound('file');
    }
    throw err;
  }
}
