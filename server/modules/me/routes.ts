/** The signed-in user's profile and password. */
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { users } from '../../../storage/schema.ts';
import { recordAudit } from '../../audit/audit.ts';
import { hashPassword, verifyPassword } from '../../auth/passwords.ts';
import { LIMITS } from '../../auth/rate-limit.ts';
import { invalidateUserSessions } from '../../auth/sessions.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../http/errors.ts';
import { requireActor } from '../../http/request-auth.ts';
import { parse } from '../../http/validate.ts';
import { presentMe } from './presenter.ts';
import { sessionRoutes } from './sessions-routes.ts';

export const ZNewPassword = z
  .string()
  .min(10, 'Use at least 10 characters.')
  .max(256, 'Use at most 256 characters.');

const ZProfileUpdate = z.object({ name: z.string().trim().min(1, 'Enter your name.').max(100) }).strict();
const ZPasswordChange = z
  .object({ currentPassword: z.string().max(1024).optional(), newPassword: ZNewPassword })
  .strict();

export function meRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/me', async (req) => {
    const { actor, user } = requireActor(req);
    return presentMe(ctx, actor, user);
  });

  app.patch('/api/me', async (req) => {
    const { actor, user } = requireActor(req);
    const input = parse(ZProfileUpdate, req.body);
    ctx.db.update(users).set({ name: input.name }).where(eq(users.id, user.id)).run();
    return presentMe(ctx, actor, { ...user, name: input.name });
  });

  app.post('/api/me/password', async (req, reply) => {
    const { actor, user, session } = requireActor(req);
    ctx.limiter.consume(`user:password:${user.id}`, LIMITS.passwordChangePerUser);
    const input = parse(ZPasswordChange, req.body);
    const row = ctx.db
      .select({ passwordHash: users.passwordHash })
      .from(users)
      .where(eq(users.id, user.id))
      .get();
    if (row?.passwordHash) {
      const ok =
        input.currentPassword !== undefined &&
        (await verifyPassword(row.passwordHash, input.currentPassword));
      if (!ok) throw new AppError(400, 'invalid_current_password', 'Your current password is not correct.');
    }
    const passwordHash = await hashPassword(input.newPassword);
    ctx.db.update(users).set({ passwordHash }).where(eq(users.id, user.id)).run();
    // A new password ends every other session: a thief with an old cookie is out.
    const revoked = invalidateUserSessions(ctx.db, user.id, session.id);
    ctx.events.emit('sessions.revoked', { userId: user.id, sessionIds: revoked });
    recordAudit(ctx.db, {
      action: 'auth.password_changed',
      tenantId: actor.tenantId,
      actorUserId: user.id,
      targetType: 'user',
      targetId: user.id,
      ip: req.ip,
      data: { otherSessionsRevoked: revoked.length },
    });
    return reply.code(204).send();
  });

  sessionRoutes(app, ctx);
}
