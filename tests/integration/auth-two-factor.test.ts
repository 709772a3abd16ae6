/**
 * TOTP end to end against a real server. The clock is faked (Date only; timers stay real) so each
 * accepted code can come from a new 30-second step, the way a person's next code would, and the
 * 30-minute lock-out window can pass without waiting.
 */
import { decodeBase32 } from '@oslojs/encoding';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { recoveryCodes, totpCredentials } from '../../storage/schema.ts';
import { PortalClient } from '../support/http-client.ts';
import type { TestPortal } from '../support/portal.ts';
import {
  codeAt,
  fakeDateAtStepStart,
  freshCode,
  startTwoFactorPortal,
  step,
  type TwoFactorPortal,
  tick,
  wrongCode,
} from '../support/totp.ts';
import type { ErrorBody, TwoFactorSetup } from '../support/views.ts';

const EMAIL = 'two.factor@acme.test';
let portal: TestPortal;
let userId: string;
let signIn: TwoFactorPortal['signIn'];
let audits: TwoFactorPortal['audits'];

let secret = '';
let recovery: string[] = [];

beforeAll(async () => {
  ({ portal, userId, signIn, audits } = await startTwoFactorPortal(EMAIL));
  // Only Date is faked: sockets, timers and the server keep running on real time.
  fakeDateAtStepStart();
});

afterAll(async () => {
  vi.useRealTimers();
  await portal?.close();
});

describe('two-factor authentication', () => {
  it('enrols: a branded secret and QR code, confirmed by a first code, with ten recovery codes', async () => {
    const { client } = await signIn();
    const first = await client.post<TwoFactorSetup>('/api/me/2fa/setup');
    expect(first.status).toBe(200);
    const again = await client.post<TwoFactorSetup>('/api/me/2fa/setup');
    expect(again.body.secret).not.toBe(first.body.secret); // a pending key is replaced
    secret = again.body.secret;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(again.body.otpauthUri);
    expect(uri.searchParams.get('issuer')).toBe('Acme Client Hub');
    expect(uri.searchParams.get('secret')).toBe(secret);
    expect(decodeURIComponent(uri.pathname)).toContain(EMAIL);
    expect(again.body.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);

    const row = portal.ctx.db.select().from(totpCredentials).where(eq(totpCredentials.userId, userId)).get()!;
    expect(row.enabledAt).toBeNull();
    expect(row.secretEncrypted.includes(Buffer.from(decodeBase32(secret)))).toBe(false); // encrypted at rest

    const wrong = await client.post<ErrorBody>('/api/me/2fa/enable', { code: wrongCode(secret) });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('invalid_code');
    const old = await client.post<ErrorBody>('/api/me/2fa/enable', {
      code: codeAt(first.body.secret, step()),
    });
    expect(old.status).toBe(400);

    const enabled = await client.post<{ recoveryCodes: string[] }>('/api/me/2fa/enable', {
      code: codeAt(secret, step()),
    });
    expect(enabled.status).toBe(200);
    recovery = enabled.body.recoveryCodes;
    expect(recovery).toHaveLength(10);
    expect(new Set(recovery).size).toBe(10);
    for (const c of recovery) expect(c).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    const stored = portal.ctx.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, userId)).all();
    expect(stored).toHaveLength(10);
    expect(stored.every((r) => r.codeHash.length === 32 && r.usedAt === null)).toBe(true); // SHA-256 only

    const me = await client.get<{ user: { twoFactorEnabled: boolean } }>('/api/me');
    expect(me.body.user.twoFactorEnabled).toBe(true);
    const setupAgain = await client.post<ErrorBody>('/api/me/2fa/setup');
    expect(setupAgain.status).toBe(409);
    expect(audits('two_factor.enabled')).toHaveLength(1);
    await client.post('/api/auth/logout');
  });

  it('asks for the code after the password and swaps the pending session for a new one', async () => {
    const { client, res } = await signIn();
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ twoFactorRequired: true });
    const pending = client.cookie;
    expect(pending).toBeTruthy();
    const me = await client.get<ErrorBody>('/api/me');
    expect(me.status).toBe(401);
    expect(me.body.error.code).toBe('two_factor_required');
    expect((await client.post<ErrorBody>('/api/me/2fa/setup')).body.error.code).toBe('two_factor_required');

    const wrong = await client.post<ErrorBody>('/api/auth/2fa/verify', { code: wrongCode(secret) });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('invalid_code');

    const code = freshCode(secret);
    const ok = await client.post<{ user: { id: string } }>('/api/auth/2fa/verify', { code });
    expect(ok.status).toBe(200);
    expect(ok.body.user.id).toBe(userId);
    expect(client.cookie).toBeTruthy();
    expect(client.cookie).not.toBe(pending); // never promoted: a brand-new session id
    expect((await client.get('/api/me')).status).toBe(200);
    expect((await client.post<ErrorBody>('/api/auth/2fa/verify', { code: freshCode(secret) })).status).toBe(
      409,
    );
    const stale = new PortalClient(portal.url);
    stale.cookie = pending;
    expect((await stale.get('/api/me')).status).toBe(401);
    expect(audits('auth.sign_in').at(-1)?.data).toEqual({ method: 'totp' });

    // The same code, replayed in another sign-in within its validity: refused.
    const replay = await signIn();
    const again = await replay.client.post<ErrorBody>('/api/auth/2fa/verify', { code });
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe('invalid_code');
  });

  it('accepts one code once even when two sign-ins race with it', async () => {
    tick(31 * 60_000); // a fresh failure window: the wrong codes above are forgotten
    const [a, b] = await Promise.all([signIn(), signIn()]);
    const code = freshCode(secret);
    const results = await Promise.all([a, b].map((s) => s.client.post('/api/auth/2fa/verify', { code })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 401]);
  });

  it('accepts a recovery code once, and never to switch 2FA off', async () => {
    const first = await signIn();
    const used = recovery[0]!;
    const ok = await first.client.post('/api/auth/2fa/verify', { recoveryCode: ` ${used.toUpperCase()} ` });
    expect(ok.status).toBe(200);
    expect((await first.client.get('/api/me')).status).toBe(200);
    expect(audits('two_factor.recovery_code_used').at(-1)?.data).toEqual({ recoveryCodesLeft: 9 });

    const second = await signIn();
    const reuse = await second.client.post<ErrorBody>('/api/auth/2fa/verify', { recoveryCode: used });
    expect(reuse.status).toBe(401);
    expect(reuse.body.error.code).toBe('invalid_code');
    const disable = await first.client.post<ErrorBody>('/api/me/2fa/disable', { code: recovery[1] });
    expect(disable.status).toBe(400);
    expect(disable.body.error.code).toBe('validation_failed');
  });

  it('locks the user out on the sixth attempt after five wrong codes in 30 minutes', async () => {
    tick(31 * 60_000); // a fresh window, whatever earlier tests spent
    const { client } = await signIn();
    for (let i = 0; i < 5; i++) {
      const res = await client.post<ErrorBody>('/api/auth/2fa/verify', { code: wrongCode(secret) });
      expect(res.status).toBe(401);
    }
    const locked = await client.post<ErrorBody>('/api/auth/2fa/verify', { code: freshCode(secret) });
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('rate_limited');
    const retryAfter = Number(locked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(60);
    expect(retryAfter).toBeLessThanOrEqual(30 * 60);
    expect(audits('two_factor.failed').length).toBeGreaterThanOrEqual(5);

    tick(31 * 60_000);
    expect((await client.post('/api/auth/2fa/verify', { code: freshCode(secret) })).status).toBe(200);
  });

  it('refuses the verify step without a session, and malformed codes', async () => {
    const anonymous = new PortalClient(portal.url);
    const res = await anonymous.post<ErrorBody>('/api/auth/2fa/verify', { code: '123456' });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthenticated');
    const { client } = await signIn();
    for (const body of [{ code: '12345' }, { code: 'abcdef' }, {}, { code: '123456', recoveryCode: 'x' }]) {
      const bad = await client.post<ErrorBody>('/api/auth/2fa/verify', body);
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe('validation_failed');
    }
  });
});
