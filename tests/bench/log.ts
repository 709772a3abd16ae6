/**
 * The cost of durability (collab/server/update-log.ts): the latency of one `appendUpdate`
 * (a single INSERT committed with WAL + synchronous=FULL: an fsync of the WAL per update), and
 * the time to compact a document with 10k logged updates (read the log, apply every update,
 * encode the state, write the snapshot and delete the folded rows in one transaction) — the work
 * of a store after a long editing session, and of a load of a never-stored document.
 */
import * as Y from 'yjs';
import { appendUpdate, foldLog, lastLoggedSeq, readStoredDocument } from '../../collab/server/update-log.ts';
import { summarize, timeSync } from './lib/stats.ts';
import type { BenchOptions, BenchRow } from './lib/types.ts';
import { tempDb } from './support/temp-db.ts';

/** `count` small typing updates, as an editor produces them (a few characters each). */
function typingUpdates(count: number): Uint8Array[] {
  const doc = new Y.Doc();
  const text = doc.getText('default');
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < count; i++) {
    // Mostly appends, some inserts in the middle and deletes: a realistic mix for the fold.
    if (i % 10 === 9 && text.length > 5) text.delete(Math.floor(text.length / 2), 3);
    else text.insert(i % 7 === 0 ? Math.floor(text.length / 3) : text.length, `w${i % 100} `);
  }
  return updates;
}

export async function logBench(opts: BenchOptions): Promise<BenchRow[]> {
  const temp = tempDb();
  try {
    const n = opts.quick ? 500 : 3000;
    const updates = typingUpdates(n + 50);
    const append = timeSync(n, (i) => {
      appendUpdate(temp.db, 'ticket:bench-append', updates[i % updates.length] as Uint8Array);
    });

    const logged = opts.quick ? 2000 : 10_000;
    const name = 'ticket:bench-compact';
    const compactUpdates = typingUpdates(logged);
    const insert = temp.db.$client.transaction(() => {
      for (const u of compactUpdates) appendUpdate(temp.db, name, u);
    });
    const runs: number[] = [];
    const phases = { read: 0, apply: 0, encode: 0, write: 0 };
    for (let r = 0; r < (opts.quick ? 2 : 5); r++) {
      insert();
      const t0 = performance.now();
      const stored = readStoredDocument(temp.db, name);
      const t1 = performance.now();
      const doc = new Y.Doc();
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const { update } of stored.updates) Y.applyUpdate(doc, update);
      const t2 = performance.now();
      const state = Y.encodeStateAsUpdate(doc);
      const t3 = performance.now();
      foldLog(temp.db, name, state, lastLoggedSeq(temp.db, name));
      const t4 = performance.now();
      runs.push(t4 - t0);
      phases.read += t1 - t0;
      phases.apply += t2 - t1;
      phases.encode += t3 - t2;
      phases.write += t4 - t3;
    }
    const k = runs.length;
    const compact = summarize(runs);
    return [
      {
        benchmark: 'log',
        case: 'appendUpdate (synchronous=FULL)',
        unit: 'ms',
        ...append,
        target: 'p99 < 1 ms',
        met: append.p99 < 1,
      },
      {
        benchmark: 'log',
        case: `compaction of ${logged / 1000}k logged updates`,
        unit: 'ms',
        ...compact,
        note: `median of ${k}; mean read ${(phases.read / k).toFixed(1)}, apply ${(phases.apply / k).toFixed(1)}, encode ${(phases.encode / k).toFixed(1)}, write ${(phases.write / k).toFixed(1)} ms`,
      },
    ];
  } finally {
    temp.dispose();
  }
}
