/**
 * The warm validation replica (collab/server/validation-replica.ts) must refuse exactly what a
 * fresh scratch copy of the live document would: checked against that reference on sequences of
 * valid, structure-breaking and local-problem updates, with refused updates, updates validated
 * but never applied, and changes made to the live document behind validation's back.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE, type CloseReason } from '../../collab/server/close-reasons.ts';
import { refusalFor } from '../../collab/server/extensions/validation.ts';
import { scratchCopy } from '../../collab/server/prose.ts';
import { checkProse } from '../../collab/server/prose-check.ts';

/** The pre-replica algorithm: a fresh scratch copy of the whole document per update. */
function referenceRefusal(document: Y.Doc, update: Uint8Array): CloseReason | null {
  let scratch: Y.Doc;
  try {
    scratch = scratchCopy(document, update);
  } catch {
    return CLOSE.invalidUpdate;
  }
  try {
    if (scratch.store.pendingStructs !== null || scratch.store.pendingDs !== null) return CLOSE.invalidUpdate;
    const verdict = checkProse(scratch);
    if (verdict.ok) return null;
    if (verdict.tier === 'local') return CLOSE.invalidContent;
    const before = scratchCopy(document);
    try {
      return checkProse(before).ok ? CLOSE.invalidContent : null;
    } finally {
      before.destroy();
    }
  } finally {
    scratch.destroy();
  }
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

const paragraph = (text: string) => element('paragraph', [new Y.XmlText(text)]);

/** A client replica of the live document that produces updates the way an editor would. */
function clientOf(live: Y.Doc): { doc: Y.Doc; edit: (change: (d: Y.Doc) => void) => Uint8Array } {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(live));
  return {
    doc,
    edit(change) {
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(live));
      const before = Y.encodeStateVector(doc);
      doc.transact(() => change(doc));
      return Y.encodeStateAsUpdate(doc, before);
    },
  };
}

type Edit = (d: Y.Doc) => void;
const fragment = (d: Y.Doc) => d.getXmlFragment('default');
const edits: Record<string, Edit> = {
  append: (d) => fragment(d).push([paragraph('more')]),
  type: (d) => {
    const first = fragment(d).get(0);
    const text = first instanceof Y.XmlElement ? first.get(0) : null;
    if (text instanceof Y.XmlText) text.insert(0, 'x');
    else fragment(d).push([paragraph('x')]);
  },
  bold: (d) => {
    const first = fragment(d).get(0);
    const text = first instanceof Y.XmlElement ? first.get(0) : null;
    if (text instanceof Y.XmlText && text.length > 0) text.format(0, 1, { bold: true });
  },
  deleteFirst: (d) => {
    if (fragment(d).length > 1) fragment(d).delete(0, 1);
  },
  heading: (d) => fragment(d).insert(0, [element('heading', [new Y.XmlText('T')], { level: '2' })]),
  // Structure: a list item must start with a paragraph.
  breakStructure: (d) =>
    fragment(d).push([
      element('bulletList', [element('listItem', [element('heading', [new Y.XmlText('h')])])]),
    ]),
  // Local, always refused.
  unknownNode: (d) => fragment(d).push([element('iframe')]),
  badLink: (d) => {
    const text = new Y.XmlText();
    fragment(d).push([element('paragraph', [text])]);
    text.insert(0, 'click', { link: { href: 'javascript:alert(1)' } });
  },
  badAttributeInside: (d) => {
    const first = fragment(d).get(0);
    if (first instanceof Y.XmlElement) first.setAttribute('onclick', 'x');
  },
  otherType: (d) => d.getArray('x').push([1]),
  // Repairs a broken structure: deletes every list.
  repair: (d) => {
    const f = fragment(d);
    for (let i = f.length - 1; i >= 0; i--) {
      const child = f.get(i);
      if (child instanceof Y.XmlElement && child.nodeName === 'bulletList') f.delete(i, 1);
    }
  },
};

/** A deterministic pseudo-random sequence (tests must not flake). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('the validation replica', () => {
  it('refuses exactly what a fresh scratch copy refuses, over long mixed sequences', () => {
    const names = Object.keys(edits);
    const outcomes = new Map<string, number>();
    for (const seed of [1, 2, 3, 4]) {
      const next = random(seed);
      const live = new Y.Doc();
      Y.applyUpdate(
        live,
        clientOf(live).edit((d) => fragment(d).push([paragraph('hello')])),
      );
      const clients = [clientOf(live), clientOf(live)];
      for (let step = 0; step < 60; step++) {
        const name = names[Math.floor(next() * names.length)] as string;
        const client = clients[step % 2]!;
        const update = client.edit(edits[name] as Edit);
        const expected = referenceRefusal(live, update);
        const outcome = `${name}: ${expected?.reason ?? 'accepted'}`;
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
        expect(refusalFor(live, update, true), `seed ${seed} step ${step} (${name})`).toBe(expected);
        const roll = next();
        if (expected === null && roll < 0.85) {
          Y.applyUpdate(live, update);
        } else if (expected === null && roll < 0.9) {
          // Applied to the live document behind validation's back, as a server-side writer does,
          // even when it breaks the structure: editors must still be able to repair it.
          Y.applyUpdate(live, clientOf(live).edit(edits.breakStructure as Edit));
        }
        // Otherwise refused, or validated but never applied (a later hook failed): the replica
        // must not keep what the live document never got.
        if (expected !== null || roll >= 0.85) {
          clients[step % 2] = clientOf(live);
        }
      }
    }
    // The sequences went through every path: refusals of both kinds, and a structure-breaking
    // edit both refused (valid document) and let through (already broken document).
    expect(outcomes.get('breakStructure: accepted')).toBeGreaterThan(0);
    expect(outcomes.get(`breakStructure: ${CLOSE.invalidContent.reason}`)).toBeGreaterThan(0);
    expect(outcomes.get(`unknownNode: ${CLOSE.invalidContent.reason}`)).toBeGreaterThan(0);
    expect(outcomes.get('repair: accepted')).toBeGreaterThan(0);
  }, 60_000);

  it('forgets an update that was validated but never applied', () => {
    const live = new Y.Doc();
    const client = clientOf(live);
    const first = client.edit((d) => fragment(d).push([paragraph('one')]));
    expect(refusalFor(live, first, true)).toBeNull();
    // Never applied to the live document: an update building on it has a dangling reference.
    const second = client.edit((d) => {
      const text = (fragment(d).get(0) as Y.XmlElement).get(0) as Y.XmlText;
      text.insert(3, '!');
    });
    expect(refusalFor(live, second, true)).toBe(CLOSE.invalidUpdate);
    expect(live.getXmlFragment('default').length).toBe(0);
  });

  it('leaves the live document untouched when it refuses', () => {
    const live = new Y.Doc();
    Y.applyUpdate(
      live,
      clientOf(live).edit((d) => fragment(d).push([paragraph('hello')])),
    );
    const before = Y.encodeStateAsUpdate(live);
    expect(refusalFor(live, clientOf(live).edit(edits.unknownNode as Edit), true)).toBe(CLOSE.invalidContent);
    expect(refusalFor(live, clientOf(live).edit(edits.badAttributeInside as Edit), true)).toBe(
      CLOSE.invalidContent,
    );
    expect(Y.encodeStateAsUpdate(live)).toEqual(before);
    // And it goes on accepting valid edits afterwards.
    const ok = clientOf(live).edit(edits.type as Edit);
    expect(refusalFor(live, ok, true)).toBeNull();
  });

  it('sees a change inside an unchanged-looking block (the kept verdict is dropped)', () => {
    const live = new Y.Doc();
    Y.applyUpdate(
      live,
      clientOf(live).edit((d) => fragment(d).push([paragraph('a'), paragraph('b')])),
    );
    // Warm the replica: both blocks' verdicts are kept.
    const warm = clientOf(live).edit(edits.append as Edit);
    expect(refusalFor(live, warm, true)).toBeNull();
    Y.applyUpdate(live, warm);
    // A refused mark deep inside the second block.
    const deep = clientOf(live).edit((d) => {
      const text = (fragment(d).get(1) as Y.XmlElement).get(0) as Y.XmlText;
      text.format(0, 1, { link: { href: 'javascript:alert(1)' } });
    });
    expect(refusalFor(live, deep, true)).toBe(CLOSE.invalidContent);
  });
});
