/** Request shapes of the notification routes (docs/API.md "Notifications"). */
import { z } from 'zod';
import { NOTIFICATION_TYPES } from '../../../storage/schema.ts';

export const ZNotificationParams = z.object({ id: z.string().min(1).max(64) }).strict();

export const ZNotificationList = z
  .object({
    type: z.enum(NOTIFICATION_TYPES).optional(),
    unread: z.enum(['true', 'false']).optional(),
    cursor: z.string().min(1).max(200).optional(),
  })
  .strict();
export type TNotificationList = z.infer<typeof ZNotificationList>;

const ZChannelChoice = z.object({ inApp: z.boolean(), email: z.boolean() }).strict();

/** Each type's choice replaces the stored one; types left out keep theirs. */
export const ZPreferencesUpdate = z
  .object({
    types: z.partialRecord(z.enum(NOTIFICATION_TYPES), ZChannelChoice).optional(),
    dailyDigest: z.boolean().optional(),
  })
  .strict()
  .refine((v) => v.types !== undefined || v.dailyDigest !== undefined, 'Send types or dailyDigest.');
export type TPreferencesUpdate = z.infer<typeof ZPreferencesUpdate>;
