/** NotificationView (docs/API.md): each field picked, never the whole row. */
import type { NotificationRow } from './store.ts';

export function presentNotification(row: NotificationRow) {
  return {
    id: row.id,
    type: row.type,
    ticketId: row.ticketId,
    title: row.title,
    body: row.body,
    read: row.readAt !== null,
    readAt: row.readAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
export type NotificationView = ReturnType<typeof presentNotification>;
