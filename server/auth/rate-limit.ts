/**
 * Rate limits kept in SQLite, so they hold across restarts: token buckets per key, and a growing
 * lock-out per sign-in identity after repeated failures.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../storage/db.ts';
import { rateLimitBuckets } from '../../storage/schema.ts';
import { rateLimited } from '../http/errors.ts';

export interface BucketRule {
  /** Burst size. */
  capacity: number;
  /** Seconds for an empty bucket to refill completely. */
  refillSeconds: number;
}

export class RateLimiter {
  readonly #db: Db;
  readonly #scale: number;

  constructor(db: Db, scale = 1) {
    this.#db = db;
    this.#scale = scale;
  }

  /** Takes one token from `key`'s bucket or throws 429 with the seconds until one is back. */
  consume(key: string, rule: BucketRule, now = Date.now()): void {
    const capacity = Math.max(1, Math.round(rule.capacity * this.#scale));
    const perMs = capacity / (rule.refillSeconds * 1000);
    const retryAfter = this.#db.transaction((tx) => {
      const row = tx.select().from(rateLimitBuckets).where(eq(rateLimitBuckets.key, key)).get();
      const tokens = row ? Math.min(capacity, row.tokens + (now - row.updatedAt) * perMs) : capacity;
      if (tokens < 1) return (1 - tokens) / perMs / 1000;
      tx.insert(rateLimitBuckets)
        .values({ key, tokens: tokens - 1, updatedAt: now })
        .onConflictDoUpdate({ target: rateLimitBuckets.key, set: { tokens: tokens - 1, updatedAt: now } })
        .run();
      return 0;
    });
    if (retryAfter > 0) throw rateLimited(retryAfter);
  }

  /** Seconds left on a lock-out for `key`, or 0 when none. */
  lockedFor(key: string, now = Date.now()): number {
    const row = this.#db.select().from(rateLimitBuckets).where(eq(rateLimitBuckets.key, key)).get();
    if (!row?.lockedUntil || row.lockedUntil <= now) return 0;
    return (row.lockedUntil - now) / 1000;
  }

  /**
   * Counts a failure. From the fifth in a row the key is locked, 30 s doubling each time up to
   * 15 minutes: slow for a guesser, short for a person who mistyped. Returns the lock in seconds.
   */
  recordFailure(key: string, now = Date.now()): number {
    return this.#db.transaction((tx) => {
      const row = tx.select().from(rateLimitBuckets).where(eq(rateLimitBuckets.key, key)).get();
      // Failures older than a day are forgotten.
      const failures = row && now - row.updatedAt < 86_400_000 ? row.tokens + 1 : 1;
      const lockSeconds = failures >= 5 ? Math.min(30 * 2 ** (failures - 5), 15 * 60) : 0;
      const lockedUntil = lockSeconds ? now + lockSeconds * 1000 : null;
      tx.insert(rateLimitBuckets)
        .values({ key, tokens: failures, updatedAt: now, lockedUntil })
        .onConflictDoUpdate({
          target: rateLimitBuckets.key,
          set: { tokens: failures, updatedAt: now, lockedUntil },
        })
        .run();
      return lockSeconds;
    });
  }

  /** Forgets failures after a success. */
  reset(key: string): void {
    this.#db.delete(rateLimitBuckets).where(eq(rateLimitBuckets.key, key)).run();
  }
}

/** The limits in force; RATE_LIMIT_SCALE multiplies the capacities. */
export const LIMITS = {
  loginPerIp: { capacity: 30, refillSeconds: 600 },
  magicLinkPerIp: { capacity: 10, refillSeconds: 600 },
  magicLinkPerEmail: { capacity: 3, refillSeconds: 900 },
  magicLinkVerifyPerIp: { capacity: 30, refillSeconds: 600 },
  twoFactorPerIp: { capacity: 30, refillSeconds: 600 },
  passwordChangePerUser: { capacity: 10, refillSeconds: 600 },
  invitePerActor: { capacity: 30, refillSeconds: 600 },
} satisfies Record<string, BucketRule>;
