/**
 * Composes the portal: one Fastify instance serving the REST API, the web app and (attached in
 * main/server.ts) the collaboration WebSocket, all on one port.
 */
import fastifyCookie from '@fastify/cookie';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
} from 'fastify';
import { magicLinkRoutes } from './auth/magic-link/index.ts';
import { authRoutes } from './auth/routes.ts';
import { twoFactorRoutes } from './auth/two-factor/routes.ts';
import type { AppContext } from './context.ts';
import { AppError } from './http/errors.ts';
import { authenticateRequest } from './http/request-auth.ts';
import { assertSameOrigin } from './http/same-origin.ts';
import { registerSecurityHeaders } from './http/security-headers.ts';
import { registerSpa } from './http/spa.ts';
import { healthRoutes } from './modules/health/routes.ts';
import { registerModules } from './modules/index.ts';
import { meRoutes } from './modules/me/routes.ts';

/** Largest JSON body accepted: a branding logo (≤ 256 KiB as base64) fits comfortably. */
export const BODY_LIMIT = 512 * 1024;

export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  const app: FastifyInstance = Fastify({
    // pino's Logger is a FastifyBaseLogger; the generic would otherwise leak into every route's type.
    loggerInstance: ctx.log as FastifyBaseLogger,
    bodyLimit: BODY_LIMIT,
    trustProxy: ctx.config.trustProxy,
  });
  await app.register(fastifyCookie);
  app.decorateRequest('auth', null);
  app.addHook('onRequest', authenticateRequest(ctx));
  app.addHook('preHandler', async (req) => assertSameOrigin(req));
  registerSecurityHeaders(app);
  app.setErrorHandler(errorHandler(ctx));

  healthRoutes(app, ctx);
  authRoutes(app, ctx);
  twoFactorRoutes(app, ctx);
  magicLinkRoutes(app, ctx);
  meRoutes(app, ctx);
  registerModules(app, ctx);
  await registerSpa(app, ctx);
  return app;
}

function errorHandler(ctx: AppContext) {
  return (err: FastifyError | AppError | Error, _req: unknown, reply: FastifyReply) => {
    if (err instanceof AppError) {
      reply.headers(err.headers);
      const body: Record<string, unknown> = { code: err.code, message: err.message };
      if (err.details !== undefined) body.details = err.details;
      return reply.code(err.status).send({ error: body });
    }
    const fe = err as FastifyError;
    if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply
        .code(413)
        .send({ error: { code: 'payload_too_large', message: 'The request body is too large.' } });
    }
    if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.code(415).send({
        error: { code: 'unsupported_media_type', message: 'Send JSON (Content-Type: application/json).' },
      });
    }
    if (fe.statusCode === 400 && (fe.code?.startsWith('FST_ERR_CTP') || err instanceof SyntaxError)) {
      return reply
        .code(400)
        .send({ error: { code: 'invalid_json', message: 'The request body is not valid JSON.' } });
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      return reply.code(fe.statusCode).send({ error: { code: 'bad_request', message: fe.message } });
    }
    ctx.log.error({ err }, 'unhandled error');
    return reply
      .code(500)
      .send({ error: { code: 'internal', message: 'Something went wrong on our side. Please try again.' } });
  };
}
