/** Sign-in and sign-out routes. Magic links and two-factor have their own route files. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { recordAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { parse } from '../http/validate.ts';
import { clearSessionCookie } from './cookie.ts';
import { signInWithPassword } from './password-sign-in.ts';
import { invalidateSession } from './sessions.ts';

export const ZEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'Enter a valid email address.' }));

export const ZLogin = z.object({
  email: ZEmail,
  password: z.string().min(1, 'Enter your password.').max(1024),
});
export type TLogin = z.infer<typeof ZLogin>;

export function authRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post('/api/auth/login', async (req, reply) => {
    const input = parse(ZLogin, req.body);
    return signInWithPassword(ctx, req, reply, input);
  });

  app.post('/api/auth/logout', async (req, reply) => {
    if (req.auth) {
      invalidateSession(ctx.db, req.auth.session.id);
      ctx.events.emit('sessions.revoked', { userId: req.auth.user.id, sessionIds: [req.auth.session.id] });
      recordAudit(ctx.db, {
        action: 'auth.sign_out',
        tenantId: req.auth.actor?.tenantId ?? null,
        actorUserId: req.auth.user.id,
        ip: req.ip,
      });
    }
    clearSessionCookie(reply, ctx.config);
    return reply.code(204).send();
  });
}
