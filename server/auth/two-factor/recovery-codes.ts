/**
 * Recovery codes: ten single-use codes shown once, for when the authenticator is lost.
 * Only SHA-256 of each is stored; with 50 random bits a code, a fast hash is enough.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { recoveryCodes } from '../../../storage/schema.ts';
import { newId, randomString, sha256 } from '../../ids.ts';
import type { Tx } from './credential.ts';

export const RECOVERY_CODE_COUNT = 10;

/** A new code like `k3m9x-p2qrt`: ten characters of the ids alphabet (no 0/o, 1/l), 50 bits. */
export function newRecoveryCode(): string {
  const raw = randomString(10);
  return `${raw.slice(0, 5)}-${raw.slice(5)}`;
}

/**
 * The canonical form hashed and compared: lower case, without the dash or spaces people add
 * when copying by hand. Null for anything that cannot be a recovery code.
 */
export function normaliseRecoveryCode(input: string): string | null {
  const compact = input.toLowerCase().replace(/[\s-]/g, '');
  return /^[a-z2-9]{10}$/.test(compact) ? compact : null;
}

/** Replaces the user's codes with a fresh set and returns them: the only time they exist in clear. */
export function replaceRecoveryCodes(tx: Tx, userId: string): string[] {
  tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  tx.insert(recoveryCodes)
    .values(
      codes.map((code) => ({ id: newId(), userId, codeHash: sha256(normaliseRecoveryCode(code) ?? code) })),
    )
    .run();
  return codes;
}

/**
 * Spends one unused code. The conditional update is the guard: two requests racing with the
 * same code cannot both succeed. Returns the codes left, or null when the code is not valid.
 */
export function spendRecoveryCode(tx: Tx, userId: string, input: string, now: Date): number | null {
  const code = normaliseRecoveryCode(input);
  if (!code) return null;
  const spent = tx
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, sha256(code)),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .run().changes;
  if (spent !== 1) return null;
  return tx
    .select({ id: recoveryCodes.id })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)))
    .all().length;
}

/** Deletes every recovery code of a user (2FA switched off). */
export function deleteRecoveryCodes(tx: Tx, userId: string): void {
  tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
}
