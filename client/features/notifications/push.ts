/**
 * The `notifications.changed` push on the user channel: the bell takes the pushed count at once
 * and the inbox lists refetch (the push carries no content, only the count).
 */
import type { QueryClient } from '@tanstack/react-query';
import { notificationKeys } from './keys.ts';

export function applyNotificationsPush(queryClient: QueryClient, message: Record<string, unknown>): void {
  const { unread } = message;
  if (typeof unread !== 'number' || !Number.isInteger(unread) || unread < 0) return;
  queryClient.setQueryData(notificationKeys.unread, { unread });
  void queryClient.invalidateQueries({ queryKey: notificationKeys.lists });
}
