/**
 * The ticket queues in memory, one OrderedQueue per priority, so a position is a rank in
 * O(log n) instead of a COUNT that walks every index entry ahead (queue.ts). It must answer
 * exactly what the SQL counts answer, so it follows the table itself rather than the services:
 *
 * - Loaded from the table on first use, once per database connection.
 * - A TEMP trigger (connection-local: no schema change, no migration) calls a JS function with the
 *   id of every ticket row inserted, deleted, or whose status, priority, created_at or id changed —
 *   whoever wrote it: a service, a builder in a test, a seed. The function only marks the id dirty;
 *   it may not touch the connection while SQLite runs the statement.
 * - Before answering, each dirty id is re-read from the table and moved. Re-reading (rather than
 *   trusting the trigger's values) makes a rolled-back write harmless: the old row is read back.
 * - Inside an open transaction the index does not answer (`null`): the rows there may be
 *   uncommitted and rolled back after being read. The caller counts in SQL, which sees what the
 *   transaction sees.
 * - A commit by another connection (another process on the same file) moves
 *   `PRAGMA data_version`; the index then reloads from the table. The portal runs one connection
 *   per database file (storage/db.ts), so that is a seed or migration run beside it, not traffic.
 */
import type Database from 'better-sqlite3';
import { OrderedQueue, type QueueKey } from './ordered-queue.ts';

/** Counts per priority; `rank` counts the keys strictly ahead. */
export interface QueueIndex {
  rank(priority: string, key: QueueKey): number;
  total(priority: string): number;
}

/**
 * Above this many dirty ids, reload the whole table instead of re-reading row by row (a bulk
 * import after the index was built).
 */
const RELOAD_ABOVE = 20_000;

/** Where a ticket sits in the index, to move it out again. */
interface Placed {
  priority: string;
  key: QueueKey;
}

/** The raw statements of one connection. Raw SQL: the trigger has to be, and the load reads 1M rows. */
function statementsOf(client: Database.Database, statuses: readonly string[]) {
  const queued = statuses.map((s) => `'${s}'`).join(', ');
  return {
    load: client.prepare(
      `SELECT id, priority, created_at AS at FROM tickets WHERE status IN (${queued}) ORDER BY created_at, id`,
    ),
    row: client.prepare('SELECT status, priority, created_at AS at FROM tickets WHERE id = ?'),
    dataVersion: client.prepare('PRAGMA data_version').pluck(),
  };
}

class TableQueueIndex implements QueueIndex {
  readonly #client: Database.Database;
  readonly #statuses: ReadonlySet<string>;
  readonly #sql: ReturnType<typeof statementsOf>;
  readonly #dirty = new Set<string>();
  #queues = new Map<string, OrderedQueue>();
  #placed = new Map<string, Placed>();
  #dataVersion = 0;

  constructor(client: Database.Database, statuses: readonly string[], functionName: string) {
    this.#client = client;
    this.#statuses = new Set(statuses);
    this.#sql = statementsOf(client, statuses);
    client.function(functionName, { deterministic: false }, (id: unknown) => {
      if (typeof id === 'string') this.#dirty.add(id);
      return null;
    });
    // TEMP: lives and dies with this connection, which is the only one whose writes it sees.
    client.exec(`
      CREATE TEMP TRIGGER IF NOT EXISTS ${functionName}_insert AFTER INSERT ON main.tickets
        BEGIN SELECT ${functionName}(NEW.id); END;
      CREATE TEMP TRIGGER IF NOT EXISTS ${functionName}_delete AFTER DELETE ON main.tickets
        BEGIN SELECT ${functionName}(OLD.id); END;
      CREATE TEMP TRIGGER IF NOT EXISTS ${functionName}_update
        AFTER UPDATE OF status, priority, created_at, id ON main.tickets
        BEGIN SELECT ${functionName}(OLD.id); SELECT ${functionName}(NEW.id); END;
    `);
    this.#reload();
  }

  /** Brings the index up to the table; false when it cannot answer now (inside a transaction). */
  catchUp(): boolean {
    if (this.#client.inTransaction) return false;
    if (this.#sql.dataVersion.get() !== this.#dataVersion || this.#dirty.size > RELOAD_ABOVE) {
      this.#reload();
      return true;
    }
    for (const id of this.#dirty) this.#refresh(id);
    this.#dirty.clear();
    return true;
  }

  rank(priority: string, key: QueueKey): number {
    return this.#queues.get(priority)?.rank(key) ?? 0;
  }

  total(priority: string): number {
    return this.#queues.get(priority)?.size ?? 0;
  }

  #reload(): void {
    // Everything the load reads is covered: no write can land inside this synchronous call.
    this.#dataVersion = this.#sql.dataVersion.get() as number;
    this.#dirty.clear();
    const sorted = new Map<string, QueueKey[]>();
    const placed = new Map<string, Placed>();
    for (const row of this.#sql.load.iterate() as IterableIterator<{
      id: string;
      priority: string;
      at: number;
    }>) {
      const key = { at: row.at, id: row.id };
      let keys = sorted.get(row.priority);
      if (!keys) {
        keys = [];
        sorted.set(row.priority, keys);
      }
      keys.push(key);
      placed.set(row.id, { priority: row.priority, key });
    }
    this.#queues = new Map([...sorted].map(([priority, keys]) => [priority, OrderedQueue.fromSorted(keys)]));
    this.#placed = placed;
  }

  /** Moves one ticket to where the table says it is now (out, when gone or no longer queued). */
  #refresh(id: string): void {
    const before = this.#placed.get(id);
    if (before) {
      this.#queues.get(before.priority)?.remove(before.key);
      this.#placed.delete(id);
    }
    const row = this.#sql.row.get(id) as { status: string; priority: string; at: number } | undefined;
    if (!row || !this.#statuses.has(row.status)) return;
    const key = { at: row.at, id };
    let queue = this.#queues.get(row.priority);
    if (!queue) {
      queue = new OrderedQueue();
      this.#queues.set(row.priority, queue);
    }
    queue.insert(key);
    this.#placed.set(id, { priority: row.priority, key });
  }
}

/** One index per connection (not per drizzle wrapper: two wrappers share one connection's trigger). */
const indexes = new WeakMap<Database.Database, TableQueueIndex>();

/**
 * The queue index of this connection, current with the table, or null when it may not answer
 * now (an open transaction: count in SQL). Built on first use; `statuses` are the queued ones.
 */
export function currentQueueIndex(client: Database.Database, statuses: readonly string[]): QueueIndex | null {
  let index = indexes.get(client);
  if (!index) {
    // Never load inside a transaction: it could load rows that are then rolled back.
    if (client.inTransaction) return null;
    index = new TableQueueIndex(client, statuses, 'portal_queue_index_touch');
    indexes.set(client, index);
    return index;
  }
  return index.catchUp() ? index : null;
}
