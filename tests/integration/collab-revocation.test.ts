/**
 * A connection never outlives the right it was opened with: sign-out, deactivation and rights
 * changes close live collaboration connections within 2 s, over real WebSockets.
 */
import type { Extension } from '@hocuspocus/server';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { users } from '../../storage/schema.ts';
import { eventually, openDocument, type Tab } from '../support/collab.ts';
import { collab, userIdOf as idOf, portal, setupCollabPortal, sockets } from '../support/collab-tickets.ts';
import { PortalClient, signedIn } from '../support/http-client.ts';

setupCollabPortal();

/** Opens `name` in a browser-like tab signed in with `cookie`, or as an API client with `token`. */
function openTab(cookie: string | null, name: string, token: string | null = null): Tab {
  return openDocument(sockets.open(cookie ? { cookie } : { origin: null }), name, { token });
}

/** How many live connections the server holds on a document. */
const connectionsOn = (name: string) => collab.hocuspocus.documents.get(name)?.getConnectionsCount() ?? 0;

describe('revocation', () => {
  it("signing out closes that session's connections, and only that session's", async () => {
    const laptop = await signedIn(portal.url, 'client@initech.test');
    const phone = await signedIn(portal.url, 'client@initech.test');
    const channel = `user:${await idOf(laptop)}`;
    const [onLaptop, onPhone] = [openTab(laptop.cookie, channel), openTab(phone.cookie, channel)];
    for (const tab of [onLaptop, onPhone]) await eventually(() => expect(tab.synced).toBe(true));
    expect(connectionsOn(channel)).toBe(2);

    expect((await laptop.post('/api/auth/logout')).status).toBe(204);
    await eventually(() => expect(onLaptop.closes).toContain('session-revoked'));
    await eventually(() => expect(connectionsOn(channel)).toBe(1));
    expect(onPhone.closes).toEqual([]);
    // The closed tab reconnects by itself and learns it is signed out.
    await eventually(() => expect(onLaptop.refused).toBe('unauthenticated'), 5000);
    expect(collab.pushToUser(channel.slice(5), { type: 'still-here' })).toBe(1);
  });

  it("an API client's token-authenticated connection closes when its session signs out", async () => {
    const api = await signedIn(portal.url, 'client@contoso.test');
    const token = api.cookie!;
    const channel = `user:${await idOf(api)}`;
    const tab = openTab(null, channel, token);
    await eventually(() => expect(tab.synced).toBe(true));

    const bearer = new PortalClient(portal.url);
    expect((await bearer.post('/api/auth/logout', {}, { authorization: `Bearer ${token}` })).status).toBe(
      204,
    );
    await eventually(() => expect(tab.closes).toContain('session-revoked'));
    expect(connectionsOn(channel)).toBe(0);
  });

  it('deactivating a user closes their live connection within 2 s', async () => {
    const admin = await signedIn(portal.url, 'client@globex.test');
    const eli = await signedIn(portal.url, 'employee@globex.test');
    const eliId = await idOf(eli);
    const tab = openTab(eli.cookie, `user:${eliId}`);
    await eventually(() => expect(tab.synced).toBe(true));

    const res = await admin.post(`/api/users/${eliId}/deactivate`);
    expect(res.status).toBeLessThan(300);
    await eventually(() => expect(tab.closes).toContain('session-revoked'));
    await eventually(() => expect(connectionsOn(`user:${eliId}`)).toBe(0));
    expect(collab.pushToUser(eliId, { type: 'after-deactivation' })).toBe(0);
  });

  it('a rights change re-checks open connections and closes what is no longer allowed', async () => {
    const tara = await signedIn(portal.url, 'team@acme.test');
    const taraId = await idOf(tara);
    const tab = openTab(tara.cookie, `user:${taraId}`);
    await eventually(() => expect(tab.synced).toBe(true));

    // Nothing changed: the connection stays.
    portal.ctx.events.emit('user.rights_changed', { userId: taraId });
    expect(connectionsOn(`user:${taraId}`)).toBe(1);

    // The user is gone from the actor's point of view (no sessions deleted, no sessions.revoked):
    // the re-check alone must close the connection.
    portal.ctx.db.update(users).set({ status: 'deactivated' }).where(eq(users.id, taraId)).run();
    portal.ctx.events.emit('user.rights_changed', { userId: taraId });
    await eventually(() => expect(tab.closes).toContain('access-revoked'));
    expect(connectionsOn(`user:${taraId}`)).toBe(0);
  });

  it('a rights event while the document is still loading is not missed', async () => {
    const nora = await signedIn(portal.url, 'partner@northwind.test');
    const noraId = await idOf(nora);
    // Fire the event after authentication but before the connection is registered on the
    // document, where the revocation scan cannot see it.
    const racer: Extension = {
      async onLoadDocument({ documentName }) {
        if (documentName === `user:${noraId}`)
          portal.ctx.events.emit('user.rights_changed', { userId: noraId });
      },
    };
    collab.hocuspocus.configuration.extensions.unshift(racer);
    try {
      const tab = openTab(nora.cookie, `user:${noraId}`);
      await eventually(() => expect(tab.closes).toContain('access-revoked'));
      expect(connectionsOn(`user:${noraId}`)).toBe(0);
    } finally {
      collab.hocuspocus.configuration.extensions.splice(
        collab.hocuspocus.configuration.extensions.indexOf(racer),
        1,
      );
    }
  });
});
