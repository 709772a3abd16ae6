/**
 * The collaboration WebSocket on the portal's own port: the upgrade (origin, path), who may open
 * which document, the per-user push channel, presence identity and message limits — with real
 * Hocuspocus providers over real WebSockets.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { COLLAB_LIMITS } from '../../collab/server/extensions/limits.ts';
import type { Collaboration } from '../../collab/server/index.ts';
import { eventually, openDocument, type Tab, tabSockets } from '../support/collab.ts';
import { PortalClient, signedIn } from '../support/http-client.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';

let portal: TestPortal;
let collab: Collaboration;
const { url: wsUrl, open: tabSocket, destroyAll } = tabSockets(() => portal.url);

beforeAll(async () => {
  portal = await startTestPortal();
  collab = portal.ctx.collab!;
});
afterEach(destroyAll);
afterAll(() => portal.close());

async function userOf(client: PortalClient): Promise<{ id: string; name: string }> {
  const me = await client.get<{ user: { id: string; name: string } }>('/api/me');
  return me.body.user;
}

describe('the upgrade', () => {
  it('/healthz reports the collaboration server up', async () => {
    const res = await new PortalClient(portal.url).get('/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, db: 'up', collab: 'up' });
  });

  it('refuses a cross-site Origin with HTTP 403 before any WebSocket exists', async () => {
    const grace = await signedIn(portal.url, 'client@globex.test');
    const status = await new Promise<number>((resolve, reject) => {
      const ws = new WebSocket(wsUrl(), {
        headers: { origin: 'https://evil.example', cookie: `session=${grace.cookie}` },
      });
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => reject(new Error('the cross-site upgrade was accepted')));
      ws.on('error', () => {});
    });
    expect(status).toBe(403);
  });

  it.each(['null', 'not a url', `${'http://127.0.0.1'}:1`])('refuses Origin %j', async (origin) => {
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(wsUrl(), { headers: { origin } });
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => resolve(101));
      ws.on('error', () => {});
    });
    expect(status).toBe(403);
  });

  it('answers other upgrade paths with 404', async () => {
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`${portal.url.replace(/^http/, 'ws')}/api/me`);
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => resolve(101));
      ws.on('error', () => {});
    });
    expect(status).toBe(404);
  });
});

describe('who may open which document', () => {
  it('a signed-in user opens their own channel, synced and read-only (cookie)', async () => {
    const eli = await signedIn(portal.url, 'employee@globex.test');
    const { id } = await userOf(eli);
    const tab = openDocument(tabSocket({ cookie: eli.cookie }), `user:${id}`);
    await eventually(() => expect(tab.synced).toBe(true));
    expect(tab.scope).toBe('readonly');
    expect(collab.hocuspocus.documents.get(`user:${id}`)?.getConnectionsCount()).toBe(1);
  });

  it("an API client authenticates with the provider's token (session token, no cookie, no Origin)", async () => {
    const eli = await signedIn(portal.url, 'employee@globex.test');
    const { id } = await userOf(eli);
    const tab = openDocument(tabSocket({ origin: null }), `user:${id}`, { token: eli.cookie });
    await eventually(() => expect(tab.synced).toBe(true));
    expect(tab.scope).toBe('readonly');
  });

  it("another user's channel is refused and no document is loaded for it", async () => {
    const eli = await signedIn(portal.url, 'employee@globex.test');
    const grace = await userOf(await signedIn(portal.url, 'client@globex.test'));
    const tab = openDocument(tabSocket({ cookie: eli.cookie }), `user:${grace.id}`);
    await eventually(() => expect(tab.refused).toBe('forbidden'));
    expect(tab.synced).toBe(false);
    expect(collab.hocuspocus.documents.has(`user:${grace.id}`)).toBe(false);
    expect(collab.hocuspocus.loadingDocuments.has(`user:${grace.id}`)).toBe(false);
  });

  it.each([
    'ticket:',
    'ticket:abcdefghijkmn234:internal:x',
    'ticket_1',
    'user:abcdefghijkmn23é',
    'user:abcdefghijkmn234\u200b',
    `user:${'a'.repeat(5000)}`,
  ])('a malformed name (%j) is refused and nothing is loaded', async (name) => {
    const eli = await signedIn(portal.url, 'employee@globex.test');
    const tab = openDocument(tabSocket({ cookie: eli.cookie }), name);
    await eventually(() => expect(tab.refused).toBe('invalid-document-name'));
    expect(collab.hocuspocus.documents.has(name)).toBe(false);
  });

  it('anonymous connections are refused: no cookie, a bogus token, a signed-out cookie', async () => {
    const eli = await signedIn(portal.url, 'employee@globex.test');
    const { id } = await userOf(eli);
    const stale = eli.cookie;
    await eli.post('/api/auth/logout');
    const tabs = [
      openDocument(tabSocket(), `user:${id}`),
      openDocument(tabSocket({ origin: null }), `user:${id}`, { token: 'not-a-session' }),
      openDocument(tabSocket({ cookie: stale }), `user:${id}`),
    ];
    for (const tab of tabs) await eventually(() => expect(tab.refused).toBe('unauthenticated'));
    expect(collab.hocuspocus.documents.has(`user:${id}`)).toBe(false);
  });
});

describe('the per-user channel', () => {
  it('pushToUser reaches every tab of that user and nobody else', async () => {
    const eli = await signedIn(portal.url, 'employee@globex.test');
    const grace = await signedIn(portal.url, 'client@globex.test');
    const [eliUser, graceUser] = [await userOf(eli), await userOf(grace)];
    const eliTabs = [1, 2].map(() => openDocument(tabSocket({ cookie: eli.cookie }), `user:${eliUser.id}`));
    const graceTab = openDocument(tabSocket({ cookie: grace.cookie }), `user:${graceUser.id}`);
    for (const tab of [...eliTabs, graceTab]) await eventually(() => expect(tab.synced).toBe(true));

    expect(collab.pushToUser(eliUser.id, { type: 'queue.position', position: 3 })).toBe(2);
    for (const tab of eliTabs) {
      await eventually(() => expect(tab.stateless).toEqual(['{"type":"queue.position","position":3}']));
    }
    // A later push to Grace arrives after anything sent to her before it on the same socket.
    expect(collab.pushToUser(graceUser.id, { type: 'marker' })).toBe(1);
    await eventually(() => expect(graceTab.stateless).toEqual(['{"type":"marker"}']));
  });

  it('reaches nobody when the user has no tab open', () => {
    expect(collab.pushToUser('zzzzzzzzzzzzzzzz', { type: 'notification' })).toBe(0);
  });
});

describe('presence and limits', () => {
  it("presence carries the server's identity, not the one a client claims", async () => {
    const eli = await signedIn(portal.url, 'employee@globex.test');
    const eliUser = await userOf(eli);
    const admin = await userOf(await signedIn(portal.url, 'admin@demo.test'));
    const [liar, peer] = [1, 2].map(() =>
      openDocument(tabSocket({ cookie: eli.cookie }), `user:${eliUser.id}`),
    );
    for (const tab of [liar!, peer!]) await eventually(() => expect(tab.synced).toBe(true));

    const seen: unknown[] = [];
    peer!.provider.on('awarenessChange', () => {
      seen.push(peer!.provider.awareness?.getStates().get(liar!.provider.document.clientID)?.user);
    });
    liar!.provider.setAwarenessField('user', { id: admin.id, name: admin.name, color: '#000000' });
    await eventually(() => expect(seen.at(-1)).toMatchObject({ id: eliUser.id, name: eliUser.name }));
    expect(seen).not.toContainEqual(expect.objectContaining({ id: admin.id }));
  });

  it('a message over the size limit closes the WebSocket with 1009', async () => {
    const eli = await signedIn(portal.url, 'employee@globex.test');
    const ws = new WebSocket(wsUrl(), { headers: { origin: portal.url, cookie: `session=${eli.cookie}` } });
    await new Promise((resolve) => ws.once('open', resolve));
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.on('error', () => {});
    ws.send(Buffer.alloc(COLLAB_LIMITS.messageBytes + 1));
    expect(await closed).toBe(1009);
  });

  it(`refuses more than ${COLLAB_LIMITS.documentsPerSocket} documents on one WebSocket`, async () => {
    const eli = await signedIn(portal.url, 'employee@globex.test');
    const { id } = await userOf(eli);
    const socket = tabSocket({ cookie: eli.cookie });
    // Session-aware providers may open one name several times on a socket: each one counts.
    const open = (): Tab => openDocument(socket, `user:${id}`, { sessionAwareness: true });
    const tabs = Array.from({ length: COLLAB_LIMITS.documentsPerSocket }, open);
    for (const tab of tabs) await eventually(() => expect(tab.synced).toBe(true), 5000);
    const extra = open();
    await eventually(() => expect(extra.refused).toBe('too-many-documents'));
  });
});
