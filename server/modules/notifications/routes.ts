/**
 * The caller's own notifications and preferences (docs/API.md "Notifications"). Everything is
 * the signed-in user's personal record: another user's notification id is a 404.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { callerOf } from '../../http/caller.ts';
import { badRequest, notFound } from '../../http/errors.ts';
import { parse } from '../../http/validate.ts';
import { type Actor, ownsPersonalRecord } from '../../policy/index.ts';
import { pushUnreadCount } from './notify.ts';
import { preferencesOf, savePreferences } from './preferences.ts';
import { presentNotification } from './presenter.ts';
import { ZNotificationList, ZNotificationParams, ZPreferencesUpdate } from './schema.ts';
import { decodeCursor, listNotifications, markAllRead, setRead, unreadCount } from './store.ts';

/** The caller's own user id, once the policy agrees the record is theirs (always, if well placed). */
function ownerOf(actor: Actor): string {
  if (!ownsPersonalRecord(actor, actor.userId)) throw notFound('notification');
  return actor.userId;
}

export function notificationRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/notifications', async (req) => {
    const userId = ownerOf(callerOf(req).actor);
    const query = parse(ZNotificationList, req.query);
    const cursor = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    if (cursor === null) throw badRequest('invalid_cursor', 'That page cursor is not valid.');
    const page = listNotifications(ctx.db, userId, {
      type: query.type,
      unreadOnly: query.unread === 'true',
      cursor,
    });
    return {
      notifications: page.rows.map(presentNotification),
      nextCursor: page.nextCursor,
      unread: unreadCount(ctx.db, userId),
    };
  });

  app.get('/api/notifications/unread-count', async (req) => {
    const userId = ownerOf(callerOf(req).actor);
    return { unread: unreadCount(ctx.db, userId) };
  });

  // Registered before /:id/read so "read-all" is never taken for an id.
  app.post('/api/notifications/read-all', async (req) => {
    const userId = ownerOf(callerOf(req).actor);
    const changed = markAllRead(ctx.db, userId);
    if (changed > 0) pushUnreadCount(ctx, userId);
    return { marked: changed, unread: unreadCount(ctx.db, userId) };
  });

  for (const [action, read] of [
    ['read', true],
    ['unread', false],
  ] as const) {
    app.post(`/api/notifications/:id/${action}`, async (req) => {
      const userId = ownerOf(callerOf(req).actor);
      const { id } = parse(ZNotificationParams, req.params);
      const row = setRead(ctx.db, userId, id, read);
      if (!row) throw notFound('notification');
      // The caller's other tabs update their bell too.
      pushUnreadCount(ctx, userId);
      return { notification: presentNotification(row), unread: unreadCount(ctx.db, userId) };
    });
  }

  app.get('/api/notifications/preferences', async (req) => {
    const userId = ownerOf(callerOf(req).actor);
    return { preferences: preferencesOf(ctx.db, userId) };
  });

  app.put('/api/notifications/preferences', async (req) => {
    const userId = ownerOf(callerOf(req).actor);
    const update = parse(ZPreferencesUpdate, req.body);
    return { preferences: savePreferences(ctx.db, userId, update) };
  });
}
