/**
 * A short-lived cache of who a session token belongs to (the session and the actor), so a burst
 * of requests on one session reads the database once instead of twice per request.
 *
 * An entry is only served while the database is exactly as it was when the entry was read: its
 * stamp is SQLite's count of rows changed on this connection (every write of this process) and
 * the database's data_version (commits by any other connection). Any write at all — a sign-out,
 * a revoked session, a role, section or tenant change, a rename, a new password — therefore
 * retires every entry before the next request, whether or not it announces itself on the event
 * bus. On top of that, `sessions.revoked` and `user.rights_changed` drop their entries at once,
 * entries live at most TTL_MS, and the session's own expiry and activity touch are checked on
 * every hit.
 */
import type { Db } from '../../storage/db.ts';
import type { PortalEventBus } from '../events.ts';
import { constantTimeEqual, sha256 } from '../ids.ts';
import type { Actor } from '../policy/actor.ts';
import { changeStamp } from '../prepared.ts';
import type { ActingUser } from './actor.ts';
import { needsActivityTouch, type SessionRecord } from './sessions.ts';

/** Longest an entry is served, however quiet the database. */
export const TTL_MS = 2000;
/** Most sessions remembered; the oldest entry goes first. */
export const MAX_ENTRIES = 10_000;

export interface Authenticated {
  session: SessionRecord & { refreshed: boolean };
  loaded: { actor: Actor; user: ActingUser };
}

interface Entry {
  userId: string;
  secretHash: Buffer;
  stamp: string;
  cachedAt: number;
  value: Authenticated;
}

export class AuthCache {
  readonly #db: Db;
  readonly #entries = new Map<string, Entry>();
  readonly #buses = new WeakSet<PortalEventBus>();

  constructor(db: Db) {
    this.#db = db;
  }

  /** The database's change stamp now; read it before the lookups an entry is built from. */
  stamp(): string {
    return changeStamp(this.#db);
  }

  /**
   * The cached answer for a token, or undefined when it must be read from the database (no entry,
   * a wrong secret, the database changed, too old, expired, or due its activity touch).
   */
  get(token: string, now = Date.now()): Authenticated | undefined {
    const [id, secret] = token.split('.');
    if (id === undefined || secret === undefined) return undefined;
    const entry = this.#entries.get(id);
    if (!entry) return undefined;
    const { session } = entry.value;
    const fresh =
      now - entry.cachedAt < TTL_MS &&
      session.expiresAt.getTime() > now &&
      !needsActivityTouch(session, now) &&
      entry.stamp === this.stamp();
    if (!fresh) {
      this.#entries.delete(id);
      return undefined;
    }
    // The secret is checked on every hit, as the database path does: an id alone is not enough.
    if (!constantTimeEqual(entry.secretHash, sha256(secret))) return undefined;
    return entry.value;
  }

  /**
   * Remembers what the database said for a valid token, if the database did not change since
   * `stampBefore` (taken before the lookups): a write in between means the answer may already
   * be out of date, so it is not kept.
   */
  set(token: string, value: Authenticated, stampBefore: string, now = Date.now()): void {
    const [id, secret] = token.split('.');
    if (id === undefined || secret === undefined || this.stamp() !== stampBefore) return;
    this.#entries.delete(id);
    this.#entries.set(id, {
      userId: value.loaded.user.id,
      secretHash: sha256(secret),
      stamp: stampBefore,
      cachedAt: now,
      value: { ...value, session: { ...value.session, refreshed: false } },
    });
    if (this.#entries.size > MAX_ENTRIES) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
  }

  forgetSessions(sessionIds: readonly string[]): void {
    for (const id of sessionIds) this.#entries.delete(id);
  }

  forgetUser(userId: string): void {
    for (const [id, entry] of this.#entries) if (entry.userId === userId) this.#entries.delete(id);
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Drops a revoked session, or every session of a user whose rights changed, as it is announced. */
  listenTo(events: PortalEventBus): void {
    if (this.#buses.has(events)) return;
    this.#buses.add(events);
    events.on('sessions.revoked', ({ userId, sessionIds }) => {
      this.forgetSessions(sessionIds);
      this.forgetUser(userId);
    });
    events.on('user.rights_changed', ({ userId }) => this.forgetUser(userId));
  }
}

const caches = new WeakMap<Db, AuthCache>();

/** The cache of this database, listening to the rights events of `events`. */
export function authCacheFor(db: Db, events: PortalEventBus): AuthCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = new AuthCache(db);
    caches.set(db, cache);
  }
  cache.listenTo(events);
  return cache;
}
