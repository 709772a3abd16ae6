/**
 * Sessions in the Lucia design: a token `<id>.<secret>`; only SHA-256 of the secret is stored and
 * compared in constant time; sliding expiry on activity; a new session at every sign-in.
 */
import { and, eq, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../../storage/db.ts';
import { sessions, users } from '../../storage/schema.ts';
import { constantTimeEqual, randomString, sha256 } from '../ids.ts';
import { perDatabase } from '../prepared.ts';

export interface SessionRecord {
  id: string;
  userId: string;
  twoFactorVerified: boolean;
  expiresAt: Date;
  lastSeenAt: Date;
}

const DAY = 24 * 60 * 60 * 1000;
/** Touch the session at most this often: sliding expiry without a write on every request. */
const ACTIVITY_INTERVAL = 60 * 60 * 1000;

/** Whether the session is due its sliding-expiry touch (last seen over ACTIVITY_INTERVAL ago). */
export function needsActivityTouch(session: Pick<SessionRecord, 'lastSeenAt'>, now = Date.now()): boolean {
  return now - session.lastSeenAt.getTime() >= ACTIVITY_INTERVAL;
}

export interface SessionOptions {
  idleDays: number;
}

/** Creates a session and returns the token to hand to the client (the only time it exists). */
export function createSession(
  db: Db,
  opts: SessionOptions,
  input: { userId: string; twoFactorVerified: boolean; ip: string | null; userAgent: string | null },
): { token: string; session: SessionRecord } {
  const id = randomString(24);
  const secret = randomString(24);
  const now = new Date();
  const expiresAt = new Date(now.getTime() + opts.idleDays * DAY);
  db.insert(sessions)
    .values({
      id,
      userId: input.userId,
      secretHash: sha256(secret),
      twoFactorVerified: input.twoFactorVerified,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 400) ?? null,
    })
    .run();
  return {
    token: `${id}.${secret}`,
    session: {
      id,
      userId: input.userId,
      twoFactorVerified: input.twoFactorVerified,
      expiresAt,
      lastSeenAt: now,
    },
  };
}

/** The session lookup of every authenticated request, prepared once per database. */
const statements = perDatabase((db) => ({
  byId: db
    .select({
      id: sessions.id,
      userId: sessions.userId,
      secretHash: sessions.secretHash,
      twoFactorVerified: sessions.twoFactorVerified,
      expiresAt: sessions.expiresAt,
      lastSeenAt: sessions.lastSeenAt,
      status: users.status,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sql.placeholder('id')))
    .prepare(),
}));

/**
 * Returns the live session for a token, or null for a malformed, unknown, tampered or expired one.
 * Extends the expiry when the session was last seen more than an hour ago.
 */
export function validateSessionToken(
  db: Db,
  opts: SessionOptions,
  token: string,
): (SessionRecord & { refreshed: boolean }) | null {
  const parts = token.split('.');
  if (parts.length !== 2) return null;
  const [id, secret] = parts as [string, string];
  if (!/^[a-z2-9]{24}$/.test(id) || !/^[a-z2-9]{24}$/.test(secret)) return null;
  const row = statements(db).byId.get({ id });
  if (!row) return null;
  if (!constantTimeEqual(row.secretHash, sha256(secret))) return null;
  const now = Date.now();
  if (row.expiresAt.getTime() <= now || row.status === 'deactivated') {
    db.delete(sessions).where(eq(sessions.id, id)).run();
    return null;
  }
  let { expiresAt, lastSeenAt } = row;
  const refreshed = needsActivityTouch(row, now);
  if (refreshed) {
    lastSeenAt = new Date(now);
    expiresAt = new Date(now + opts.idleDays * DAY);
    db.update(sessions).set({ lastSeenAt, expiresAt }).where(eq(sessions.id, id)).run();
  }
  return {
    id: row.id,
    userId: row.userId,
    twoFactorVerified: row.twoFactorVerified,
    expiresAt,
    lastSeenAt,
    refreshed,
  };
}

export function invalidateSession(db: Db, sessionId: string): void {
  db.delete(sessions).where(eq(sessions.id, sessionId)).run();
}

/** Revokes every session of a user (password or role change, deactivation), optionally but one. */
export function invalidateUserSessions(db: Db, userId: string, exceptSessionId?: string): string[] {
  const where = exceptSessionId
    ? and(eq(sessions.userId, userId), ne(sessions.id, exceptSessionId))
    : eq(sessions.userId, userId);
  return db
    .delete(sessions)
    .where(where)
    .returning({ id: sessions.id })
    .all()
    .map((r) => r.id);
}

/** Deletes expired sessions; run by the daily housekeeping. */
export function deleteExpiredSessions(db: Db): number {
  return db.delete(sessions).where(lt(sessions.expiresAt, new Date())).run().changes;
}
