/**
 * Every update from a writer the server must refuse without storing it — garbage, dangling
 * references, a truncated update, a document grown past its size limit, content the editor
 * schema does not allow — over real WebSockets; the connection closes with the reason, nothing
 * is logged or applied, a co-editor never sees it, and the document still loads.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { COLLAB_LIMITS } from '../../collab/server/extensions/limits.ts';
import {
  acknowledged,
  appendParagraph,
  eventually,
  openDocument,
  proseXml,
  sendRawUpdate,
  synced,
} from '../support/collab.ts';
import {
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

describe('updates the server refuses and never stores', () => {
  it.each([
    ['garbage', new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8])],
    ['dangling references', new Uint8Array(18).fill(1)],
    ['a truncated update', truncatedUpdate()],
  ])('%s closes the connection; the document still loads', async (_what, bytes) => {
    const id = await fileTicket('Intact');
    const name = `ticket:${id}`;
    const grace = await signedIn(portal.url, 'client@globex.test');
    const socket = sockets.open({ cookie: grace.cookie });
    const tab = await synced(openDocument(socket, name));
    const rows = logged(name);
    sendRawUpdate(socket, name, bytes);
    await eventually(() => expect(tab.closes).toContain('invalid-update'));
    expect(logged(name)).toBe(rows);
    const reader = await synced(openAs(await signedIn(portal.url, 'staff@demo.test'), name));
    expect(proseXml(reader.provider.document)).toBe('<paragraph>Intact</paragraph>');
  });

  it('an update that would grow the document past the size limit is refused', async () => {
    const id = await fileTicket();
    const name = `ticket:${id}`;
    const tab = await synced(openAs(await signedIn(portal.url, 'client@globex.test'), name));
    const chunk = 'x'.repeat(400 * 1024);
    for (let i = 0; i < 6; i++) appendParagraph(tab.provider.document, `${i}${chunk}`);
    await eventually(() => expect(tab.closes).toContain('document-too-large'), 10_000);
    expect(Y.encodeStateAsUpdate(serverDoc(name)).byteLength).toBeLessThanOrEqual(
      COLLAB_LIMITS.documentBytes,
    );
    expect(logged(name)).toBeLessThan(6);
  });

  it.each([
    ['a javascript: link', (doc: Y.Doc) => appendLink(doc, 'javascript:alert(document.cookie)')],
    ['a link hiding its scheme', (doc: Y.Doc) => appendLink(doc, ' java\tscript:alert(1)')],
    ['an unknown node', (doc: Y.Doc) => doc.getXmlFragment('default').push([new Y.XmlElement('script')])],
    ['an unknown mark', (doc: Y.Doc) => appendText(doc, 'x', { blink: {} })],
    [
      'an attribute the schema lacks',
      (doc: Y.Doc) => appendLink(doc, 'https://ok.example', { onclick: 'x' }),
    ],
    ['a shared type the editor never uses', (doc: Y.Doc) => doc.getMap('payload').set('x', 'y')],
  ])('%s is refused and not stored', async (_what, write) => {
    const id = await fileTicket('Clean');
    const name = `ticket:${id}`;
    // A co-editor keeps the document loaded, and must never receive the refused content.
    const observer = await synced(openAs(await signedIn(portal.url, 'staff@demo.test'), name));
    const tab = await synced(openAs(await signedIn(portal.url, 'client@globex.test'), name));
    const [state, rows] = [Y.encodeStateAsUpdate(serverDoc(name)), logged(name)];
    // One transaction, so one update: the whole edit is refused, not just its last step.
    tab.provider.document.transact(() => write(tab.provider.document));
    await eventually(() => expect(tab.closes).toContain('invalid-content'));
    expect(Y.encodeStateAsUpdate(serverDoc(name))).toEqual(state);
    expect(logged(name)).toBe(rows);
    expect(proseXml(observer.provider.document)).toBe('<paragraph>Clean</paragraph>');
    expect(observer.provider.document.share.has('payload')).toBe(false);
  });

  it('valid rich text (an https link, a mailto link, bold) is accepted and logged', async () => {
    const id = await fileTicket();
    const name = `ticket:${id}`;
    const tab = await synced(openAs(await signedIn(portal.url, 'client@globex.test'), name));
    appendLink(tab.provider.document, 'https://status.example.com/incident?id=7');
    appendLink(tab.provider.document, 'mailto:help@example.com');
    appendText(tab.provider.document, 'loud', { bold: {} });
    await acknowledged(tab.provider);
    expect(tab.closes).toEqual([]);
    expect(proseXml(serverDoc(name))).toContain('https://status.example.com/incident?id=7');
    expect(logged(name)).toBe(3);
  });
});

function appendText(doc: Y.Doc, text: string, attributes: Record<string, object>): void {
  const paragraph = new Y.XmlElement('paragraph');
  const content = new Y.XmlText();
  paragraph.insert(0, [content]);
  doc.transact(() => {
    doc.getXmlFragment('default').push([paragraph]);
    content.insert(0, text, attributes);
  });
}

function appendLink(doc: Y.Doc, href: string, extra: Record<string, string> = {}): void {
  appendText(doc, 'click me', { link: { href, ...extra } });
}

/** A valid update cut in half: framed correctly, but the Yjs bytes end early. */
function truncatedUpdate(): Uint8Array {
  const doc = new Y.Doc();
  appendParagraph(doc, 'half of this never arrives');
  const update = Y.encodeStateAsUpdate(doc);
  return update.slice(0, Math.floor(update.byteLength / 2));
}
