/**
 * Query keys and wire types of the notification centre, in a file with no imports: the shell's
 * bell and the user-channel listener use them without pulling the inbox page into the entry.
 */

export const NOTIFICATION_TYPES = [
  'reply',
  'status_change',
  'assignment',
  'mention',
  'sla_near_breach',
  'action_required',
  'csat_request',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/** NotificationView (docs/API.md). */
export interface NotificationView {
  id: string;
  type: NotificationType;
  ticketId: string | null;
  title: string;
  body: string;
  read: boolean;
  readAt: string | null;
  createdAt: string;
}

export interface NotificationPage {
  notifications: NotificationView[];
  nextCursor: string | null;
  unread: number;
}

export interface ChannelChoice {
  inApp: boolean;
  email: boolean;
}

export interface NotificationPreferences {
  types: Record<NotificationType, ChannelChoice>;
  dailyDigest: boolean;
}

export interface InboxFilters {
  type?: NotificationType | undefined;
  unread?: boolean | undefined;
}

export const notificationKeys = {
  /** Everything of the centre: invalidating it refreshes the bell and every inbox list. */
  all: ['notifications'] as const,
  unread: ['notifications', 'unread'] as const,
  lists: ['notifications', 'list'] as const,
  list: (filters: InboxFilters) => ['notifications', 'list', filters] as const,
  preferences: ['notification-preferences'] as const,
};
