/**
 * Files attached to tickets (optionally to one reply). The bytes live in a blob store
 * (storage/blobs/) under `storageKey`; this row is their metadata and carries the audience
 * (DESIGN.md rule 2): a client never lists nor downloads an `internal` attachment.
 */
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
// schema.ts re-exports this file, so its values are read lazily (inside `references`) only.
import { tickets, users, type Visibility } from './schema.ts';

/** The same audiences as schema.ts's VISIBILITIES, declared here to keep the cycle lazy. */
const ATTACHMENT_VISIBILITIES = ['client', 'internal'] as const satisfies readonly Visibility[];

export const attachments = sqliteTable(
  'attachments',
  {
    id: text('id').primaryKey(),
    ticketId: text('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    /** The reply the file was sent with, if any (no FK: replies are append-only and never deleted). */
    replyId: text('reply_id'),
    /** The ticket's client org: quotas are summed per org. */
    tenantId: text('tenant_id').notNull(),
    uploaderId: text('uploader_id')
      .notNull()
      .references(() => users.id),
    visibility: text('visibility', { enum: ATTACHMENT_VISIBILITIES }).notNull(),
    /** The uploader's file name, without any path, for display and Content-Disposition. */
    fileName: text('file_name').notNull(),
    /** The declared type as uploaded; download serves risky types as application/octet-stream. */
    contentType: text('content_type').notNull(),
    /** Bytes. */
    size: integer('size').notNull(),
    storageKey: text('storage_key').notNull(),
    /** Hex SHA-256 of the bytes, computed while receiving them. */
    sha256: text('sha256').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' })
      .notNull()
      .default(sql`(CAST(unixepoch('subsec') * 1000 AS INTEGER))`),
  },
  (t) => [index('attachments_ticket_idx').on(t.ticketId), index('attachments_tenant_idx').on(t.tenantId)],
);
