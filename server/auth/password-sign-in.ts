/**
 * Email + password sign-in. Unknown emails, missing passwords and deactivated accounts all take
 * the same path and time as a wrong password and get the same answer; failures lock the typed
 * email (known or not) for a growing time.
 */
import { eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { memberships, users } from '../../storage/schema.ts';
import { recordAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { AppError, rateLimited } from '../http/errors.ts';
import { verifyPassword } from './passwords.ts';
import { LIMITS } from './rate-limit.ts';
import { type SignInResult, startSession } from './sign-in.ts';

export const invalidCredentials = () =>
  new AppError(401, 'invalid_credentials', 'That email and password do not match an account.');

export async function signInWithPassword(
  ctx: AppContext,
  req: FastifyRequest,
  reply: FastifyReply,
  input: { email: string; password: string },
): Promise<SignInResult> {
  ctx.limiter.consume(`ip:login:${req.ip}`, LIMITS.loginPerIp);
  const lockKey = `login-fail:${input.email}`;
  const locked = ctx.limiter.lockedFor(lockKey);
  if (locked > 0) {
    throw rateLimited(
      locked,
      'account_locked',
      `Too many failed attempts. Try again in ${Math.ceil(locked)} seconds.`,
    );
  }
  const user = ctx.db
    .select({
      id: users.id,
      passwordHash: users.passwordHash,
      status: users.status,
      tenantId: memberships.tenantId,
    })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(eq(users.email, input.email))
    .get();
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !passwordOk || user.status === 'deactivated') {
    const lockSeconds = ctx.limiter.recordFailure(lockKey);
    recordAudit(ctx.db, {
      action: lockSeconds ? 'auth.locked_out' : 'auth.sign_in_failed',
      tenantId: user?.tenantId ?? null,
      actorUserId: user?.id ?? null,
      ip: req.ip,
      data: { email: input.email, lockSeconds },
    });
    throw invalidCredentials();
  }
  ctx.limiter.reset(lockKey);
  if (user.status === 'invited') {
    // Setting a password is only possible for someone who accepted their invitation already,
    // so an invited user with a password hash was activated by an admin: treat as accepted.
    ctx.db.update(users).set({ status: 'active' }).where(eq(users.id, user.id)).run();
  }
  return startSession(ctx, req, reply, user, 'password');
}
