/**
 * The stored TOTP credential: its key sealed with AES-256-GCM under the server's secret key,
 * whether enrolment is confirmed, the last accepted step, and the failed-attempt window.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../../storage/db.ts';
import { totpCredentials } from '../../../storage/schema.ts';
import { openSecret, sealSecret } from '../crypto.ts';

/** A transaction handle (what `db.transaction` passes to its callback). */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** At most this many wrong codes per window; the next attempt is refused until it ends. */
export const MAX_FAILED_ATTEMPTS = 5;
export const FAILED_WINDOW_MS = 30 * 60 * 1000;

export interface TotpCredential {
  userId: string;
  key: Uint8Array;
  enabled: boolean;
  lastUsedStep: number;
  failedAttempts: number;
  failedWindowStart: Date | null;
}

// Binds the sealed key to its owner: a key copied onto another user's row will not open.
const sealContext = (userId: string) => `totp:${userId}`;

/** Loads and decrypts a user's credential, pending or enabled; null when there is none. */
export function loadCredential(tx: Tx | Db, secretKey: Buffer, userId: string): TotpCredential | null {
  const row = tx.select().from(totpCredentials).where(eq(totpCredentials.userId, userId)).get();
  if (!row) return null;
  return {
    userId,
    key: new Uint8Array(openSecret(secretKey, row.secretEncrypted, sealContext(userId))),
    enabled: row.enabledAt !== null,
    lastUsedStep: row.lastUsedStep,
    failedAttempts: row.failedAttempts,
    failedWindowStart: row.failedWindowStart,
  };
}

/**
 * Stores a pending (unconfirmed) key, replacing a pending one. The failed-attempt window is
 * kept, so starting setup again does not wipe a lock-out.
 */
export function savePendingCredential(db: Db, secretKey: Buffer, userId: string, key: Uint8Array): void {
  const secretEncrypted = sealSecret(secretKey, key, sealContext(userId));
  db.insert(totpCredentials)
    .values({ userId, secretEncrypted, enabledAt: null, lastUsedStep: 0 })
    .onConflictDoUpdate({
      target: totpCredentials.userId,
      set: { secretEncrypted, enabledAt: null, lastUsedStep: 0 },
    })
    .run();
}

/** Seconds until another attempt is allowed, or 0 when the user may try now. */
export function lockedForSeconds(
  cred: Pick<TotpCredential, 'failedAttempts' | 'failedWindowStart'>,
  nowMs: number,
): number {
  if (!cred.failedWindowStart || cred.failedAttempts < MAX_FAILED_ATTEMPTS) return 0;
  const endsAt = cred.failedWindowStart.getTime() + FAILED_WINDOW_MS;
  return endsAt > nowMs ? (endsAt - nowMs) / 1000 : 0;
}

/**
 * The failure counter after one more wrong code: a fixed 30-minute window opened by the first
 * failure. Success does not reset it, so a legitimate sign-in cannot refill a guesser's budget.
 */
export function afterFailure(
  cred: Pick<TotpCredential, 'failedAttempts' | 'failedWindowStart'>,
  nowMs: number,
) {
  const open = cred.failedWindowStart && nowMs - cred.failedWindowStart.getTime() < FAILED_WINDOW_MS;
  return open
    ? { failedAttempts: cred.failedAttempts + 1, failedWindowStart: cred.failedWindowStart }
    : { failedAttempts: 1, failedWindowStart: new Date(nowMs) };
}

/** Counts one wrong code against the user. */
export function recordFailedAttempt(tx: Tx, cred: TotpCredential, nowMs: number): void {
  tx.update(totpCredentials)
    .set(afterFailure(cred, nowMs))
    .where(eq(totpCredentials.userId, cred.userId))
    .run();
}
