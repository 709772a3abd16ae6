/**
 * One priority's queue held in memory in queue order, answering "how many tickets are ahead of
 * this one" without walking them: a sorted list cut into chunks of at most 2 × CHUNK keys (the
 * layout of Python's sortedcontainers), with a prefix count per chunk that is rebuilt lazily from
 * the first chunk a write touched. A rank is two binary searches (O(log n)) once the prefix counts
 * are current; an insert or removal splices one chunk (O(CHUNK)).
 *
 * Pure data structure: queue-index.ts keeps it equal to the table.
 */

/** A ticket's place in the order: created (epoch ms), then id. */
export interface QueueKey {
  at: number;
  id: string;
}

/**
 * The queue order: negative when `a` is served before `b`. The id ties are broken by plain
 * code-unit comparison, as SQLite's BINARY collation does for the portal's ASCII ids. queue.ts's
 * `aheadOf` is the SQL side of the same order; `compareQueueOrder` delegates here.
 */
export function compareKeys(a: QueueKey, b: QueueKey): number {
  if (a.at !== b.at) return a.at - b.at;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Half the largest chunk: big enough that a 250k-ticket queue has ~500 chunks, small enough to splice fast. */
const CHUNK = 512;

/** Index of the first key in `keys` (sorted) that is not before `key`. */
function lowerBound(keys: readonly QueueKey[], key: QueueKey): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareKeys(keys[mid] as QueueKey, key) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class OrderedQueue {
  /** Non-empty sorted chunks; every key of chunk i comes before every key of chunk i + 1. */
  #chunks: QueueKey[][] = [];
  /** `#before[i]`: how many keys the chunks before chunk i hold; current for i < `#current`. */
  #before: number[] = [];
  #current = 0;
  #size = 0;

  /** A queue holding `sorted` (already in queue order, no duplicates), without re-sorting. */
  static fromSorted(sorted: readonly QueueKey[]): OrderedQueue {
    const queue = new OrderedQueue();
    for (let i = 0; i < sorted.length; i += CHUNK) queue.#chunks.push(sorted.slice(i, i + CHUNK));
    queue.#size = sorted.length;
    return queue;
  }

  /** How many keys the queue holds. */
  get size(): number {
    return this.#size;
  }

  /** How many keys come strictly before `key` (whether or not `key` itself is held). */
  rank(key: QueueKey): number {
    const c = this.#chunkOf(key);
    if (c === this.#chunks.length) return this.#size;
    return this.#offset(c) + lowerBound(this.#chunks[c] as QueueKey[], key);
  }

  /** Adds `key`; false when it was already held. */
  insert(key: QueueKey): boolean {
    if (this.#chunks.length === 0) {
      this.#chunks.push([key]);
      this.#size = 1;
      this.#current = 0;
      return true;
    }
    // After every chunk's last key: it goes at the end of the last chunk.
    const c = Math.min(this.#chunkOf(key), this.#chunks.length - 1);
    const chunk = this.#chunks[c] as QueueKey[];
    const i = lowerBound(chunk, key);
    const at = chunk[i];
    if (at && compareKeys(at, key) === 0) return false;
    chunk.splice(i, 0, key);
    if (chunk.length > 2 * CHUNK) this.#chunks.splice(c, 1, chunk.slice(0, CHUNK), chunk.slice(CHUNK));
    this.#size++;
    this.#touched(c);
    return true;
  }

  /** Removes `key`; false when it was not held. */
  remove(key: QueueKey): boolean {
    const c = this.#chunkOf(key);
    const chunk = this.#chunks[c];
    if (!chunk) return false;
    const i = lowerBound(chunk, key);
    const at = chunk[i];
    if (!at || compareKeys(at, key) !== 0) return false;
    chunk.splice(i, 1);
    if (chunk.length === 0) this.#chunks.splice(c, 1);
    this.#size--;
    this.#touched(c);
    return true;
  }

  /** The first chunk whose last key is not before `key`; the chunk count when there is none. */
  #chunkOf(key: QueueKey): number {
    let lo = 0;
    let hi = this.#chunks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const chunk = this.#chunks[mid] as QueueKey[];
      if (compareKeys(chunk[chunk.length - 1] as QueueKey, key) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** How many keys the chunks before chunk `c` hold, bringing the prefix counts up to `c`. */
  #offset(c: number): number {
    for (; this.#current <= c; this.#current++) {
      const i = this.#current;
      this.#before[i] = i === 0 ? 0 : (this.#before[i - 1] ?? 0) + (this.#chunks[i - 1]?.length ?? 0);
    }
    return this.#before[c] ?? 0;
  }

  /** Chunk `c` changed (or split, or went): the counts of the chunks after it are stale. */
  #touched(c: number): void {
    this.#current = Math.min(this.#current, c + 1);
  }
}
