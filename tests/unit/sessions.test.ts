import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSession, invalidateUserSessions, validateSessionToken } from '../../server/auth/sessions.ts';
import { buildTenant, buildUser } from '../../storage/builders.ts';
import { sessions, users } from '../../storage/schema.ts';
import { tempDatabase } from '../support/db.ts';

const opts = { idleDays: 30 };

describe('session tokens (Lucia design)', () => {
  let t: ReturnType<typeof tempDatabase>;
  let userId: string;

  beforeEach(async () => {
    t = tempDatabase();
    const tenant = buildTenant(t.db, { kind: 'platform', name: 'P', slug: 'p', keyPrefix: 'P' });
    userId = (await buildUser(t.db, { email: 'a@x.test', name: 'A', role: 'staff', tenantId: tenant.id })).id;
  });
  afterEach(() => t.close());

  const start = () =>
    createSession(t.db, opts, { userId, twoFactorVerified: true, ip: '127.0.0.1', userAgent: 'ua' });

  it('issues <id>.<secret> and stores only the hash of the secret', () => {
    const { token, session } = start();
    expect(token).toMatch(/^[a-z2-9]{24}\.[a-z2-9]{24}$/);
    const row = t.db.select().from(sessions).where(eq(sessions.id, session.id)).get();
    const secret = token.split('.')[1]!;
    expect(row?.secretHash.length).toBe(32);
    expect(row?.secretHash.toString('hex')).not.toContain(Buffer.from(secret).toString('hex'));
    expect(validateSessionToken(t.db, opts, token)?.userId).toBe(userId);
  });

  it.each([
    ['empty', ''],
    ['no dot', 'abc'],
    ['three parts', 'a.b.c'],
    ['uppercase', `${'A'.repeat(24)}.${'b'.repeat(24)}`],
    ['unknown id', `${'a'.repeat(24)}.${'b'.repeat(24)}`],
  ])('rejects a malformed or unknown token (%s)', (_name, token) => {
    expect(validateSessionToken(t.db, opts, token)).toBeNull();
  });

  it('rejects a tampered secret', () => {
    const { token } = start();
    const last = token.at(-1) === 'a' ? 'b' : 'a';
    expect(validateSessionToken(t.db, opts, token.slice(0, -1) + last)).toBeNull();
  });

  it('rejects and deletes an expired session', () => {
    const { token, session } = start();
    t.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.id, session.id))
      .run();
    expect(validateSessionToken(t.db, opts, token)).toBeNull();
    expect(t.db.select().from(sessions).where(eq(sessions.id, session.id)).get()).toBeUndefined();
  });

  it('slides the expiry when the session was last seen over an hour ago', () => {
    const { token, session } = start();
    const old = new Date(Date.now() - 2 * 3600_000);
    t.db
      .update(sessions)
      .set({ lastSeenAt: old, expiresAt: new Date(Date.now() + 1000_000) })
      .where(eq(sessions.id, session.id))
      .run();
    const v = validateSessionToken(t.db, opts, token);
    expect(v?.refreshed).toBe(true);
    expect(v!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * 86400_000);
  });

  it('ends every session of a deactivated user', () => {
    const { token } = start();
    t.db.update(users).set({ status: 'deactivated' }).where(eq(users.id, userId)).run();
    expect(validateSessionToken(t.db, opts, token)).toBeNull();
  });

  it("revokes all of a user's sessions but the one kept", () => {
    const a = start();
    const b = start();
    const revoked = invalidateUserSessions(t.db, userId, a.session.id);
    expect(revoked).toEqual([b.session.id]);
    expect(validateSessionToken(t.db, opts, a.token)).not.toBeNull();
    expect(validateSessionToken(t.db, opts, b.token)).toBeNull();
  });
});
