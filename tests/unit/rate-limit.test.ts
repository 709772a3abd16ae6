import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RateLimiter } from '../../server/auth/rate-limit.ts';
import { AppError } from '../../server/http/errors.ts';
import { tempDatabase } from '../support/db.ts';

describe('rate limits', () => {
  let t: ReturnType<typeof tempDatabase>;
  beforeEach(() => {
    t = tempDatabase();
  });
  afterEach(() => t.close());

  it('lets a burst through, then refuses with Retry-After, then refills', () => {
    const limiter = new RateLimiter(t.db);
    const rule = { capacity: 3, refillSeconds: 30 };
    const now = 1_000_000;
    for (let i = 0; i < 3; i++) limiter.consume('k', rule, now);
    let error: unknown;
    try {
      limiter.consume('k', rule, now);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(429);
    expect(Number((error as AppError).headers['retry-after'])).toBe(10);
    expect(() => limiter.consume('k', rule, now + 10_000)).not.toThrow();
    expect(() => limiter.consume('other', rule, now)).not.toThrow();
  });

  it('locks an identity from the fifth failure, doubling, capped at 15 minutes', () => {
    const limiter = new RateLimiter(t.db);
    const now = 5_000_000;
    const locks = Array.from({ length: 12 }, () => limiter.recordFailure('login-fail:a@b', now));
    expect(locks.slice(0, 4)).toEqual([0, 0, 0, 0]);
    expect(locks.slice(4, 7)).toEqual([30, 60, 120]);
    expect(locks.at(-1)).toBe(900);
    expect(limiter.lockedFor('login-fail:a@b', now)).toBe(900);
    limiter.reset('login-fail:a@b');
    expect(limiter.lockedFor('login-fail:a@b', now)).toBe(0);
  });

  it('scales capacity for tests but never below one', () => {
    const limiter = new RateLimiter(t.db, 0.01);
    expect(() => limiter.consume('s', { capacity: 3, refillSeconds: 60 })).not.toThrow();
    expect(() => limiter.consume('s', { capacity: 3, refillSeconds: 60 })).toThrow(AppError);
  });
});
