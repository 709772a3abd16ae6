/** Two-factor routes: enrolment under /api/me/2fa, and the sign-in step /api/auth/2fa/verify. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireActor, requireSession } from '../../http/request-auth.ts';
import { parse } from '../../http/validate.ts';
import {
  beginTwoFactorSetup,
  disableTwoFactor,
  type Enroller,
  enableTwoFactor,
  regenerateRecoveryCodes,
} from './enrolment.ts';
import { completeTwoFactorSignIn } from './verify-sign-in.ts';

/** Six digits; spaces people type between the groups ("123 456") are dropped first. */
export const ZTotpCode = z
  .string()
  .max(20)
  .transform((s) => s.replace(/\s/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'Enter the 6-digit code from your authenticator app.'));

export const ZCodeBody = z.object({ code: ZTotpCode }).strict();
export type TCodeBody = z.infer<typeof ZCodeBody>;

export const ZTwoFactorVerify = z.union([
  ZCodeBody,
  z.object({ recoveryCode: z.string().trim().min(1, 'Enter a recovery code.').max(64) }).strict(),
]);
export type TTwoFactorVerify = z.infer<typeof ZTwoFactorVerify>;

function enroller(req: FastifyRequest): Enroller {
  const { actor, user, session } = requireActor(req);
  return { userId: user.id, email: user.email, tenantId: actor.tenantId, sessionId: session.id };
}

/** Registers the two-factor routes. */
export function twoFactorRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post('/api/me/2fa/setup', async (req) => beginTwoFactorSetup(ctx, enroller(req)));

  app.post('/api/me/2fa/enable', async (req) => {
    const who = enroller(req);
    const { code } = parse(ZCodeBody, req.body);
    return { recoveryCodes: enableTwoFactor(ctx, req, who, code) };
  });

  app.post('/api/me/2fa/disable', async (req, reply) => {
    const who = enroller(req);
    const { code } = parse(ZCodeBody, req.body);
    disableTwoFactor(ctx, req, who, code);
    return reply.code(204).send();
  });

  app.post('/api/me/2fa/recovery-codes', async (req) => {
    const who = enroller(req);
    const { code } = parse(ZCodeBody, req.body);
    return { recoveryCodes: regenerateRecoveryCodes(ctx, req, who, code) };
  });

  app.post('/api/auth/2fa/verify', async (req, reply) => {
    const auth = requireSession(req);
    const proof = parse(ZTwoFactorVerify, req.body);
    return completeTwoFactorSignIn(ctx, req, reply, auth, proof);
  });
}
