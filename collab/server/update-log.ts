/**
 * The collaboration update log and snapshots in SQLite (storage/schema.ts `collabUpdates`,
 * `collabDocuments`). Every call is synchronous (better-sqlite3), and each write is one
 * statement or one transaction committed with WAL + synchronous=FULL: when it returns, it is on
 * disk. Batching appends into one transaction per event-loop turn is group-commit.ts's job.
 */
import { and, asc, eq, gt, lte, max, sql } from 'drizzle-orm';
import { perDatabase } from '../../server/prepared.ts';
import type { Db } from '../../storage/db.ts';
import { collabDocuments, collabUpdates } from '../../storage/schema.ts';

/** What is stored of one document: the last snapshot and every update logged after it. */
export interface StoredDocument {
  /** The compacted state, or null before the first store. */
  snapshot: Uint8Array | null;
  /** The highest log sequence number folded into `snapshot` (0 without one). */
  foldedSeq: number;
  /** Logged updates not yet folded, oldest first. */
  updates: { seq: number; update: Uint8Array }[];
}

/** The INSERT of one log row, prepared once per database: the append is the hot path. */
function buildInsert(db: Db) {
  return db
    .insert(collabUpdates)
    .values({
      name: sql.placeholder('name'),
      update: sql.placeholder('update'),
      createdAt: sql.placeholder('createdAt'),
    })
    .returning({ seq: collabUpdates.seq })
    .prepare();
}

const insertStatement = perDatabase(buildInsert);

function insertRow(db: Db, name: string, update: Uint8Array, createdAt: Date): number {
  const insert = insertStatement(db);
  const bytes = Buffer.from(update.buffer, update.byteOffset, update.byteLength);
  const row = insert.get({ name, update: bytes, createdAt });
  if (!row) throw new Error('collab: appending to the update log returned no row');
  return row.seq;
}

/** Appends one update (a single INSERT, durable when it returns) and returns its sequence number. */
export function appendUpdate(db: Db, name: string, update: Uint8Array): number {
  return insertRow(db, name, update, new Date());
}

/** One update to append: to document `name`. */
export interface LogEntry {
  name: string;
  update: Uint8Array;
}

/**
 * Appends `entries` in ONE transaction (one fsync of the WAL), in order, and returns their
 * sequence numbers in the same order. All or nothing: when it throws, no row was written.
 */
export function appendUpdates(db: Db, entries: readonly LogEntry[]): number[] {
  const createdAt = new Date();
  return db.$client.transaction(() => entries.map((e) => insertRow(db, e.name, e.update, createdAt)))();
}

/** Reads the snapshot and the unfolded log of `name` in one read transaction (one consistent view). */
export function readStoredDocument(db: Db, name: string): StoredDocument {
  return db.transaction((tx) => {
    const snapshot = tx.select().from(collabDocuments).where(eq(collabDocuments.name, name)).get();
    const foldedSeq = snapshot?.foldedSeq ?? 0;
    const updates = tx
      .select({ seq: collabUpdates.seq, update: collabUpdates.update })
      .from(collabUpdates)
      .where(and(eq(collabUpdates.name, name), gt(collabUpdates.seq, foldedSeq)))
      .orderBy(asc(collabUpdates.seq))
      .all();
    return { snapshot: snapshot?.state ?? null, foldedSeq, updates };
  });
}

/** The highest sequence number logged for `name` (0 when none is). */
export function lastLoggedSeq(db: Db, name: string): number {
  const row = db
    .select({ seq: max(collabUpdates.seq) })
    .from(collabUpdates)
    .where(eq(collabUpdates.name, name))
    .get();
  return row?.seq ?? 0;
}

/**
 * Compaction, in ONE transaction: the snapshot `state` replaces the stored one, and the log rows
 * up to `foldedSeq` are deleted. A crash leaves either the old snapshot with every row, or the
 * new one without the rows it folds — never a state that lost an update. The stored foldedSeq
 * never goes backwards (seq is AUTOINCREMENT, so it is never reused after a delete either).
 */
export function foldLog(db: Db, name: string, state: Uint8Array, foldedSeq: number): void {
  const bytes = Buffer.from(state.buffer, state.byteOffset, state.byteLength);
  const updatedAt = new Date();
  db.transaction((tx) => {
    const stored = tx
      .select({ foldedSeq: collabDocuments.foldedSeq })
      .from(collabDocuments)
      .where(eq(collabDocuments.name, name))
      .get();
    const folded = Math.max(foldedSeq, stored?.foldedSeq ?? 0);
    tx.insert(collabDocuments)
      .values({ name, state: bytes, foldedSeq: folded, updatedAt })
      .onConflictDoUpdate({
        target: collabDocuments.name,
        set: { state: bytes, foldedSeq: folded, updatedAt },
      })
      .run();
    tx.delete(collabUpdates)
      .where(and(eq(collabUpdates.name, name), lte(collabUpdates.seq, folded)))
      .run();
  });
}
