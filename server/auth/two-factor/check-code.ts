/**
 * The one gate every code passes (sign-in, enable, disable, new recovery codes): per-IP bucket,
 * per-user lock-out after 5 wrong codes in 30 minutes, replay refusal, then the caller's change
 * in the same transaction as the code's acceptance.
 */
import { and, eq, lt } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { totpCredentials } from '../../../storage/schema.ts';
import { recordAudit } from '../../audit/audit.ts';
import type { AppContext } from '../../context.ts';
import { AppError, conflict, rateLimited } from '../../http/errors.ts';
import { LIMITS } from '../rate-limit.ts';
import {
  loadCredential,
  lockedForSeconds,
  recordFailedAttempt,
  type TotpCredential,
  type Tx,
} from './credential.ts';
import { spendRecoveryCode } from './recovery-codes.ts';
import { matchTotpStep } from './totp.ts';

/** What the code unlocks; decides which credential state is required and the error status. */
export type CodePurpose = 'sign_in' | 'enable' | 'disable' | 'regenerate';

/** A TOTP code, or (sign-in only) a recovery code. */
export type SecondFactorProof = { code: string } | { recoveryCode: string };

export interface Accepted {
  factor: 'totp' | 'recovery_code';
  /** Recovery codes left after this one, when one was spent. */
  recoveryCodesLeft?: number;
}

type Outcome<T> =
  | { kind: 'ok'; value: T }
  | { kind: 'no_credential' }
  | { kind: 'locked'; seconds: number }
  | { kind: 'wrong' };

export const invalidCode = (status: 400 | 401) =>
  new AppError(
    status,
    'invalid_code',
    'That code is not correct. Check your authenticator app and try again.',
  );

/**
 * Checks `proof` for `user` and, when it is accepted, runs `apply` in the same transaction.
 * Throws 409 when the credential is not in the state `purpose` needs, 429 while locked out,
 * `invalid_code` (401 at sign-in, 400 otherwise) for a wrong, replayed or already-spent code.
 */
export function checkSecondFactor<T>(
  ctx: AppContext,
  req: FastifyRequest,
  user: { id: string; tenantId: string | null },
  proof: SecondFactorProof,
  purpose: CodePurpose,
  apply: (tx: Tx, cred: TotpCredential, accepted: Accepted) => T,
): T {
  ctx.limiter.consume(`ip:2fa:${req.ip}`, LIMITS.twoFactorPerIp);
  const nowMs = Date.now();
  const outcome = ctx.db.transaction((tx): Outcome<T> => {
    const cred = loadCredential(tx, ctx.secretKey, user.id);
    // Enabling confirms a pending key; everything else needs 2FA to be on already.
    const needsEnabled = purpose !== 'enable';
    if (!cred || cred.enabled !== needsEnabled) return { kind: 'no_credential' };
    // The lock-out is checked before the code, so a right guess during a lock-out reveals nothing.
    const seconds = lockedForSeconds(cred, nowMs);
    if (seconds > 0) return { kind: 'locked', seconds };
    const accepted = acceptProof(tx, cred, proof, purpose, nowMs);
    if (!accepted) {
      recordFailedAttempt(tx, cred, nowMs);
      return { kind: 'wrong' };
    }
    return { kind: 'ok', value: apply(tx, cred, accepted) };
  });
  if (outcome.kind === 'ok') return outcome.value;
  if (outcome.kind === 'no_credential') {
    throw conflict(
      purpose === 'enable' ? 'Start two-factor setup first.' : 'Two-factor authentication is not enabled.',
    );
  }
  if (outcome.kind === 'locked') {
    throw rateLimited(outcome.seconds, 'rate_limited', 'Too many wrong codes. Try again in a few minutes.');
  }
  recordAudit(ctx.db, {
    action: 'two_factor.failed',
    tenantId: user.tenantId,
    actorUserId: user.id,
    targetType: 'user',
    targetId: user.id,
    ip: req.ip,
    data: { purpose, factor: 'code' in proof ? 'totp' : 'recovery_code' },
  });
  throw invalidCode(purpose === 'sign_in' ? 401 : 400);
}

function acceptProof(
  tx: Tx,
  cred: TotpCredential,
  proof: SecondFactorProof,
  purpose: CodePurpose,
  nowMs: number,
): Accepted | null {
  if ('recoveryCode' in proof) {
    // Recovery codes only get a locked-out person back in; changing 2FA needs the authenticator.
    if (purpose !== 'sign_in') return null;
    const left = spendRecoveryCode(tx, cred.userId, proof.recoveryCode, new Date(nowMs));
    return left === null ? null : { factor: 'recovery_code', recoveryCodesLeft: left };
  }
  const step = matchTotpStep(cred.key, proof.code, nowMs, cred.lastUsedStep);
  if (step === null) return null;
  // Conditional on the step still being newer: of two requests racing with one code, one wins.
  const moved = tx
    .update(totpCredentials)
    .set({ lastUsedStep: step })
    .where(and(eq(totpCredentials.userId, cred.userId), lt(totpCredentials.lastUsedStep, step)))
    .run().changes;
  return moved === 1 ? { factor: 'totp' } : null;
}
