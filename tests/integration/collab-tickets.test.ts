/**
 * A ticket's documents over real WebSockets: the description seeded from the text filed, who may
 * open which document, co-editing that converges, and read-only connections that change nothing.
 * What a writer sends that the server refuses is collab-refusals.test.ts.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { tickets } from '../../storage/schema.ts';
import {
  acknowledged,
  appendParagraph,
  eventually,
  openDocument,
  proseXml,
  synced,
} from '../support/collab.ts';
import {
  collab,
  fileTicket,
  logged,
  openAs,
  portal,
  serverDoc,
  setupCollabPortal,
  sockets,
} from '../support/collab-tickets.ts';
import { signedIn } from '../support/http-client.ts';

setupCollabPortal();

/** The ticket row's projected description text. */
function descriptionText(id: string): string {
  return portal.ctx.db
    .select({ text: tickets.descriptionText })
    .from(tickets)
    .where(eq(tickets.id, id))
    .get()!.text;
}

describe('opening a ticket document', () => {
  it('seeds the description from the text filed with the ticket, once and through the log', async () => {
    const id = await fileTicket('The printer is on fire.\n\nIt was fine\nyesterday.');
    const grace = await signedIn(portal.url, 'client@globex.test');
    const tab = await synced(openAs(grace, `ticket:${id}`));
    expect(tab.scope).toBe('read-write');
    expect(proseXml(tab.provider.document)).toBe(
      '<paragraph>The printer is on fire.</paragraph><paragraph>It was fine<hardbreak></hardbreak>yesterday.</paragraph>',
    );
    expect(logged(`ticket:${id}`)).toBe(1);
    const again = await synced(openAs(await signedIn(portal.url, 'staff@demo.test'), `ticket:${id}`));
    expect(proseXml(again.provider.document)).toBe(proseXml(tab.provider.document));
    expect(logged(`ticket:${id}`)).toBe(1);
  });

  it("refuses a client the internal document and another org's ticket, before any data", async () => {
    const id = await fileTicket('Private to Globex');
    const eli = await signedIn(portal.url, 'employee@globex.test');
    const initech = await signedIn(portal.url, 'client@initech.test');
    const tabs = [
      openAs(await signedIn(portal.url, 'client@globex.test'), `ticket:${id}:internal`),
      openAs(initech, `ticket:${id}`),
      openAs(initech, `ticket:${id}:thread`),
      // A client sees only their own tickets unless their admin shares the org's.
      openAs(eli, `ticket:${id}`),
      openAs(initech, 'ticket:zzzzzzzzzzzzzzzz'),
    ];
    for (const tab of tabs) await eventually(() => expect(tab.refused).toBe('forbidden'));
    for (const tab of tabs) expect(proseXml(tab.provider.document)).toBe('');
    for (const name of [`ticket:${id}`, `ticket:${id}:internal`, `ticket:${id}:thread`]) {
      expect(collab.hocuspocus.documents.has(name)).toBe(false);
      expect(collab.hocuspocus.loadingDocuments.has(name)).toBe(false);
    }
  });

  it('three editors (client, provider staff, agency partner) typing at once converge', async () => {
    const id = await fileTicket();
    const name = `ticket:${id}`;
    const emails = ['client@globex.test', 'staff@demo.test', 'partner@acme.test'];
    const tabs = await Promise.all(
      emails.map(async (email) => synced(openAs(await signedIn(portal.url, email), name))),
    );
    for (let i = 0; i < 20; i++) {
      for (const [who, tab] of tabs.entries())
        appendParagraph(tab.provider.document, `editor${who}-edit${i}`);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await eventually(() => {
      const [first, ...rest] = tabs.map((tab) => proseXml(tab.provider.document));
      for (const other of rest) expect(other).toBe(first);
      expect(proseXml(serverDoc(name))).toBe(first);
      for (let who = 0; who < 3; who++)
        for (let i = 0; i < 20; i++) expect(first).toContain(`editor${who}-edit${i}<`);
    }, 5000);
  });
  it("edits made offline merge with the others' when the tab reconnects", async () => {
    const id = await fileTicket();
    const name = `ticket:${id}`;
    const grace = await signedIn(portal.url, 'client@globex.test');
    const staff = await signedIn(portal.url, 'staff@demo.test');
    const offlineSocket = sockets.open({ cookie: grace.cookie });
    const offline = await synced(openDocument(offlineSocket, name));
    const online = await synced(openAs(staff, name));

    offlineSocket.disconnect();
    appendParagraph(offline.provider.document, 'written-while-offline');
    appendParagraph(online.provider.document, 'written-meanwhile-online');
    await acknowledged(online.provider);
    expect(proseXml(serverDoc(name))).not.toContain('written-while-offline<');

    await offlineSocket.connect();
    await eventually(() => {
      for (const doc of [offline.provider.document, online.provider.document, serverDoc(name)]) {
        expect(proseXml(doc)).toContain('written-while-offline<');
        expect(proseXml(doc)).toContain('written-meanwhile-online<');
      }
      expect(proseXml(offline.provider.document)).toBe(proseXml(online.provider.document));
    }, 5000);
  });
});

describe('the projection to SQL', () => {
  it("the description's plain text reaches the ticket row on store; the internal document's never", async () => {
    const id = await fileTicket('Filed text');
    const staff = await signedIn(portal.url, 'staff@demo.test');
    const description = await synced(openAs(staff, `ticket:${id}`));
    const internal = await synced(openAs(staff, `ticket:${id}:internal`));
    appendParagraph(description.provider.document, 'Edited live');
    appendParagraph(internal.provider.document, 'INTERNAL-ONLY note');
    await acknowledged(description.provider);
    await acknowledged(internal.provider);
    collab.hocuspocus.flushPendingStores();
    await eventually(() => expect(descriptionText(id)).toBe('Filed text\n\nEdited live'));
  });
});

describe('read-only connections', () => {
  it('a read-only connection (a client on a closed ticket) changes neither the state nor the log', async () => {
    const id = await fileTicket('Before closing');
    const name = `ticket:${id}`;
    const staff = await signedIn(portal.url, 'staff@demo.test');
    expect((await staff.patch(`/api/tickets/${id}`, { status: 'closed' })).status).toBe(200);
    const tab = await synced(openAs(await signedIn(portal.url, 'client@globex.test'), name));
    expect(tab.scope).toBe('readonly');
    const [state, rows] = [Y.encodeStateAsUpdate(serverDoc(name)), logged(name)];
    appendParagraph(tab.provider.document, 'sneaky edit');
    await eventually(() => expect(tab.acks).toContain(false));
    expect(Y.encodeStateAsUpdate(serverDoc(name))).toEqual(state);
    expect(logged(name)).toBe(rows);
  });

  it('nobody writes the thread document, staff included', async () => {
    const id = await fileTicket();
    const name = `ticket:${id}:thread`;
    const tab = await synced(openAs(await signedIn(portal.url, 'staff@demo.test'), name));
    expect(tab.scope).toBe('readonly');
    const before = Y.encodeStateAsUpdate(serverDoc(name));
    tab.provider.document.getArray('replies').push(['forged']);
    await eventually(() => expect(tab.acks).toContain(false));
    expect(Y.encodeStateAsUpdate(serverDoc(name))).toEqual(before);
    expect(logged(name)).toBe(0);
  });
});
