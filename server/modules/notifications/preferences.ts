/**
 * A user's notification choices: per type, in-app and email (a missing row means both on), and
 * whether email waits for the daily digest.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../../storage/db.ts';
import {
  NOTIFICATION_TYPES,
  type NotificationType,
  notificationPreferences,
  notificationSettings,
  notifications,
} from '../../../storage/schema.ts';

export interface ChannelChoice {
  inApp: boolean;
  email: boolean;
}

export interface NotificationPreferences {
  types: Record<NotificationType, ChannelChoice>;
  dailyDigest: boolean;
}

const BOTH_ON: ChannelChoice = { inApp: true, email: true };

/** The effective preferences of `userId`: stored rows over the defaults. */
export function preferencesOf(db: Db, userId: string): NotificationPreferences {
  const types = Object.fromEntries(NOTIFICATION_TYPES.map((t) => [t, { ...BOTH_ON }])) as Record<
    NotificationType,
    ChannelChoice
  >;
  const rows = db
    .select()
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId))
    .all();
  for (const row of rows) types[row.type] = { inApp: row.inApp, email: row.email };
  const settings = db
    .select({ dailyDigest: notificationSettings.dailyDigest })
    .from(notificationSettings)
    .where(eq(notificationSettings.userId, userId))
    .get();
  return { types, dailyDigest: settings?.dailyDigest ?? false };
}

/** One type's choice for `userId` (for notify, which needs only that one). */
export function choiceOf(
  db: Db,
  userId: string,
  type: NotificationType,
): ChannelChoice & { dailyDigest: boolean } {
  const row = db
    .select({ inApp: notificationPreferences.inApp, email: notificationPreferences.email })
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.userId, userId), eq(notificationPreferences.type, type)))
    .get();
  const settings = db
    .select({ dailyDigest: notificationSettings.dailyDigest })
    .from(notificationSettings)
    .where(eq(notificationSettings.userId, userId))
    .get();
  return { ...(row ?? BOTH_ON), dailyDigest: settings?.dailyDigest ?? false };
}

/** Update: every type given is replaced; types left out keep their current choice. */
export interface PreferencesUpdate {
  types?: Partial<Record<NotificationType, ChannelChoice>> | undefined;
  dailyDigest?: boolean | undefined;
}

/**
 * Saves `update` for `userId` in one transaction. Turning the digest off releases whatever was
 * waiting for it (it stays in the inbox), so turning it on again later never mails stale news.
 */
export function savePreferences(db: Db, userId: string, update: PreferencesUpdate): NotificationPreferences {
  db.transaction(
    (tx) => {
      for (const [type, choice] of Object.entries(update.types ?? {}) as [
        NotificationType,
        ChannelChoice,
      ][]) {
        tx.insert(notificationPreferences)
          .values({ userId, type, inApp: choice.inApp, email: choice.email })
          .onConflictDoUpdate({
            target: [notificationPreferences.userId, notificationPreferences.type],
            set: { inApp: choice.inApp, email: choice.email },
          })
          .run();
      }
      if (update.dailyDigest !== undefined) {
        tx.insert(notificationSettings)
          .values({ userId, dailyDigest: update.dailyDigest })
          .onConflictDoUpdate({
            target: notificationSettings.userId,
            set: { dailyDigest: update.dailyDigest },
          })
          .run();
        if (!update.dailyDigest) {
          tx.update(notifications)
            .set({ digestedAt: new Date() })
            .where(and(eq(notifications.userId, userId), isNull(notifications.digestedAt)))
            .run();
        }
      }
    },
    { behavior: 'immediate' },
  );
  return preferencesOf(db, userId);
}
