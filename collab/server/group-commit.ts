/**
 * Group commit for the update log: the appends that arrive within one turn of the event loop are
 * written in ONE transaction — one fsync of the WAL instead of one per update — and each caller
 * learns its sequence number only once that transaction has committed (DESIGN.md rule 5: durable
 * before acknowledged). The batch is committed on `setImmediate`, i.e. right after the poll
 * phase that read the sockets, so a burst of updates from many connections shares one fsync and
 * a lone update waits for no timer.
 *
 * Order: entries are inserted in the order they were queued, so sequence numbers follow arrival,
 * and waiters are told in that order. Failure: the transaction is all or nothing, and every
 * waiter of a failed batch is rejected with the error; nothing of it was written.
 */

import { perDatabase } from '../../server/prepared.ts';
import type { Db } from '../../storage/db.ts';
import { appendUpdates, type LogEntry } from './update-log.ts';

/** How an entry's batch ended: committed with this sequence number, or failed. */
type Outcome = { seq: number } | { error: unknown };

/** Called with the entry's outcome in the step that committed (or failed) its batch. */
type Done = (outcome: Outcome) => void;

interface Queued extends LogEntry {
  done: Done;
}

export interface GroupCommit {
  /**
   * Queues `update` for `name`; resolves with its sequence number once it is committed.
   * `onLogged` runs synchronously right after the commit, before any other code can observe the
   * row — for bookkeeping that must not miss it (persistence's in-flight set).
   */
  append(name: string, update: Uint8Array, onLogged?: (seq: number) => void): Promise<number>;
  /**
   * Appends `update` now, synchronously, after everything already queued (same transaction), and
   * returns its sequence number. For callers that cannot wait (a Y.Doc `update` listener); throws
   * when the commit fails, and the queued waiters are rejected too.
   */
  appendNow(name: string, update: Uint8Array): number;
  /** Commits whatever is queued now (nothing when the queue is empty). */
  flush(): void;
}

/** A group-commit writer for the update log of `db`. `schedule` is replaceable for tests. */
export function createGroupCommit(
  db: Db,
  schedule: (flush: () => void) => void = (flush) => setImmediate(flush),
): GroupCommit {
  let queue: Queued[] = [];
  let scheduled = false;

  const flush = () => {
    scheduled = false;
    if (queue.length === 0) return;
    // Swap first: a waiter's callback may queue the next batch.
    const batch = queue;
    queue = [];
    let seqs: number[];
    try {
      seqs = appendUpdates(db, batch);
    } catch (err) {
      for (const entry of batch) entry.done({ error: err });
      return;
    }
    batch.forEach((entry, i) => {
      entry.done({ seq: seqs[i] as number });
    });
  };

  const enqueue = (entry: Queued) => {
    queue.push(entry);
    if (!scheduled) {
      scheduled = true;
      schedule(flush);
    }
  };

  return {
    append(name, update, onLogged) {
      return new Promise<number>((resolve, reject) => {
        enqueue({
          name,
          update,
          done: (outcome) => {
            if ('error' in outcome) return reject(outcome.error);
            // A throwing callback fails its own append only, never the rest of the batch.
            try {
              onLogged?.(outcome.seq);
            } catch (err) {
              return reject(err);
            }
            resolve(outcome.seq);
          },
        });
      });
    },

    appendNow(name, update) {
      let outcome: Outcome | undefined;
      queue.push({ name, update, done: (o) => (outcome = o) });
      flush();
      if (!outcome) throw new Error('collab: the update log flush did not report the append');
      if ('error' in outcome) throw outcome.error;
      return outcome.seq;
    },

    flush,
  };
}

/**
 * The one group-commit writer of `db`: every persistence extension on the same database shares
 * it, so their appends of one turn share the fsync too.
 */
export const groupCommitFor: (db: Db) => GroupCommit = perDatabase((db) => createGroupCommit(db));
