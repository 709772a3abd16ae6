/**
 * The in-memory queue order (server/modules/tickets/ordered-queue.ts) against a sorted array:
 * random inserts and removals, enough keys to split chunks and empty them again.
 */
import { describe, expect, it } from 'vitest';
import { compareKeys, OrderedQueue, type QueueKey } from '../../server/modules/tickets/ordered-queue.ts';
import { seededRandom } from '../support/random.ts';

/** The oracle's rank: keys strictly before `key`, by a linear scan. */
const rankIn = (sorted: QueueKey[], key: QueueKey) => sorted.filter((k) => compareKeys(k, key) < 0).length;

describe('OrderedQueue', () => {
  it('orders by time, then id by code unit', () => {
    expect(compareKeys({ at: 1, id: 'b' }, { at: 2, id: 'a' })).toBeLessThan(0);
    expect(compareKeys({ at: 2, id: 'B' }, { at: 2, id: 'a' })).toBeLessThan(0);
    expect(compareKeys({ at: 2, id: 'a' }, { at: 2, id: 'a' })).toBe(0);
  });

  it('ranks like a sorted array through thousands of inserts and removals', () => {
    const random = seededRandom(7);
    const queue = new OrderedQueue();
    let oracle: QueueKey[] = [];
    // Few distinct times, so ties on `at` are common; ids from a small alphabet, so duplicates are tried.
    const randomKey = (): QueueKey => ({
      at: Math.floor(random() * 300),
      id: `t${Math.floor(random() * 3000)}`,
    });
    for (let op = 0; op < 12_000; op++) {
      const key = randomKey();
      const held = oracle.some((k) => compareKeys(k, key) === 0);
      // Grow to a few thousand keys (several chunk splits), then shrink to empty chunks.
      if (op < 8_000 ? random() < 0.8 : random() < 0.15) {
        expect(queue.insert(key)).toBe(!held);
        if (!held) {
          const at = oracle.findIndex((k) => compareKeys(k, key) > 0);
          oracle.splice(at === -1 ? oracle.length : at, 0, key);
        }
      } else {
        const victim =
          held || oracle.length === 0 ? key : (oracle[Math.floor(random() * oracle.length)] as QueueKey);
        const victimHeld = oracle.some((k) => compareKeys(k, victim) === 0);
        expect(queue.remove(victim)).toBe(victimHeld);
        oracle = oracle.filter((k) => compareKeys(k, victim) !== 0);
      }
      expect(queue.size).toBe(oracle.length);
      if (op % 25 === 0) {
        for (let probe = 0; probe < 20; probe++) {
          const k =
            random() < 0.5 && oracle.length > 0
              ? (oracle[Math.floor(random() * oracle.length)] as QueueKey)
              : randomKey();
          expect(queue.rank(k), `op ${op}`).toBe(rankIn(oracle, k));
        }
      }
    }
    expect(queue.rank({ at: Number.MAX_SAFE_INTEGER, id: '' })).toBe(oracle.length);
  }, 30_000);

  it('builds from a sorted list and keeps ranking as it changes', () => {
    const keys = Array.from({ length: 5000 }, (_, i) => ({
      at: Math.floor(i / 3),
      id: `k${String(i).padStart(5, '0')}`,
    }));
    const queue = OrderedQueue.fromSorted(keys);
    expect(queue.size).toBe(5000);
    expect(queue.rank(keys[0] as QueueKey)).toBe(0);
    expect(queue.rank(keys[4321] as QueueKey)).toBe(4321);
    expect(queue.remove(keys[10] as QueueKey)).toBe(true);
    expect(queue.rank(keys[4321] as QueueKey)).toBe(4320);
    expect(queue.insert({ at: -1, id: 'first' })).toBe(true);
    expect(queue.rank(keys[4321] as QueueKey)).toBe(4321);
    expect(queue.rank({ at: 1e9, id: 'last' })).toBe(5000);
  });
});
