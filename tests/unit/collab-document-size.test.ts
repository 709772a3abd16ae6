/**
 * The running size bound behind the document size limit (collab/server/document-size.ts): it
 * must refuse exactly when encoding the whole document would, whatever changed the document.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { wouldExceed } from '../../collab/server/document-size.ts';

const exact = (doc: Y.Doc, update: Uint8Array, limit: number) =>
  update.byteLength > limit || Y.encodeStateAsUpdate(doc).byteLength + update.byteLength > limit;

/** The update `change` makes to a copy of `doc`. */
function updateFor(doc: Y.Doc, change: (text: Y.Text) => void): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(copy);
  change(copy.getText('t'));
  return Y.encodeStateAsUpdate(copy, before);
}

describe('wouldExceed', () => {
  it('agrees with encoding the whole document, as it grows and as deletions split it', () => {
    const limit = 4000;
    const doc = new Y.Doc();
    let refused = 0;
    for (let step = 0; step < 300; step++) {
      const update = updateFor(doc, (text) => {
        if (step % 3 === 2 && text.length > 4) text.delete((step * 7) % (text.length - 2), 1);
        else text.insert(text.length, `chunk ${step} `);
      });
      const expected = exact(doc, update, limit);
      expect(wouldExceed(doc, update, limit), `step ${step}`).toBe(expected);
      if (expected) refused++;
      else Y.applyUpdate(doc, update);
    }
    expect(refused).toBeGreaterThan(0);
    expect(Y.encodeStateAsUpdate(doc).byteLength).toBeLessThanOrEqual(limit);
  });

  it('counts changes that did not pass through it (a server-side write)', () => {
    const limit = 2000;
    const doc = new Y.Doc();
    const small = updateFor(doc, (text) => text.insert(0, 'hello'));
    expect(wouldExceed(doc, small, limit)).toBe(false);
    doc.getText('t').insert(0, 'x'.repeat(1990));
    const next = updateFor(doc, (text) => text.insert(0, 'more'));
    expect(wouldExceed(doc, next, limit)).toBe(true);
  });

  it('refuses an update larger than the limit on its own', () => {
    const doc = new Y.Doc();
    const huge = updateFor(doc, (text) => text.insert(0, 'x'.repeat(5000)));
    expect(wouldExceed(doc, huge, 4000)).toBe(true);
  });
});
