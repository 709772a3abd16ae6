/**
 * Statements prepared once and reused. Building a query with drizzle and preparing it in SQLite
 * cost more than running it on the request hot path (docs/PERFORMANCE.md), so the fixed queries
 * are prepared once per database (`perDatabase`), and the queries whose where-clause is the
 * policy's scope for one actor are prepared once per database and actor (`perKey`).
 */
import { Column } from 'drizzle-orm';
import type { Db } from '../storage/db.ts';

/** `build(db)` once per database: for statements whose only inputs are placeholders. */
export function perDatabase<T>(build: (db: Db) => T): (db: Db) => T {
  const built = new WeakMap<Db, T>();
  return (db) => {
    let value = built.get(db);
    if (value === undefined) {
      value = build(db);
      built.set(db, value);
    }
    return value;
  };
}

const changeStampStatement = perDatabase((db) =>
  db.$client.prepare('SELECT total_changes(), (SELECT data_version FROM pragma_data_version)').raw(),
);

let inTransactionStamps = 0;

/**
 * The database's change stamp: equal stamps mean no row changed in between — neither through this
 * connection (`total_changes()`, which counts its writes, committed or not) nor by a commit of any
 * other connection (`data_version`). Caches of derived answers compare it. Inside a transaction
 * every stamp is new, so nothing is cached or served there: an answer read from uncommitted rows
 * would otherwise outlive a rollback, which does not lower `total_changes()`.
 */
export function changeStamp(db: Db): string {
  if (db.$client.inTransaction) return `tx:${++inTransactionStamps}`;
  const [changes, version] = changeStampStatement(db).get() as [number, number];
  return `${changes}:${version}`;
}

/**
 * `build()` once per database and key, keeping the `limit` most recently used per database. The
 * key must name everything the built statement depends on (for a scoped query: the whole actor),
 * so two callers share a statement only when building it for either would give the same SQL.
 */
export function perKey<T>(limit: number): (db: Db, key: string, build: () => T) => T {
  const byDb = new WeakMap<Db, Map<string, T>>();
  return (db, key, build) => {
    let entries = byDb.get(db);
    if (!entries) {
      entries = new Map();
      byDb.set(db, entries);
    }
    const found = entries.get(key);
    if (found !== undefined) {
      // Most recently used last: Map keeps insertion order, so the first key is the coldest.
      entries.delete(key);
      entries.set(key, found);
      return found;
    }
    const value = build();
    entries.set(key, value);
    if (entries.size > limit) {
      const coldest = entries.keys().next();
      if (!coldest.done) entries.delete(coldest.value);
    }
    return value;
  };
}

/**
 * Reads the raw rows of a flat selection (`fields`, as passed to `db.select(fields)`, fetched with
 * `.values()`) into objects, decoding each column exactly as drizzle does (timestamps to Date,
 * booleans) but without its per-cell entity checks, which on aliased columns cost more than the
 * query itself for a list. Columns are in `fields`' key order, as drizzle selects them.
 */
export function rowReader<Row>(fields: Record<string, Column>): (values: unknown[]) => Row {
  const identity = Column.prototype.mapFromDriverValue;
  // Text and plain integer columns store what they return: only the others need their decoder.
  const columns = Object.entries(fields).map(([name, column]) => {
    const decode = column.mapFromDriverValue;
    return { name, decode: decode === identity ? null : (raw: unknown) => decode.call(column, raw) };
  });
  return (values) => {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < columns.length; i++) {
      const { name, decode } = columns[i] as (typeof columns)[number];
      const raw = values[i] ?? null;
      row[name] = raw === null || decode === null ? raw : decode(raw);
    }
    return row as Row;
  };
}
