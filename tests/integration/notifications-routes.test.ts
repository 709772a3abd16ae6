/**
 * The notification routes: own records only (another user's id is a 404, anonymous is a 401),
 * read/unread and the unread count, paging, filters, preferences, and every bad input a 400.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notify } from '../../server/modules/notifications/notify.ts';
import { notifications } from '../../storage/schema.ts';
import { PortalClient, signedIn } from '../support/http-client.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';
import { demoWorld } from '../support/world.ts';

let portal: TestPortal;
const world = demoWorld(() => portal.ctx.db);
let eli: PortalClient;
let contoso: PortalClient;

interface View {
  id: string;
  type: string;
  title: string;
  read: boolean;
  ticketId: string | null;
}
interface Page {
  notifications: View[];
  nextCursor: string | null;
  unread: number;
}

beforeAll(async () => {
  portal = await startTestPortal();
  eli = await signedIn(portal.url, 'employee@globex.test');
  contoso = await signedIn(portal.url, 'client@contoso.test');
});
afterAll(() => portal.close());

/** Creates `n` notifications a few milliseconds apart (same-millisecond ties order by id). */
async function give(email: string, n: number, type: 'reply' | 'mention' = 'reply'): Promise<void> {
  const userId = world.userId(email);
  const tenantId = world.tenantId(email.endsWith('globex.test') ? 'globex' : 'contoso');
  for (let i = 0; i < n; i++) {
    notify(portal.ctx, { userId, tenantId, type, ticketId: null, title: `${type} ${i}`, body: `body ${i}` });
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

describe('anonymous', () => {
  it('gets 401 on every route', async () => {
    const anon = new PortalClient(portal.url);
    const calls = [
      anon.get('/api/notifications'),
      anon.get('/api/notifications/unread-count'),
      anon.post('/api/notifications/x/read'),
      anon.post('/api/notifications/x/unread'),
      anon.post('/api/notifications/read-all'),
      anon.get('/api/notifications/preferences'),
      anon.put('/api/notifications/preferences', { dailyDigest: true }),
    ];
    for (const res of await Promise.all(calls)) {
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ error: { code: 'unauthenticated' } });
    }
  });
});

describe('the inbox', () => {
  it('lists own notifications newest first in pages, filters by type and unread', async () => {
    await give('employee@globex.test', 22);
    await give('employee@globex.test', 2, 'mention');
    await give('client@contoso.test', 1);

    const first = await eli.get<Page>('/api/notifications');
    expect(first.status).toBe(200);
    expect(first.body.notifications).toHaveLength(20);
    expect(first.body.notifications[0]!.title).toBe('mention 1');
    expect(first.body.unread).toBe(24);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    expect(Object.keys(first.body.notifications[0]!).sort()).toEqual(
      ['body', 'createdAt', 'id', 'read', 'readAt', 'ticketId', 'title', 'type'].sort(),
    );
    const second = await eli.get<Page>(`/api/notifications?cursor=${first.body.nextCursor}`);
    expect(second.body.notifications).toHaveLength(4);
    expect(second.body.nextCursor).toBeNull();
    const ids = [...first.body.notifications, ...second.body.notifications].map((n) => n.id);
    expect(new Set(ids).size).toBe(24);
    expect(second.body.notifications.at(-1)!.title).toBe('reply 0');

    const mentions = await eli.get<Page>('/api/notifications?type=mention');
    expect(mentions.body.notifications.map((n) => n.title)).toEqual(['mention 1', 'mention 0']);

    // Nothing of Eli's reaches Contoso.
    const theirs = await contoso.get<Page>('/api/notifications');
    expect(theirs.body.notifications.map((n) => n.title)).toEqual(['reply 0']);
    expect(theirs.body.unread).toBe(1);
  });

  it('marks read and unread, counts unread, marks all read', async () => {
    const page = await eli.get<Page>('/api/notifications?type=mention');
    const id = page.body.notifications[0]!.id;
    const before = (await eli.get<{ unread: number }>('/api/notifications/unread-count')).body.unread;

    const read = await eli.post<{ notification: View; unread: number }>(`/api/notifications/${id}/read`);
    expect(read.status).toBe(200);
    expect(read.body.notification).toMatchObject({ id, read: true });
    expect(read.body.unread).toBe(before - 1);
    // Reading twice changes nothing.
    expect((await eli.post<{ unread: number }>(`/api/notifications/${id}/read`)).body.unread).toBe(
      before - 1,
    );

    const unreadOnly = await eli.get<Page>('/api/notifications?type=mention&unread=true');
    expect(unreadOnly.body.notifications.map((n) => n.id)).not.toContain(id);

    const back = await eli.post<{ notification: View; unread: number }>(`/api/notifications/${id}/unread`);
    expect(back.body.notification.read).toBe(false);
    expect((await eli.get<{ unread: number }>('/api/notifications/unread-count')).body.unread).toBe(before);

    const all = await eli.post<{ marked: number; unread: number }>('/api/notifications/read-all');
    expect(all.status).toBe(200);
    expect(all.body).toEqual({ marked: before, unread: 0 });
    // Contoso's stay unread.
    expect((await contoso.get<{ unread: number }>('/api/notifications/unread-count')).body.unread).toBe(1);
  });

  it('another user’s notification is a 404 and stays as it was', async () => {
    const theirs = (await contoso.get<Page>('/api/notifications')).body.notifications[0]!;
    const row = () =>
      JSON.stringify(portal.ctx.db.select().from(notifications).where(eq(notifications.id, theirs.id)).get());
    const snapshot = row();
    for (const action of ['read', 'unread']) {
      const res = await eli.post(`/api/notifications/${theirs.id}/${action}`);
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ error: { code: 'not_found' } });
    }
    expect((await eli.post('/api/notifications/no-such-id/read')).status).toBe(404);
    expect(row()).toBe(snapshot);
  });

  it('answers 400 with a JSON error for a bad filter or cursor', async () => {
    for (const query of ['type=nope', 'unread=yes', 'cursor=garbage', 'extra=1']) {
      const res = await eli.get(`/api/notifications?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
    }
  });
});

describe('preferences', () => {
  it('defaults every type to both channels on, without the digest', async () => {
    const res = await contoso.get<{ preferences: { types: Record<string, unknown>; dailyDigest: boolean } }>(
      '/api/notifications/preferences',
    );
    expect(res.status).toBe(200);
    expect(res.body.preferences.dailyDigest).toBe(false);
    expect(Object.keys(res.body.preferences.types).sort()).toEqual([
      'action_required',
      'assignment',
      'csat_request',
      'mention',
      'reply',
      'sla_near_breach',
      'status_change',
    ]);
    expect(res.body.preferences.types.reply).toEqual({ inApp: true, email: true });
  });

  it('saves the types given and the digest, keeps the rest, and only for the caller', async () => {
    const res = await eli.put<{ preferences: { types: Record<string, unknown>; dailyDigest: boolean } }>(
      '/api/notifications/preferences',
      { types: { mention: { inApp: false, email: true } }, dailyDigest: true },
    );
    expect(res.status).toBe(200);
    expect(res.body.preferences.types.mention).toEqual({ inApp: false, email: true });
    expect(res.body.preferences.types.reply).toEqual({ inApp: true, email: true });
    expect(res.body.preferences.dailyDigest).toBe(true);
    const again = await eli.get<{ preferences: { dailyDigest: boolean } }>('/api/notifications/preferences');
    expect(again.body.preferences.dailyDigest).toBe(true);
    const theirs = await contoso.get<{ preferences: { dailyDigest: boolean } }>(
      '/api/notifications/preferences',
    );
    expect(theirs.body.preferences.dailyDigest).toBe(false);
  });

  it('refuses a bad body with 400', async () => {
    const bodies: unknown[] = [
      {},
      { dailyDigest: 'yes' },
      { types: { nope: { inApp: true, email: true } } },
      { types: { reply: { inApp: true } } },
      { types: { reply: { inApp: 1, email: true } } },
      { types: { reply: { inApp: true, email: true, sms: true } } },
      { dailyDigest: true, userId: world.userId('client@contoso.test') },
      [],
      'null',
    ];
    for (const body of bodies) {
      const res = await eli.put('/api/notifications/preferences', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body).toMatchObject({ error: { code: expect.any(String) } });
    }
  });
});
