/**
 * Replay on load (collab/server/replay.ts): the snapshot and the log applied in one Yjs
 * transaction give the same document as applying them one by one, emit one `update`, and a
 * logged update that does not apply is reported and skipped without losing the others.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { replayStored } from '../../collab/server/replay.ts';
import type { StoredDocument } from '../../collab/server/update-log.ts';

/** A document typed in `count` small edits: its snapshot after `snapshotAfter`, then the log. */
function typed(count: number, snapshotAfter: number): { stored: StoredDocument; text: string } {
  const doc = new Y.Doc();
  const text = doc.getText('default');
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  let snapshot: Uint8Array | null = null;
  for (let i = 0; i < count; i++) {
    if (i % 5 === 4) text.delete(Math.floor(text.length / 2), 1);
    else text.insert(i % 3 === 0 ? 0 : text.length, `w${i} `);
    if (i + 1 === snapshotAfter) snapshot = Y.encodeStateAsUpdate(doc);
  }
  const logged = updates.slice(snapshotAfter).map((update, i) => ({ seq: snapshotAfter + i + 1, update }));
  return { stored: { snapshot, foldedSeq: snapshotAfter, updates: logged }, text: text.toString() };
}

describe('replayStored', () => {
  it('rebuilds the document from the snapshot and the log, with one update event', () => {
    const { stored, text } = typed(300, 120);
    const doc = new Y.Doc();
    let events = 0;
    doc.on('update', () => events++);
    replayStored(doc, stored, () => {
      throw new Error('nothing should be skipped');
    });
    expect(doc.getText('default').toString()).toBe(text);
    expect(events).toBe(1);
  });

  it('also replays out-of-order logs (Yjs keeps a pending update until its dependencies arrive)', () => {
    const { stored, text } = typed(50, 0);
    const doc = new Y.Doc();
    replayStored(doc, { ...stored, updates: [...stored.updates].reverse() }, () => {});
    expect(doc.getText('default').toString()).toBe(text);
  });

  it('skips and reports an update that does not apply, and applies the rest', () => {
    const { stored } = typed(20, 0);
    const broken = { seq: 999, update: Uint8Array.of(0xff, 0xff, 0xff, 0xff) };
    const withBroken = { ...stored, updates: [...stored.updates, broken] };
    const skipped: number[] = [];
    const doc = new Y.Doc();
    replayStored(doc, withBroken, (seq) => skipped.push(seq));
    expect(skipped).toEqual([999]);
    const expected = new Y.Doc();
    for (const { update } of stored.updates) Y.applyUpdate(expected, update);
    expect(doc.getText('default').toString()).toBe(expected.getText('default').toString());
  });
});
