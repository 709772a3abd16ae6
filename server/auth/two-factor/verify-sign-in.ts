/**
 * Finishing a sign-in with the second factor. The half-signed-in session is never promoted:
 * it is deleted and a brand-new, fully verified session replaces it, so a session id seen while
 * only the password was known can never become a full session.
 */
import { eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sessions } from '../../../storage/schema.ts';
import { recordAudit } from '../../audit/audit.ts';
import type { AppContext } from '../../context.ts';
import { conflict } from '../../http/errors.ts';
import type { RequestAuth } from '../../http/request-auth.ts';
import { loadActor } from '../actor.ts';
import { setSessionCookie } from '../cookie.ts';
import { createSession } from '../sessions.ts';
import { checkSecondFactor, type SecondFactorProof } from './check-code.ts';

/** Verifies the code for a half-signed-in session and swaps it for a full one (cookie set). */
export function completeTwoFactorSignIn(
  ctx: AppContext,
  req: FastifyRequest,
  reply: FastifyReply,
  auth: RequestAuth,
  proof: SecondFactorProof,
): { user: { id: string } } {
  if (auth.session.twoFactorVerified) throw conflict('This session is already fully signed in.');
  const userId = auth.user.id;
  const tenantId = loadActor(ctx.db, userId)?.actor.tenantId ?? null;
  const accepted = checkSecondFactor(
    ctx,
    req,
    { id: userId, tenantId },
    proof,
    'sign_in',
    (tx, _cred, ok) => {
      // Claim the pending session inside the code's transaction: of two requests racing on one
      // pending session (say a TOTP code and a recovery code), only one gets a full session.
      const claimed = tx.delete(sessions).where(eq(sessions.id, auth.session.id)).run().changes;
      if (claimed !== 1) throw conflict('This sign-in was already completed. Sign in again.');
      return ok;
    },
  );
  const { token, session } = createSession(
    ctx.db,
    { idleDays: ctx.config.sessionIdleDays },
    { userId, twoFactorVerified: true, ip: req.ip, userAgent: req.headers['user-agent'] ?? null },
  );
  setSessionCookie(reply, ctx.config, token, session.expiresAt);
  ctx.events.emit('sessions.revoked', { userId, sessionIds: [auth.session.id] });
  recordAudit(ctx.db, {
    action: 'auth.sign_in',
    tenantId,
    actorUserId: userId,
    targetType: 'session',
    targetId: session.id,
    ip: req.ip,
    data: { method: accepted.factor },
  });
  if (accepted.factor === 'recovery_code') {
    recordAudit(ctx.db, {
      action: 'two_factor.recovery_code_used',
      tenantId,
      actorUserId: userId,
      targetType: 'user',
      targetId: userId,
      ip: req.ip,
      data: { recoveryCodesLeft: accepted.recoveryCodesLeft },
    });
  }
  return { user: { id: userId } };
}
