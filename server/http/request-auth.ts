/**
 * Who is calling: reads the session cookie (browsers) or a bearer token (API clients), validates
 * it, and attaches the actor. Routes then call `requireActor` / `requireSession`.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type ActingUser, loadActor } from '../auth/actor.ts';
import { type Authenticated, authCacheFor } from '../auth/auth-cache.ts';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '../auth/cookie.ts';
import { type SessionRecord, validateSessionToken } from '../auth/sessions.ts';
import type { AppContext } from '../context.ts';
import type { Actor } from '../policy/actor.ts';
import { AppError, unauthenticated } from './errors.ts';

export interface RequestAuth {
  session: SessionRecord;
  user: ActingUser;
  /** Null while the session still waits for its second factor. */
  actor: Actor | null;
  /** True when the token came from the cookie (a browser), false for a bearer token. */
  viaCookie: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: RequestAuth | null;
  }
}

/** The bearer token or cookie token of a request, if any. */
export function tokenOf(req: FastifyRequest): { token: string; viaCookie: boolean } | null {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return { token: header.slice(7).trim(), viaCookie: false };
  const cookie = req.cookies[SESSION_COOKIE];
  return cookie ? { token: cookie, viaCookie: true } : null;
}

/**
 * The session and actor of a token: from the auth cache while the database is unchanged
 * (auth-cache.ts), else from the database, remembered for the next request. Null when the token
 * names no live session of an active user.
 */
function authenticate(ctx: AppContext, token: string): Authenticated | null {
  const cache = authCacheFor(ctx.db, ctx.events);
  const cached = cache.get(token);
  if (cached) return cached;
  const stampBefore = cache.stamp();
  const session = validateSessionToken(ctx.db, { idleDays: ctx.config.sessionIdleDays }, token);
  const loaded = session ? loadActor(ctx.db, session.userId) : null;
  if (!session || !loaded) return null;
  cache.set(token, { session, loaded }, stampBefore);
  return { session, loaded };
}

/** The onRequest hook: resolves `req.auth`, clearing a cookie that no longer names a session. */
export function authenticateRequest(ctx: AppContext) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    req.auth = null;
    const found = tokenOf(req);
    if (!found) return;
    const authenticated = authenticate(ctx, found.token);
    if (!authenticated) {
      if (found.viaCookie) clearSessionCookie(reply, ctx.config);
      return;
    }
    const { session, loaded } = authenticated;
    // Sliding expiry: keep the cookie's lifetime in step with the session's.
    if (found.viaCookie && session.refreshed) {
      setSessionCookie(reply, ctx.config, found.token, session.expiresAt);
    }
    req.auth = {
      session,
      user: loaded.user,
      actor: session.twoFactorVerified ? loaded.actor : null,
      viaCookie: found.viaCookie,
    };
  };
}

/** The fully signed-in actor, or 401 (`two_factor_required` for a half-signed-in session). */
export function requireActor(req: FastifyRequest): {
  actor: Actor;
  user: ActingUser;
  session: SessionRecord;
} {
  const auth = req.auth;
  if (!auth) throw unauthenticated();
  if (!auth.actor)
    throw new AppError(401, 'two_factor_required', 'Enter the code from your authenticator app.');
  return { actor: auth.actor, user: auth.user, session: auth.session };
}

/** Any session, including one still waiting for its second factor. */
export function requireSession(req: FastifyRequest): RequestAuth {
  if (!req.auth) throw unauthenticated();
  return req.auth;
}
