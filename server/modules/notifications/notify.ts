/**
 * The one entry point that creates a notification: the ticket listeners and other modules (CSAT)
 * call notify() with a title and body already written for the recipient's audience. It applies
 * the recipient's choices (in-app, email, daily digest), pushes the new unread count to their
 * open tabs, and sends the email. A notification never breaks what triggered it: every failure
 * is logged, none is thrown.
 */
import type { NotificationsChangedPush } from '../../../collab/stateless.ts';
import { type NotificationType, notifications } from '../../../storage/schema.ts';
import { loadActor } from '../../auth/actor.ts';
import type { AppContext } from '../../context.ts';
import { newId } from '../../ids.ts';
import { effectiveBranding } from '../../tenancy/branding.ts';
import { deliver, inboxUrl, notificationEmail, preferencesUrl, ticketUrl } from './email.ts';
import { choiceOf } from './preferences.ts';
import { unreadCount } from './store.ts';

export interface NotifyInput {
  userId: string;
  tenantId: string;
  type: NotificationType;
  ticketId: string | null;
  title: string;
  body: string;
  /** absolute URL for the email's button; default: the ticket page */
  link?: string;
  /**
   * Bearer capabilities in the link (a rating token): emailed to the recipient but kept out of
   * the outbox copy staff can read, as sign-in links are (mailer.ts `secrets`).
   */
  secrets?: string[];
}

/** Sends the user's current unread count to every tab they have open (fire-and-forget). */
export function pushUnreadCount(ctx: AppContext, userId: string): void {
  const push: NotificationsChangedPush = {
    type: 'notifications.changed',
    unread: unreadCount(ctx.db, userId),
  };
  ctx.collab?.pushToUser(userId, push);
}

export function notify(ctx: AppContext, input: NotifyInput): void {
  try {
    record(ctx, input);
  } catch (err) {
    ctx.log.error({ err, userId: input.userId, type: input.type }, 'notification failed');
  }
}

function record(ctx: AppContext, input: NotifyInput): void {
  // Only active people of active tenants hear anything (loadActor refuses the deactivated).
  const loaded = loadActor(ctx.db, input.userId);
  if (loaded?.user.status !== 'active') return;
  const choice = choiceOf(ctx.db, input.userId, input.type);
  // The digest reads the inbox, so only a notification with a row can wait for it.
  const waitsForDigest = choice.email && choice.dailyDigest && choice.inApp;
  if (choice.inApp) {
    const now = new Date();
    ctx.db
      .insert(notifications)
      .values({
        id: newId(),
        userId: input.userId,
        tenantId: input.tenantId,
        type: input.type,
        ticketId: input.ticketId,
        title: input.title,
        body: input.body,
        createdAt: now,
        // Not waiting for a digest: already emailed now, or not wanted by email at all.
        digestedAt: waitsForDigest ? null : now,
      })
      .run();
    pushUnreadCount(ctx, input.userId);
  }
  if (!choice.email || waitsForDigest) return;
  const link = input.link ?? (input.ticketId ? ticketUrl(ctx, input.ticketId) : inboxUrl(ctx));
  const branding = effectiveBranding(ctx.db, loaded.actor.tenantId);
  const content = notificationEmail(
    branding,
    {
      title: input.title,
      body: input.body,
      link,
      ...(input.type === 'csat_request' ? { action: 'Rate this ticket' } : {}),
    },
    preferencesUrl(ctx),
  );
  void deliver(
    ctx,
    { email: loaded.user.email, tenantId: loaded.actor.tenantId },
    branding,
    content,
    input.secrets,
  );
}
