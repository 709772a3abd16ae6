/**
 * The last step of every sign-in method (password, magic link, invitation): a brand-new session
 * (never a reused one), half-signed-in when the user has two-factor authentication enabled.
 */
import { and, eq, isNotNull } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { totpCredentials } from '../../storage/schema.ts';
import { recordAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { setSessionCookie } from './cookie.ts';
import { createSession, invalidateSession } from './sessions.ts';

export type SignInResult = { twoFactorRequired: true } | { user: { id: string } };

export function hasTwoFactor(ctx: AppContext, userId: string): boolean {
  const row = ctx.db
    .select({ userId: totpCredentials.userId })
    .from(totpCredentials)
    .where(and(eq(totpCredentials.userId, userId), isNotNull(totpCredentials.enabledAt)))
    .get();
  return row !== undefined;
}

/** Starts a session for `user`, sets the cookie and says whether a TOTP code is still needed. */
export function startSession(
  ctx: AppContext,
  req: FastifyRequest,
  reply: FastifyReply,
  user: { id: string; tenantId: string },
  method: 'password' | 'magic_link' | 'invite',
): SignInResult {
  // The browser's previous session (another account, or a half-finished sign-in) ends here:
  // its cookie is about to be overwritten, and a live row nobody holds is only a liability.
  if (req.auth) {
    invalidateSession(ctx.db, req.auth.session.id);
    ctx.events.emit('sessions.revoked', { userId: req.auth.user.id, sessionIds: [req.auth.session.id] });
  }
  const needsCode = hasTwoFactor(ctx, user.id);
  const { token, session } = createSession(
    ctx.db,
    { idleDays: ctx.config.sessionIdleDays },
    {
      userId: user.id,
      twoFactorVerified: !needsCode,
      ip: req.ip,
      userAgent: req.headers['user-agent'] ?? null,
    },
  );
  setSessionCookie(reply, ctx.config, token, session.expiresAt);
  if (needsCode) return { twoFactorRequired: true };
  recordAudit(ctx.db, {
    action: 'auth.sign_in',
    tenantId: user.tenantId,
    actorUserId: user.id,
    targetType: 'session',
    targetId: session.id,
    ip: req.ip,
    data: { method },
  });
  return { user: { id: user.id } };
}
