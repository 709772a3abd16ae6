/**
 * The auth cache (server/auth/auth-cache.ts) serves a token's session and actor only while the
 * database is unchanged, the secret matches, the entry is young and the session unexpired; the
 * rights events drop entries at once, even without a write.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor } from '../../server/auth/actor.ts';
import { AuthCache, type Authenticated, TTL_MS } from '../../server/auth/auth-cache.ts';
import { createSession, validateSessionToken } from '../../server/auth/sessions.ts';
import { PortalEventBus } from '../../server/events.ts';
import { sessions, users } from '../../storage/schema.ts';
import { buildClientOrgs, type Filer } from '../support/client-orgs.ts';
import { tempDatabase } from '../support/db.ts';

let temp: ReturnType<typeof tempDatabase>;
let userId: string;
let _orgId: string;

beforeAll(async () => {
  temp = tempDatabase();
  const [filer] = await buildClientOrgs(temp.db, 1, 'client_admin');
  ({ tenantId: _orgId, requesterId: userId } = filer as Filer);
});
afterAll(() => temp.close());

const opts = { idleDays: 30 };

/** A fresh session and what the database path says for it. */
function signedIn(): { token: string; value: Authenticated } {
  const { token } = createSession(temp.db, opts, {
    userId,
    twoFactorVerified: true,
    ip: null,
    userAgent: null,
  });
  const session = validateSessionToken(temp.db, opts, token);
  const loaded = loadActor(temp.db, userId);
  if (!session || !loaded) throw new Error('not signed in');
  return { token, value: { session, loaded } };
}

/** A cache holding a fresh session's entry. */
function cached(): { cache: AuthCache; token: string; value: Authenticated } {
  const { token, value } = signedIn();
  const cache = new AuthCache(temp.db);
  cache.set(token, value, cache.stamp());
  return { cache, token, value };
}

describe('AuthCache', () => {
  it('serves the database answer while nothing changes, and only for the right secret', () => {
    const { cache, token, value } = cached();
    expect(cache.get(token)).toEqual({ ...value, session: { ...value.session, refreshed: false } });
    expect(cache.get(token)?.loaded.actor).toEqual(value.loaded.actor);
    const [id] = token.split('.');
    expect(cache.get(`${id}.${'a'.repeat(24)}`)).toBeUndefined();
    expect(cache.get('no-dot')).toBeUndefined();
  });

  it('retires every entry at the next write to the database, any write', () => {
    const { cache, token } = cached();
    const other = signedIn(); // creating a session is a write
    expect(cache.get(token)).toBeUndefined();

    const again = cached();
    // A rename announces nothing on the bus; the stamp still sees it.
    temp.db.update(users).set({ name: 'Renamed' }).where(eq(users.id, userId)).run();
    expect(again.cache.get(again.token)).toBeUndefined();
    expect(loadActor(temp.db, userId)?.user.name).toBe('Renamed');

    const revoked = cached();
    temp.db.delete(sessions).where(eq(sessions.id, other.value.session.id)).run();
    expect(revoked.cache.get(revoked.token)).toBeUndefined();
  });

  it('does not keep an answer when the database changed while it was being read', () => {
    const { token, value } = signedIn();
    const cache = new AuthCache(temp.db);
    const before = cache.stamp();
    temp.db.update(users).set({ name: 'Again' }).where(eq(users.id, userId)).run();
    cache.set(token, value, before);
    expect(cache.size).toBe(0);
    expect(cache.get(token)).toBeUndefined();
  });

  it('serves an entry for TTL_MS at most, and never past the session expiry or its activity touch', () => {
    const { cache, token, value } = cached();
    const now = Date.now();
    expect(cache.get(token, now + TTL_MS - 50)).toBeDefined();
    expect(cache.get(token, now + TTL_MS + 1)).toBeUndefined();

    const expiring = cached();
    const expiry = expiring.value.session.expiresAt.getTime();
    expect(expiring.cache.get(expiring.token, expiry)).toBeUndefined();
    expect(value.session.id).not.toBe(expiring.value.session.id);
  });

  it('drops a revoked session and a user whose rights changed as soon as the event is heard', () => {
    const events = new PortalEventBus();
    const { cache, token, value } = cached();
    cache.listenTo(events);
    events.emit('sessions.revoked', { userId: 'someone-else', sessionIds: [value.session.id] });
    expect(cache.get(token)).toBeUndefined();

    const second = cached();
    second.cache.listenTo(events);
    events.emit('user.rights_changed', { userId });
    expect(second.cache.get(second.token)).toBeUndefined();
  });
});
