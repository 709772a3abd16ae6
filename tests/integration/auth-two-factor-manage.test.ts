/**
 * Managing TOTP once it is on: switching it off and replacing the recovery codes. As in
 * auth-two-factor.test.ts, only Date is faked so each accepted code comes from a new step.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { recoveryCodes, totpCredentials } from '../../storage/schema.ts';
import type { TestPortal } from '../support/portal.ts';
import {
  codeAt,
  fakeDateAtStepStart,
  freshCode,
  startTwoFactorPortal,
  step,
  type TwoFactorPortal,
  wrongCode,
} from '../support/totp.ts';
import type { ErrorBody, TwoFactorSetup } from '../support/views.ts';

const EMAIL = 'manage.factor@acme.test';
let portal: TestPortal;
let userId: string;
let signIn: TwoFactorPortal['signIn'];
let audits: TwoFactorPortal['audits'];

let secret = '';

beforeAll(async () => {
  ({ portal, userId, signIn, audits } = await startTwoFactorPortal(EMAIL));
  // Only Date is faked: sockets, timers and the server keep running on real time.
  fakeDateAtStepStart();
  const { client } = await signIn();
  secret = (await client.post<TwoFactorSetup>('/api/me/2fa/setup')).body.secret;
  expect((await client.post('/api/me/2fa/enable', { code: codeAt(secret, step()) })).status).toBe(200);
});

afterAll(async () => {
  vi.useRealTimers();
  await portal?.close();
});

describe('managing two-factor authentication', () => {
  it('switches off only with a fresh code, ending the other sessions', async () => {
    const a = await signIn();
    const used = freshCode(secret);
    expect((await a.client.post('/api/auth/2fa/verify', { code: used })).status).toBe(200);
    const b = await signIn();
    expect((await b.client.post('/api/auth/2fa/verify', { code: freshCode(secret) })).status).toBe(200);

    const replayed = await a.client.post<ErrorBody>('/api/me/2fa/disable', { code: used });
    expect(replayed.status).toBe(400);
    expect(replayed.body.error.code).toBe('invalid_code');
    const off = await a.client.post('/api/me/2fa/disable', { code: freshCode(secret) });
    expect(off.status).toBe(204);

    expect((await b.client.get('/api/me')).status).toBe(401);
    const me = await a.client.get<{ user: { twoFactorEnabled: boolean } }>('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.user.twoFactorEnabled).toBe(false);
    expect(
      portal.ctx.db.select().from(totpCredentials).where(eq(totpCredentials.userId, userId)).all(),
    ).toHaveLength(0);
    expect(
      portal.ctx.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, userId)).all(),
    ).toHaveLength(0);
    expect((await a.client.post<ErrorBody>('/api/me/2fa/disable', { code: freshCode(secret) })).status).toBe(
      409,
    );
    expect(audits('two_factor.disabled')).toHaveLength(1);
    expect((await signIn()).res.body).toEqual({ user: { id: userId } });
  });

  it('replaces the recovery codes with a fresh code; the old set stops working', async () => {
    const { client } = await signIn();
    const setup = await client.post<TwoFactorSetup>('/api/me/2fa/setup');
    secret = setup.body.secret;
    const enabled = await client.post<{ recoveryCodes: string[] }>('/api/me/2fa/enable', {
      code: freshCode(secret),
    });
    const oldCodes = enabled.body.recoveryCodes;
    const wrong = await client.post<ErrorBody>('/api/me/2fa/recovery-codes', { code: wrongCode(secret) });
    expect(wrong.status).toBe(400);
    const fresh = await client.post<{ recoveryCodes: string[] }>('/api/me/2fa/recovery-codes', {
      code: freshCode(secret),
    });
    expect(fresh.status).toBe(200);
    expect(fresh.body.recoveryCodes).toHaveLength(10);
    expect(fresh.body.recoveryCodes).not.toContain(oldCodes[0]);
    expect(audits('two_factor.recovery_codes_regenerated')).toHaveLength(1);

    const oldTry = await signIn();
    expect((await oldTry.client.post('/api/auth/2fa/verify', { recoveryCode: oldCodes[0] })).status).toBe(
      401,
    );
    const newTry = await signIn();
    expect(
      (await newTry.client.post('/api/auth/2fa/verify', { recoveryCode: fresh.body.recoveryCodes[0] }))
        .status,
    ).toBe(200);
  });
});
