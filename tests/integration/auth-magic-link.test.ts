/** Magic-link sign-in against a real server, reading the links from the outbox like a person would. */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeBase32 } from '@oslojs/encoding';
import { generateTOTP } from '@oslojs/otp';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HIDDEN_SECRET } from '../../server/email/mailer.ts';
import { sha256 } from '../../server/ids.ts';
import { buildUser } from '../../storage/builders.ts';
import { auditLog, magicLinkTokens, outboxEmails, tenants, users } from '../../storage/schema.ts';
import { PortalClient } from '../support/http-client.ts';
import { rawEmail } from '../support/outbox.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';

type ErrorBody = { error: { code: string; message: string } };
const INVALID = 'This sign-in link is invalid or has expired. Request a new one.';
let portal: TestPortal;
// A stand-in for the built client, so the SPA fallback has an index.html to serve.
const clientDir = mkdtempSync(join(tmpdir(), 'portal-client-'));

const emailsTo = (to: string) =>
  portal.ctx.db.select().from(outboxEmails).where(eq(outboxEmails.toAddress, to)).all();
/** Emails go out in the background: wait (with a deadline) until `count` have reached `to`. */
async function waitForEmails(to: string, count: number) {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const found = emailsTo(to);
    if (found.length >= count) return found;
    if (Date.now() > deadline) throw new Error(`expected ${count} emails to ${to}, got ${found.length}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
const tokenIn = (text: string) => /\/auth\/magic\?token=([a-z2-9]{32})\b/.exec(text)?.[1] ?? null;
/** Requests a link for `email` and returns the token from the newest email. */
async function requestLink(email: string): Promise<string> {
  const before = emailsTo(email).length;
  const res = await new PortalClient(portal.url).post('/api/auth/magic-link', { email });
  expect(res.status).toBe(202);
  const emails = await waitForEmails(email, before + 1);
  return tokenIn(rawEmail(portal.dataDir, emails.at(-1)!.file))!;
}
const tokenRow = (token: string) =>
  portal.ctx.db
    .select()
    .from(magicLinkTokens)
    .where(eq(magicLinkTokens.tokenHash, sha256(token)))
    .get();
const verify = (client: PortalClient, token: string) =>
  client.post<ErrorBody & { user: { id: string } }>('/api/auth/magic-link/verify', { token });

beforeAll(async () => {
  writeFileSync(
    join(clientDir, 'index.html'),
    '<!doctype html><html><head><!--portal:head--></head><body></body></html>',
  );
  portal = await startTestPortal({ CLIENT_DIR: clientDir });
});
afterAll(async () => {
  await portal?.close();
  rmSync(clientDir, { recursive: true, force: true });
});

describe('requesting a sign-in link', () => {
  it('answers an unknown email exactly like a known one, and emails only the known one', async () => {
    const tokensBefore = portal.ctx.db.select().from(magicLinkTokens).all().length;
    const unknown = await new PortalClient(portal.url).post('/api/auth/magic-link', {
      email: 'nobody@nowhere.test',
    });
    const known = await new PortalClient(portal.url).post('/api/auth/magic-link', {
      email: ' Employee@Globex.test ',
    });
    expect(unknown.status).toBe(202);
    expect(known.status).toBe(202);
    expect(unknown.body).toEqual({ sent: true });
    expect(known.body).toEqual(unknown.body);
    expect(known.headers.get('content-type')).toBe(unknown.headers.get('content-type'));
    expect(known.headers.get('set-cookie')).toBeNull();

    const [email] = await waitForEmails('employee@globex.test', 1);
    expect(emailsTo('nobody@nowhere.test')).toHaveLength(0);
    expect(portal.ctx.db.select().from(magicLinkTokens).all()).toHaveLength(tokensBefore + 1);

    // Branded for the recipient's tenant (Globex inherits Acme's portal name) and linking to us.
    expect(email!.subject).toBe('Your sign-in link for Acme Client Hub');
    expect(email!.fromAddress).toMatch(/^Acme Client Hub </);
    const raw = rawEmail(portal.dataDir, email!.file);
    const token = tokenIn(raw)!;
    expect(raw).toContain(`${portal.url}/auth/magic?token=${token}`);
    // The copy staff can read in the outbox never carries the link: it would sign them in.
    expect(email!.text).not.toContain(token);
    expect(email!.html).not.toContain(token);
    expect(email!.text).toContain(HIDDEN_SECRET);
    expect(existsSync(join(portal.dataDir, 'outbox', email!.file!))).toBe(true);
    // Only the hash is stored; the login link lives 15 minutes.
    const row = tokenRow(token)!;
    expect(row.purpose).toBe('login');
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeGreaterThan(14 * 60_000);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeLessThanOrEqual(15 * 60_000 + 1000);
  });

  it('sends nothing to a deactivated user', async () => {
    const acme = portal.ctx.db.select().from(tenants).where(eq(tenants.slug, 'acme')).get()!;
    const gone = await buildUser(portal.ctx.db, {
      email: 'gone@acme.test',
      name: 'Gone',
      role: 'partner_staff',
      tenantId: acme.id,
      status: 'deactivated',
    });
    const res = await new PortalClient(portal.url).post('/api/auth/magic-link', { email: 'gone@acme.test' });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ sent: true });
    await requestLink('client@initech.test'); // a later email has gone out, so this one would have too
    expect(emailsTo('gone@acme.test')).toHaveLength(0);
    expect(
      portal.ctx.db.select().from(magicLinkTokens).where(eq(magicLinkTokens.userId, gone.id)).all(),
    ).toHaveLength(0);
  });

  it('refuses an invalid email with 400', async () => {
    const res = await new PortalClient(portal.url).post<ErrorBody>('/api/auth/magic-link', {
      email: 'not-an-email',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
  });
});

describe('following a sign-in link', () => {
  it('shows the page on GET without signing in or spending the token', async () => {
    const token = await requestLink('employee@globex.test');
    const res = await fetch(`${portal.url}/auth/magic?token=${token}`, { redirect: 'manual' });
    const body = await res.text();
    expect(res.headers.getSetCookie().some((c) => c.startsWith('session='))).toBe(false);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(body).toContain('<title>');
    expect(tokenRow(token)!.usedAt).toBeNull();
  });

  it('signs in on POST, once', async () => {
    const token = await requestLink('employee@globex.test');
    const client = new PortalClient(portal.url);
    const res = await verify(client, token);
    expect(res.status).toBe(200);
    const me = await client.get<{ user: { email: string } }>('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe('employee@globex.test');
    expect(tokenRow(token)!.usedAt).not.toBeNull();
    const signIn = portal.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'auth.sign_in'), eq(auditLog.actorUserId, res.body.user.id)))
      .all();
    expect(signIn.at(-1)?.data).toEqual({ method: 'magic_link' });

    const reuse = await verify(new PortalClient(portal.url), token);
    expect(reuse.status).toBe(400);
    expect(reuse.body.error).toEqual({ code: 'invalid_token', message: INVALID });
    expect(reuse.headers.getSetCookie().some((c) => c.startsWith('session='))).toBe(false);
  });

  it('lets only one of two simultaneous requests spend a token', async () => {
    const token = await requestLink('employee@globex.test');
    const results = await Promise.all([1, 2, 3].map(() => verify(new PortalClient(portal.url), token)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 400, 400]);
  });

  it('refuses expired, tampered and malformed tokens with 400', async () => {
    const expired = await requestLink('employee@globex.test');
    portal.ctx.db
      .update(magicLinkTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(magicLinkTokens.tokenHash, sha256(expired)))
      .run();
    expect((await verify(new PortalClient(portal.url), expired)).body.error.code).toBe('invalid_token');

    const good = await requestLink('employee@globex.test');
    const tampered = (good[0] === 'a' ? 'b' : 'a') + good.slice(1);
    const t = await verify(new PortalClient(portal.url), tampered);
    expect(t.status).toBe(400);
    expect(t.body.error).toEqual({ code: 'invalid_token', message: INVALID });
    expect(tokenRow(good)!.usedAt).toBeNull(); // a tampered copy does not burn the real one

    for (const bad of ['', 'abc', good.toUpperCase(), `${good}x`, '../../etc/passwd', 'é'.repeat(32)]) {
      const res = await verify(new PortalClient(portal.url), bad);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid_token');
    }
    for (const body of [{}, { token: 42 }, { token: 'x'.repeat(300) }]) {
      const res = await new PortalClient(portal.url).post<ErrorBody>('/api/auth/magic-link/verify', body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    expect((await verify(new PortalClient(portal.url), good)).status).toBe(200);
  });

  it('activates an invited user who signs in with a link', async () => {
    const initech = portal.ctx.db.select().from(tenants).where(eq(tenants.slug, 'initech')).get()!;
    const invited = await buildUser(portal.ctx.db, {
      email: 'new@initech.test',
      name: 'New Person',
      role: 'client',
      tenantId: initech.id,
      status: 'invited',
    });
    const token = await requestLink('new@initech.test');
    const client = new PortalClient(portal.url);
    expect((await verify(client, token)).status).toBe(200);
    expect(portal.ctx.db.select().from(users).where(eq(users.id, invited.id)).get()!.status).toBe('active');
    expect((await client.get<{ user: { hasPassword: boolean } }>('/api/me')).body.user.hasPassword).toBe(
      false,
    );
  });

  it('still asks a 2FA user for their code', async () => {
    const client = await new PortalClient(portal.url).login('client@initech.test');
    const setup = await client.post<{ secret: string }>('/api/me/2fa/setup');
    const code = generateTOTP(decodeBase32(setup.body.secret), 30, 6);
    expect((await client.post('/api/me/2fa/enable', { code })).status).toBe(200);

    const token = await requestLink('client@initech.test');
    const fresh = new PortalClient(portal.url);
    const res = await verify(fresh, token);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ twoFactorRequired: true });
    expect((await fresh.get<ErrorBody>('/api/me')).body.error.code).toBe('two_factor_required');
  });
});
