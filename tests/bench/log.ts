/**
 * The cost of durability (collab/server/update-log.ts, group-commit.ts), WAL + synchronous=FULL:
 * - append latency, sequential (one append at a time) and concurrent (50 documents appending in
 *   the same event-loop turn, as a busy collaboration server sees them), each both ways: one
 *   transaction (one fsync) per append, as before, and the group commit the server uses now (the
 *   appends of a turn share one transaction). A concurrent append's latency runs from the start
 *   of its turn to its own commit: with one commit per append, the 50th waits for 49 fsyncs.
 * - compaction of a document with 10k logged updates: read the log, replay it (replay.ts: one Yjs
 *   transaction), encode the state, write the snapshot and delete the folded rows in one
 *   transaction — the work of a load of a never-stored document followed by a store.
 */
import * as Y from 'yjs';
import { createGroupCommit } from '../../collab/server/group-commit.ts';
import { replayStored } from '../../collab/server/replay.ts';
import { appendUpdate, foldLog, lastLoggedSeq, readStoredDocument } from '../../collab/server/update-log.ts';
import { median, summarize } from './lib/stats.ts';
import type { BenchOptions, BenchRow } from './lib/types.ts';
import { type TempDb, tempDb } from './support/temp-db.ts';

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

/** One append: resolves, once the update is durable, with that moment (`performance.now()`). */
type Append = (name: string, update: Uint8Array) => Promise<number>;

const CONCURRENT_DOCUMENTS = 50;

/** Latency of `n` appends made one after another (each awaited before the next). */
async function sequential(append: Append, updates: Uint8Array[], n: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = -50; i < n; i++) {
    const t0 = performance.now();
    const durable = await append('ticket:bench-sequential', updates[(i + 50) % updates.length] as Uint8Array);
    if (i >= 0) samples.push(durable - t0);
  }
  return samples;
}

/**
 * `rounds` turns in each of which 50 documents append at once; per-append latency from the
 * start of the turn, and the appends per second over the whole run.
 */
async function concurrent(
  append: Append,
  updates: Uint8Array[],
  rounds: number,
): Promise<{ samples: number[]; perSecond: number }> {
  const samples: number[] = [];
  const started = performance.now();
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENT_DOCUMENTS }, (_, d) =>
        append(`ticket:bench-doc${d}`, updates[(r + d) % updates.length] as Uint8Array).then((durable) =>
          samples.push(durable - t0),
        ),
      ),
    );
  }
  return { samples, perSecond: samples.length / ((performance.now() - started) / 1000) };
}

async function appendRows(temp: TempDb, quick: boolean): Promise<BenchRow[]> {
  const n = quick ? 500 : 3000;
  const rounds = quick ? 40 : 200;
  const updates = typingUpdates(n + 50);
  // Before: every append its own transaction, committed synchronously in the call.
  const perAppend: Append = async (name, update) => {
    appendUpdate(temp.db, name, update);
    return performance.now();
  };
  // Now: the server's group commit.
  const group = createGroupCommit(temp.db);
  const grouped: Append = (name, update) => group.append(name, update).then(() => performance.now());

  const rows: BenchRow[] = [];
  const row = (label: string, samples: number[], note: string, target: boolean): BenchRow => {
    const s = summarize(samples);
    return {
      benchmark: 'log',
      case: label,
      unit: 'ms',
      ...s,
      note,
      ...(target ? { target: 'p99 < 1 ms', met: s.p99 < 1 } : {}),
    };
  };
  // Interleaved, so machine drift hits both ways alike.
  const seqBefore = await sequential(perAppend, updates, n);
  const seqGroup = await sequential(grouped, updates, n);
  const conBefore = await concurrent(perAppend, updates, rounds);
  const conGroup = await concurrent(grouped, updates, rounds);
  rows.push(row('append, sequential, one commit per append', seqBefore, 'before group commit', false));
  rows.push(row('append, sequential, group commit', seqGroup, 'what the server does', true));
  rows.push(
    row(
      `append, ${CONCURRENT_DOCUMENTS} docs in one turn, one commit per append`,
      conBefore.samples,
      `${conBefore.perSecond.toFixed(0)} appends/s; before group commit`,
      false,
    ),
  );
  rows.push(
    row(
      `append, ${CONCURRENT_DOCUMENTS} docs in one turn, group commit`,
      conGroup.samples,
      `${conGroup.perSecond.toFixed(0)} appends/s; one transaction per turn`,
      true,
    ),
  );
  return rows;
}

function compactionRow(temp: TempDb, quick: boolean): BenchRow {
  const logged = quick ? 2000 : 10_000;
  const name = 'ticket:bench-compact';
  const compactUpdates = typingUpdates(logged);
  const insert = temp.db.$client.transaction(() => {
    for (const u of compactUpdates) appendUpdate(temp.db, name, u);
  });
  const runs: number[] = [];
  const phases = {
    read: [] as number[],
    apply: [] as number[],
    encode: [] as number[],
    write: [] as number[],
  };
  const applyOneByOne: number[] = [];
  // One untimed run first, so neither replay is measured with cold (unoptimised) code.
  for (let r = -1; r < (quick ? 2 : 5); r++) {
    insert();
    const t0 = performance.now();
    const stored = readStoredDocument(temp.db, name);
    const t1 = performance.now();
    const doc = new Y.Doc();
    replayStored(doc, stored, (seq, err) => {
      throw new Error(`update ${seq} does not apply: ${String(err)}`);
    });
    const t2 = performance.now();
    const state = Y.encodeStateAsUpdate(doc);
    const t3 = performance.now();
    foldLog(temp.db, name, state, lastLoggedSeq(temp.db, name));
    const t4 = performance.now();
    // The replay as it was (one applyUpdate, one transaction each), for comparison.
    const before = new Y.Doc();
    const t5 = performance.now();
    for (const { update } of stored.updates) Y.applyUpdate(before, update);
    const t6 = performance.now();
    if (r < 0) continue;
    runs.push(t4 - t0);
    phases.read.push(t1 - t0);
    phases.apply.push(t2 - t1);
    phases.encode.push(t3 - t2);
    phases.write.push(t4 - t3);
    applyOneByOne.push(t6 - t5);
  }
  // Medians: one run disturbed by the shared machine should not move a phase.
  const ms = (values: number[]) => median(values).toFixed(1);
  return {
    benchmark: 'log',
    case: `compaction of ${logged / 1000}k logged updates`,
    unit: 'ms',
    ...summarize(runs),
    note:
      `median of ${runs.length}; phase medians: read ${ms(phases.read)}, apply ${ms(phases.apply)} ` +
      `(one by one, as before: ${ms(applyOneByOne)}), encode ${ms(phases.encode)}, write ${ms(phases.write)} ms`,
  };
}

export async function logBench(opts: BenchOptions): Promise<BenchRow[]> {
  const temp = tempDb();
  try {
    const rows = await appendRows(temp, opts.quick);
    rows.push(compactionRow(temp, opts.quick));
    return rows;
  } finally {
    temp.dispose();
  }
}
