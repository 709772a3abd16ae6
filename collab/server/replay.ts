/**
 * Rebuilding a document from storage: the snapshot, then every logged update after it, in order,
 * all in ONE Yjs transaction. Yjs then merges the integrated structs and emits `update` once at
 * the end, instead of cleaning up and emitting per logged update — 4× faster for a 10k-update log
 * (tests/bench/log.ts). `Y.mergeUpdates` over the log was measured too and is far slower (seconds
 * for 10k small updates), so it is not used.
 */
import * as Y from 'yjs';
import type { StoredDocument } from './update-log.ts';

/**
 * Applies `stored` to `document`. A logged update that does not apply is passed to `skipped` and
 * left out: losing one update beats a document nobody can open again.
 */
export function replayStored(
  document: Y.Doc,
  stored: StoredDocument,
  skipped: (seq: number, err: unknown) => void,
): void {
  Y.transact(document, () => {
    if (stored.snapshot) Y.applyUpdate(document, stored.snapshot);
    for (const { seq, update } of stored.updates) {
      try {
        Y.applyUpdate(document, update);
      } catch (err) {
        skipped(seq, err);
      }
    }
  });
}
