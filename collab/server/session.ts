/**
 * Who is on the other end of a WebSocket: the same session tokens as the REST API, read from the
 * upgrade request (cookie for browsers, bearer header for API clients) or from the provider's
 * `token` (API clients that cannot set headers), validated by server/auth.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { type ActingUser, loadActor } from '../../server/auth/actor.ts';
import { SESSION_COOKIE } from '../../server/auth/cookie.ts';
import { validateSessionToken } from '../../server/auth/sessions.ts';
import type { AppContext } from '../../server/context.ts';
import type { Actor } from '../../server/policy/actor.ts';

/** A fully signed-in caller: their session, the policy's actor and the user behind it. */
export interface SignedIn {
  sessionId: string;
  actor: Actor;
  user: ActingUser;
}

/**
 * The session token an upgrade request carries, if any: a bearer header first (an API client
 * says explicitly which session it means), else the `session` cookie — as `tokenOf` does for REST.
 */
export function credentialOf(headers: IncomingHttpHeaders): string | null {
  const authorization = headers.authorization;
  if (authorization?.startsWith('Bearer ')) return authorization.slice(7).trim() || null;
  return cookieValue(headers.cookie, SESSION_COOKIE);
}

/** The first cookie called `name` in a Cookie header (what @fastify/cookie would pick too). */
function cookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(raw) || null;
    } catch {
      return null;
    }
  }
  return null;
}

/**
 * The caller a session token signs in, or null for an unknown, expired or revoked session, one
 * still waiting for its second factor, or a deactivated user or tenant. Called at the upgrade and
 * again for every document opened: a WebSocket can outlive the session it was opened with.
 */
export function signedInBy(ctx: AppContext, token: string): SignedIn | null {
  const session = validateSessionToken(ctx.db, { idleDays: ctx.config.sessionIdleDays }, token);
  if (!session?.twoFactorVerified) return null;
  const loaded = loadActor(ctx.db, session.userId);
  if (!loaded) return null;
  return { sessionId: session.id, actor: loaded.actor, user: loaded.user };
}
