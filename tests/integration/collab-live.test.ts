/**
 * Tickets, live: the thread document as a projection of the public replies, change notices on
 * the ticket's documents and the user channels, rights re-checked when a ticket changes — and
 * internal content (notes, the internal document) never in anything a client connection receives.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  acknowledged,
  appendParagraph,
  eventually,
  openDocument,
  proseXml,
  synced,
  type Tab,
} from '../support/collab.ts';
import {
  collab,
  fileTicketWithClients as fileTicket,
  portal,
  reply,
  setupCollabPortal,
  sockets,
  userIdOf,
} from '../support/collab-tickets.ts';
import { signedIn } from '../support/http-client.ts';

setupCollabPortal();

const bodies = (tab: Tab) =>
  tab.provider.document
    .getArray<Y.Map<string>>('replies')
    .toArray()
    .map((r) => r.get('body'));

describe('the thread document', () => {
  it('is built from the public replies only, and a reply posted through REST appears live', async () => {
    const { id, grace, staff } = await fileTicket();
    await reply(staff, id, 'We are on it', 'client');
    await reply(staff, id, 'Internal: the customer is on the old plan', 'internal');
    const thread = await synced(openDocument(sockets.open({ cookie: grace.cookie }), `ticket:${id}:thread`));
    expect(thread.scope).toBe('readonly');
    expect(bodies(thread)).toEqual(['We are on it']);
    const first = thread.provider.document.getArray<Y.Map<string>>('replies').get(0);
    expect(first.toJSON()).toEqual({
      id: expect.any(String),
      // White-label: to a Globex reader, the provider's agent is Globex's agency, unnamed.
      authorId: '',
      authorName: 'Acme Agency',
      body: 'We are on it',
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });

    await reply(grace, id, 'Thanks!', 'client');
    await eventually(() => expect(bodies(thread)).toEqual(['We are on it', 'Thanks!']));
  });

  it('is rebuilt with the same item ids after an unload, so a reconnecting tab sees no duplicates', async () => {
    const { id, grace, staff } = await fileTicket();
    await reply(staff, id, 'one', 'client');
    await reply(grace, id, 'two', 'client');
    const name = `ticket:${id}:thread`;
    const tab = await synced(openDocument(sockets.open({ cookie: grace.cookie }), name));
    const before = Y.encodeStateAsUpdate(tab.provider.document);
    sockets.destroyAll();
    await eventually(() => expect(collab.hocuspocus.documents.has(name)).toBe(false));

    const again = await synced(openDocument(sockets.open({ cookie: grace.cookie }), name));
    expect(Y.encodeStateAsUpdate(again.provider.document)).toEqual(before);
    // The old tab's state merged into the rebuilt one changes nothing.
    Y.applyUpdate(again.provider.document, before);
    expect(bodies(again)).toEqual(['one', 'two']);
  });
});

/** The user-channel pushes about tickets: the notification centre's unread counts set aside. */
const isNotificationPush = (message: string) => message.includes('"notifications.changed"');
const ticketPushes = (tab: { stateless: string[] }) => tab.stateless.filter((m) => !isNotificationPush(m));

describe('change notices', () => {
  it('a public reply: `ticket.changed` on the ticket document and `tickets.changed` to viewers', async () => {
    const { id, grace, staff } = await fileTicket();
    const graceTab = await synced(openDocument(sockets.open({ cookie: grace.cookie }), `ticket:${id}`));
    const channel = await synced(
      openDocument(sockets.open({ cookie: grace.cookie }), `user:${await userIdOf(grace)}`),
    );
    const initech = await signedIn(portal.url, 'client@initech.test');
    const outsider = await synced(
      openDocument(sockets.open({ cookie: initech.cookie }), `user:${await userIdOf(initech)}`),
    );
    await reply(staff, id, 'Fixed it', 'client');
    await eventually(() =>
      expect(graceTab.stateless).toEqual([JSON.stringify({ type: 'ticket.changed', ticketId: id })]),
    );
    await eventually(() =>
      expect(ticketPushes(channel)).toEqual([JSON.stringify({ type: 'tickets.changed' })]),
    );
    expect(outsider.stateless).toEqual([]);
  });

  it('closing a ticket turns an open description connection read-only', async () => {
    const { id, grace, staff } = await fileTicket();
    const tab = await synced(openDocument(sockets.open({ cookie: grace.cookie }), `ticket:${id}`));
    expect(tab.scope).toBe('read-write');
    expect((await staff.patch(`/api/tickets/${id}`, { status: 'closed' })).status).toBe(200);
    await eventually(() =>
      expect(tab.stateless).toContain(JSON.stringify({ type: 'access.changed', access: 'read' })),
    );
    const rows = collab.hocuspocus.documents.get(`ticket:${id}`)!.getConnections();
    expect(rows.every((connection) => connection.readOnly)).toBe(true);
  });
});

describe('internal content never reaches a client connection', () => {
  it('neither an internal reply nor a note typed into the internal document, in any frame', async () => {
    const { id, grace, staff } = await fileTicket();
    const frames: Buffer[] = [];
    const clientSocket = sockets.open({ cookie: grace.cookie, onFrame: (frame) => frames.push(frame) });
    const description = await synced(openDocument(clientSocket, `ticket:${id}`));
    const thread = await synced(openDocument(clientSocket, `ticket:${id}:thread`));
    const channel = await synced(openDocument(clientSocket, `user:${await userIdOf(grace)}`));
    const internalTab = await synced(
      openDocument(sockets.open({ cookie: staff.cookie }), `ticket:${id}:internal`),
    );
    expect(internalTab.scope).toBe('read-write');

    appendParagraph(internalTab.provider.document, 'CANARY-NOTE-7f3a the customer owes us money');
    await acknowledged(internalTab.provider);
    await reply(staff, id, 'CANARY-REPLY-91c2 escalate quietly', 'internal');
    await eventually(() =>
      expect(internalTab.stateless).toContain(
        JSON.stringify({ type: 'ticket.internal_changed', ticketId: id }),
      ),
    );
    // A public reply afterwards: once it has arrived, everything sent before it has too.
    await reply(staff, id, 'Public answer', 'client');
    await eventually(() => expect(bodies(thread)).toEqual(['Public answer']));
    await eventually(() => expect(ticketPushes(channel).length).toBeGreaterThan(0));

    const received = Buffer.concat(frames).toString('latin1');
    expect(received).toContain('Public answer');
    for (const canary of ['CANARY-NOTE-7f3a', 'CANARY-REPLY-91c2', 'internal_changed']) {
      expect(received).not.toContain(canary);
    }
    expect(proseXml(description.provider.document)).not.toContain('CANARY');
    // Only the public reply's push: the internal one was not announced to the client at all,
    // neither as a ticket change nor as a notification (one unread-count push: the public reply's).
    expect(ticketPushes(channel)).toEqual([JSON.stringify({ type: 'tickets.changed' })]);
    expect(channel.stateless.filter(isNotificationPush).length).toBeLessThanOrEqual(1);
  });
});

describe('white-label presence', () => {
  it('a client sees a provider agent in presence as the agency, never by name or user id', async () => {
    const { id, grace, staff } = await fileTicket();
    const staffUser = (await staff.get<{ user: { id: string; name: string } }>('/api/me')).body.user;
    const graceUser = (await grace.get<{ user: { id: string; name: string } }>('/api/me')).body.user;
    const name = `ticket:${id}`;
    const agent = await synced(openDocument(sockets.open({ cookie: staff.cookie }), name));
    const client = await synced(openDocument(sockets.open({ cookie: grace.cookie }), name));
    agent.provider.setAwarenessField('user', { id: 'whatever', name: 'whatever', color: '#000000' });
    client.provider.setAwarenessField('user', { id: 'x', name: 'x', color: '#000000' });

    const seenByClient = () =>
      client.provider.awareness?.getStates().get(agent.provider.document.clientID)?.user;
    await eventually(() =>
      expect(seenByClient()).toMatchObject({ name: 'Acme Agency', id: expect.stringMatching(/^team-/) }),
    );
    expect(JSON.stringify(seenByClient())).not.toContain(staffUser.id);
    expect(JSON.stringify(seenByClient())).not.toContain(staffUser.name);
    // The client, a member of the ticket's own org, appears as themselves.
    const seenByAgent = () =>
      agent.provider.awareness?.getStates().get(client.provider.document.clientID)?.user;
    await eventually(() => expect(seenByAgent()).toMatchObject({ id: graceUser.id, name: graceUser.name }));
  });
});
