/** Magic-link routes: request a sign-in link, and spend one (the confirm page POSTs it). */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { badRequest } from '../../http/errors.ts';
import { parse } from '../../http/validate.ts';
import { LIMITS } from '../rate-limit.ts';
import { ZEmail } from '../routes.ts';
import { startSession } from '../sign-in.ts';
import { requestMagicLink } from './request.ts';
import { claimMagicToken } from './tokens.ts';

export const ZMagicLinkRequest = z.object({ email: ZEmail }).strict();
export type TMagicLinkRequest = z.infer<typeof ZMagicLinkRequest>;

// Any string is looked at; one of the wrong shape gets the same answer as an unknown token.
export const ZMagicLinkVerify = z.object({ token: z.string().trim().max(256) }).strict();
export type TMagicLinkVerify = z.infer<typeof ZMagicLinkVerify>;

const invalidToken = () =>
  badRequest('invalid_token', 'This sign-in link is invalid or has expired. Request a new one.');

/** Registers POST /api/auth/magic-link and POST /api/auth/magic-link/verify. */
export function magicLinkRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post('/api/auth/magic-link', async (req, reply) => {
    const { email } = parse(ZMagicLinkRequest, req.body);
    requestMagicLink(ctx, req.ip, email);
    return reply.code(202).send({ sent: true });
  });

  app.post('/api/auth/magic-link/verify', async (req, reply) => {
    // The sign-in budget per IP, shared in spirit with password sign-in: a token cannot be
    // guessed (160 bits), but every auth route is rate limited.
    ctx.limiter.consume(`ip:magic-verify:${req.ip}`, LIMITS.magicLinkVerifyPerIp);
    const { token } = parse(ZMagicLinkVerify, req.body);
    const claimed = claimMagicToken(ctx.db, token);
    if (!claimed) throw invalidToken();
    const method = claimed.purpose === 'invite' ? 'invite' : 'magic_link';
    return startSession(ctx, req, reply, { id: claimed.userId, tenantId: claimed.tenantId }, method);
  });
}
