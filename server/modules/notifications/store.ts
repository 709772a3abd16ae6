/**
 * Reading and marking one user's notifications. Every query is scoped by the owner's id: a
 * notification of someone else is simply not found.
 */
import { and, count, desc, eq, isNull, lt, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../../storage/db.ts';
import { type NotificationType, notifications } from '../../../storage/schema.ts';

export type NotificationRow = typeof notifications.$inferSelect;

export const PAGE_SIZE = 20;

/** Where a page ends: the (createdAt, id) of its last row, newest-first order. */
export interface PageCursor {
  createdAt: number;
  id: string;
}

export function encodeCursor(row: Pick<NotificationRow, 'createdAt' | 'id'>): string {
  return Buffer.from(`${row.createdAt.getTime()}:${row.id}`).toString('base64url');
}

/** The cursor in a query string, or null when it is not one this server wrote. */
export function decodeCursor(value: string): PageCursor | null {
  const match = /^(\d{1,15}):([a-z2-9]{1,64})$/.exec(Buffer.from(value, 'base64url').toString('utf8'));
  return match ? { createdAt: Number(match[1]), id: match[2]! } : null;
}

export interface ListFilter {
  type?: NotificationType | undefined;
  unreadOnly?: boolean | undefined;
  cursor?: PageCursor | undefined;
}

/** One page of the user's notifications, newest first, and the cursor of the next page (or null). */
export function listNotifications(
  db: Db,
  userId: string,
  filter: ListFilter,
): { rows: NotificationRow[]; nextCursor: string | null } {
  const where: (SQL | undefined)[] = [eq(notifications.userId, userId)];
  if (filter.type) where.push(eq(notifications.type, filter.type));
  if (filter.unreadOnly) where.push(isNull(notifications.readAt));
  if (filter.cursor) {
    const at = new Date(filter.cursor.createdAt);
    where.push(
      or(
        lt(notifications.createdAt, at),
        and(eq(notifications.createdAt, at), lt(notifications.id, filter.cursor.id)),
      ),
    );
  }
  const rows = db
    .select()
    .from(notifications)
    .where(and(...where))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(PAGE_SIZE + 1)
    .all();
  const more = rows.length > PAGE_SIZE;
  const page = more ? rows.slice(0, PAGE_SIZE) : rows;
  const last = page.at(-1);
  return { rows: page, nextCursor: more && last ? encodeCursor(last) : null };
}

/** How many of the user's notifications are unread. */
export function unreadCount(db: Db, userId: string): number {
  return (
    db
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
      .get()?.n ?? 0
  );
}

/** The user's own notification by id, or undefined (someone else's is not found either). */
export function findOwnNotification(db: Db, userId: string, id: string): NotificationRow | undefined {
  return db
    .select()
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .get();
}

/** Marks one of the user's notifications read (`read`) or unread; returns the row after. */
export function setRead(
  db: Db,
  userId: string,
  id: string,
  read: boolean,
  now = new Date(),
): NotificationRow | undefined {
  const row = findOwnNotification(db, userId, id);
  if (!row) return undefined;
  // Marking read again keeps the first read time.
  if (read && row.readAt) return row;
  db.update(notifications)
    .set({ readAt: read ? now : null })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .run();
  return findOwnNotification(db, userId, id);
}

/** Marks every unread notification of the user read; returns how many changed. */
export function markAllRead(db: Db, userId: string, now = new Date()): number {
  return db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .run().changes;
}
