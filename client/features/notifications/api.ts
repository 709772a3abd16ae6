/** The notifications REST API (docs/API.md "Notifications") as TanStack Query hooks. */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useToast } from '../../app/toast.tsx';
import { api, withQuery } from '../../lib/api.ts';
import { describeError } from '../../lib/errors.ts';
import {
  type ChannelChoice,
  type InboxFilters,
  type NotificationPage,
  type NotificationPreferences,
  type NotificationType,
  type NotificationView,
  notificationKeys,
} from './keys.ts';

/** The unread count for the bell; the user-channel push keeps it live, this keeps it honest. */
export function useUnreadCount() {
  return useQuery({
    queryKey: notificationKeys.unread,
    queryFn: () => api<{ unread: number }>('GET', '/api/notifications/unread-count'),
    select: (data) => data.unread,
    // A fallback for people without a live channel (and for a dropped socket).
    refetchInterval: 60_000,
  });
}

/** The inbox, newest first, one page at a time. */
export function useInbox(filters: InboxFilters) {
  return useInfiniteQuery({
    queryKey: notificationKeys.list(filters),
    queryFn: ({ pageParam }) =>
      api<NotificationPage>(
        'GET',
        withQuery('/api/notifications', {
          type: filters.type,
          unread: filters.unread ? 'true' : undefined,
          cursor: pageParam,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Marks one notification read or unread; the bell and lists follow. */
export function useSetRead() {
  const queryClient = useQueryClient();
  const toast = useToast();
  return useMutation({
    mutationFn: ({ id, read }: { id: string; read: boolean }) =>
      api<{ notification: NotificationView; unread: number }>(
        'POST',
        `/api/notifications/${encodeURIComponent(id)}/${read ? 'read' : 'unread'}`,
      ),
    onSuccess: (data) => {
      queryClient.setQueryData(notificationKeys.unread, { unread: data.unread });
      void queryClient.invalidateQueries({ queryKey: notificationKeys.lists });
    },
    onError: (error) => toast(describeError(error), 'danger'),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  const toast = useToast();
  return useMutation({
    mutationFn: () => api<{ marked: number; unread: number }>('POST', '/api/notifications/read-all'),
    onSuccess: (data) => {
      queryClient.setQueryData(notificationKeys.unread, { unread: data.unread });
      void queryClient.invalidateQueries({ queryKey: notificationKeys.lists });
      toast('All notifications marked as read.');
    },
    onError: (error) => toast(describeError(error), 'danger'),
  });
}

export function usePreferences() {
  return useQuery({
    queryKey: notificationKeys.preferences,
    queryFn: () => api<{ preferences: NotificationPreferences }>('GET', '/api/notifications/preferences'),
    select: (data) => data.preferences,
  });
}

export interface PreferencesChange {
  types?: Partial<Record<NotificationType, ChannelChoice>>;
  dailyDigest?: boolean;
}

/** Saves one change at a time (each toggle saves itself); the answer is the whole set. */
export function useSavePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: PreferencesChange) =>
      api<{ preferences: NotificationPreferences }>('PUT', '/api/notifications/preferences', change),
    onSuccess: (data) => queryClient.setQueryData(notificationKeys.preferences, data),
  });
}
