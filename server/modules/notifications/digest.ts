/**
 * The daily digest: people who chose it get one email a day listing the notifications that
 * waited for it (digestedAt null), then those are marked. The hourly timer in listeners.ts calls
 * sendDigests; a person is due once a day has (nearly) passed since their last digest.
 */
import { and, asc, eq, inArray, isNull, lte, or } from 'drizzle-orm';
import { notificationSettings, notifications } from '../../../storage/schema.ts';
import { loadActor } from '../../auth/actor.ts';
import type { AppContext } from '../../context.ts';
import { effectiveBranding } from '../../tenancy/branding.ts';
import { deliver, digestEmail, type EmailItem, inboxUrl, preferencesUrl, ticketUrl } from './email.ts';
import { preferencesOf } from './preferences.ts';

const HOUR = 60 * 60 * 1000;
// An hour short of a day: an hourly timer that drifts by a second still sends once a day.
const DIGEST_INTERVAL = 23 * HOUR;

/** Sends every digest due at `now`; returns how many emails went out. */
export async function sendDigests(ctx: AppContext, now: Date): Promise<number> {
  const due = ctx.db
    .select({ userId: notificationSettings.userId })
    .from(notificationSettings)
    .where(
      and(
        eq(notificationSettings.dailyDigest, true),
        or(
          isNull(notificationSettings.lastDigestAt),
          lte(notificationSettings.lastDigestAt, new Date(now.getTime() - DIGEST_INTERVAL)),
        ),
      ),
    )
    .all();
  let sent = 0;
  for (const { userId } of due) {
    if (await sendDigest(ctx, userId, now)) sent++;
  }
  return sent;
}

/** One person's digest: claimed (marked) before sending, so overlapping runs never send twice. */
async function sendDigest(ctx: AppContext, userId: string, now: Date): Promise<boolean> {
  const loaded = loadActor(ctx.db, userId);
  if (loaded?.user.status !== 'active') return false;
  const waiting = ctx.db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId),
        isNull(notifications.digestedAt),
        lte(notifications.createdAt, now),
      ),
    )
    .orderBy(asc(notifications.createdAt), asc(notifications.id))
    .all();
  if (waiting.length === 0) return false;
  // A type switched off for email since it was created stays out of the email (but is marked).
  const choices = preferencesOf(ctx.db, userId).types;
  const items: EmailItem[] = waiting
    .filter((n) => choices[n.type].email)
    .map((n) => ({
      title: n.title,
      body: n.body,
      link: n.ticketId ? ticketUrl(ctx, n.ticketId) : inboxUrl(ctx),
    }));
  ctx.db.transaction(
    (tx) => {
      tx.update(notifications)
        .set({ digestedAt: now })
        .where(
          and(
            eq(notifications.userId, userId),
            inArray(
              notifications.id,
              waiting.map((n) => n.id),
            ),
            isNull(notifications.digestedAt),
          ),
        )
        .run();
      tx.update(notificationSettings)
        .set({ lastDigestAt: now })
        .where(eq(notificationSettings.userId, userId))
        .run();
    },
    { behavior: 'immediate' },
  );
  if (items.length === 0) return false;
  const branding = effectiveBranding(ctx.db, loaded.actor.tenantId);
  const content = digestEmail(branding, items, inboxUrl(ctx), preferencesUrl(ctx));
  return deliver(ctx, { email: loaded.user.email, tenantId: loaded.actor.tenantId }, branding, content);
}
