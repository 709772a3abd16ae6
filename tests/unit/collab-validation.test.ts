/**
 * What the server lets into a rich-text document (collab/server/extensions/validation.ts), the
 * seed built from a ticket's plain text, and the plain text projected back to SQL.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE } from '../../collab/server/close-reasons.ts';
import { refusalFor } from '../../collab/server/extensions/validation.ts';
import { plainTextOf, proseUpdateFromText } from '../../collab/server/prose.ts';

/** A document with one paragraph of text, as an editor would have made it. */
function docWith(text: string): Y.Doc {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment('default').push([paragraph]);
  return doc;
}

/** The update a client would send for `edit`, made on a replica of `doc`. */
function updateFor(doc: Y.Doc, edit: (replica: Y.Doc) => void): Uint8Array {
  const replica = new Y.Doc();
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(replica);
  replica.transact(() => edit(replica));
  return Y.encodeStateAsUpdate(replica, before);
}

function element(
  name: string,
  children: (Y.XmlElement | Y.XmlText)[] = [],
  attrs: Record<string, string> = {},
) {
  const el = new Y.XmlElement(name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.insert(0, children);
  return el;
}

const push = (el: Y.XmlElement) => (d: Y.Doc) => d.getXmlFragment('default').push([el]);

describe('refusalFor', () => {
  it('accepts ordinary edits', () => {
    const doc = docWith('hello');
    expect(
      refusalFor(doc, updateFor(doc, push(element('paragraph', [new Y.XmlText('more')]))), true),
    ).toBeNull();
    const heading = element('heading', [new Y.XmlText('Title')], { level: '2' });
    expect(refusalFor(doc, updateFor(doc, push(heading)), true)).toBeNull();
  });

  it('refuses bytes that do not decode, and updates with dangling references', () => {
    const doc = docWith('hello');
    expect(refusalFor(doc, new Uint8Array([1, 2, 3, 4, 5]), true)).toBe(CLOSE.invalidUpdate);
    expect(refusalFor(doc, new Uint8Array(18).fill(1), false)).toBe(CLOSE.invalidUpdate);
  });

  it.each([
    ['an unknown node', () => push(element('iframe'))],
    ['an unknown attribute', () => push(element('paragraph', [], { onclick: 'x' }))],
    [
      'text directly in the document',
      () => (d: Y.Doc) => d.getXmlFragment('default').push([new Y.XmlText('loose')]),
    ],
    ['a javascript: link', () => linkTo('javascript:alert(1)')],
    ['a link with an extra attribute', () => linkTo('https://ok.example', { rel: 'opener' })],
    ['another shared type', () => (d: Y.Doc) => d.getArray('x').push([1])],
  ])('refuses %s, always', (_what, edit) => {
    const doc = docWith('hello');
    expect(refusalFor(doc, updateFor(doc, edit()), true)).toBe(CLOSE.invalidContent);
  });

  it('refuses breaking the structure of a valid document, but lets a broken one be edited', () => {
    const doc = docWith('hello');
    // A list item must start with a paragraph: a structure (content expression) violation.
    const broken = () =>
      push(element('bulletList', [element('listItem', [element('heading', [new Y.XmlText('h')])])]));
    expect(refusalFor(doc, updateFor(doc, broken()), true)).toBe(CLOSE.invalidContent);
    // Two valid concurrent edits can merge into such a document: it must stay editable.
    Y.applyUpdate(doc, updateFor(doc, broken()));
    expect(
      refusalFor(doc, updateFor(doc, push(element('paragraph', [new Y.XmlText('fix')]))), true),
    ).toBeNull();
  });

  it('checks structure only for rich text: a record accepts any well-formed update', () => {
    const doc = new Y.Doc();
    expect(
      refusalFor(
        doc,
        updateFor(doc, (d) => d.getArray('replies').push(['x'])),
        false,
      ),
    ).toBeNull();
  });
});

function linkTo(href: string, extra: Record<string, string> = {}) {
  return (d: Y.Doc) => {
    const text = new Y.XmlText();
    d.getXmlFragment('default').push([element('paragraph', [text])]);
    text.insert(0, 'click', { link: { href, ...extra } });
  };
}

describe('seeding and projecting plain text', () => {
  it('splits paragraphs on blank lines and keeps single line breaks', () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, proseUpdateFromText('First line\nsecond line\n\n\n  Next paragraph  \r\n\r\nLast')!);
    expect(doc.getXmlFragment('default').toString()).toBe(
      '<paragraph>First line<hardbreak></hardbreak>second line</paragraph><paragraph>Next paragraph</paragraph><paragraph>Last</paragraph>',
    );
    expect(plainTextOf(doc)).toBe('First line\nsecond line\n\nNext paragraph\n\nLast');
  });

  it('seeds nothing from whitespace', () => {
    expect(proseUpdateFromText(' \n\n \t ')).toBeNull();
  });

  it('a seeded document passes validation', () => {
    const doc = new Y.Doc();
    expect(refusalFor(doc, proseUpdateFromText('Hello\n\nWorld')!, true)).toBeNull();
  });
});
