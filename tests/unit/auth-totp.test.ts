import { decodeBase32 } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';
import { describe, expect, it } from 'vitest';
import { afterFailure, FAILED_WINDOW_MS, lockedForSeconds } from '../../server/auth/two-factor/credential.ts';
import { newRecoveryCode, normaliseRecoveryCode } from '../../server/auth/two-factor/recovery-codes.ts';
import {
  matchTotpStep,
  newTotpKey,
  totpKeyBase32,
  totpKeyUri,
  totpStep,
} from '../../server/auth/two-factor/totp.ts';

// RFC 6238 appendix B: the SHA-1 seed "12345678901234567890"; at T=59 s the 8-digit code is
// 94287082, so the 6-digit code is its last six digits.
const rfcKey = new TextEncoder().encode('12345678901234567890');

const codeAt = (key: Uint8Array, step: number) => generateHOTP(key, BigInt(step), 6);

describe('matchTotpStep', () => {
  it('matches the RFC 6238 test vector', () => {
    expect(matchTotpStep(rfcKey, '287082', 59_000, 0)).toBe(1);
  });

  it('accepts one step either side of now and nothing further', () => {
    const key = newTotpKey();
    const now = 1_700_000_000_000;
    const step = totpStep(now);
    expect(matchTotpStep(key, codeAt(key, step - 1), now, 0)).toBe(step - 1);
    expect(matchTotpStep(key, codeAt(key, step), now, 0)).toBe(step);
    expect(matchTotpStep(key, codeAt(key, step + 1), now, 0)).toBe(step + 1);
    // Skip the (1 in a million) case where a far code happens to equal a near one.
    const near = new Set([step - 1, step, step + 1].map((s) => codeAt(key, s)));
    for (const far of [step - 2, step + 2]) {
      if (!near.has(codeAt(key, far))) expect(matchTotpStep(key, codeAt(key, far), now, 0)).toBeNull();
    }
  });

  it('never accepts a step at or below the last one used', () => {
    const key = newTotpKey();
    const now = 1_700_000_000_000;
    const step = totpStep(now);
    expect(matchTotpStep(key, codeAt(key, step), now, step)).toBeNull();
    expect(matchTotpStep(key, codeAt(key, step - 1), now, step)).toBeNull();
    expect(matchTotpStep(key, codeAt(key, step + 1), now, step)).toBe(step + 1);
  });

  it('refuses anything that is not six digits', () => {
    const key = newTotpKey();
    for (const code of ['', '12345', '1234567', 'abcdef', ' 123456']) {
      expect(matchTotpStep(key, code, Date.now(), 0)).toBeNull();
    }
  });
});

describe('key presentation', () => {
  it('gives base32 that decodes to the key and a branded otpauth URI', () => {
    const key = newTotpKey();
    expect(key.length).toBe(20);
    expect(decodeBase32(totpKeyBase32(key))).toEqual(key);
    const uri = new URL(totpKeyUri('Acme Client Hub', 'pat@acme.test', key));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.searchParams.get('issuer')).toBe('Acme Client Hub');
    expect(uri.searchParams.get('secret')).toBe(totpKeyBase32(key));
    expect(uri.searchParams.get('period')).toBe('30');
    expect(uri.searchParams.get('digits')).toBe('6');
    expect(decodeURIComponent(uri.pathname)).toContain('Acme Client Hub:pat@acme.test');
  });
});

describe('failed-attempt window', () => {
  const t0 = 1_700_000_000_000;

  it('locks after five failures inside 30 minutes, until the window ends', () => {
    let state = { failedAttempts: 0, failedWindowStart: null as Date | null };
    for (let i = 0; i < 5; i++) {
      expect(lockedForSeconds(state, t0 + i * 1000)).toBe(0);
      state = afterFailure(state, t0 + i * 1000);
    }
    expect(state.failedAttempts).toBe(5);
    expect(lockedForSeconds(state, t0 + 5000)).toBeCloseTo((FAILED_WINDOW_MS - 5000) / 1000);
    expect(lockedForSeconds(state, t0 + FAILED_WINDOW_MS)).toBe(0);
  });

  it('opens a new window on the first failure after the old one ended', () => {
    const old = { failedAttempts: 5, failedWindowStart: new Date(t0) };
    const next = afterFailure(old, t0 + FAILED_WINDOW_MS + 1);
    expect(next.failedAttempts).toBe(1);
    expect(next.failedWindowStart?.getTime()).toBe(t0 + FAILED_WINDOW_MS + 1);
  });
});

describe('recovery codes', () => {
  it('look like xxxxx-xxxxx from the readable alphabet and are all different', () => {
    const codes = Array.from({ length: 50 }, newRecoveryCode);
    for (const c of codes) expect(c).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    expect(new Set(codes).size).toBe(50);
  });

  it('normalise case, spaces and dashes, and reject anything else', () => {
    expect(normaliseRecoveryCode(' K3M9X-P2QRT ')).toBe('k3m9xp2qrt');
    expect(normaliseRecoveryCode('k3m9x p2qrt')).toBe('k3m9xp2qrt');
    expect(normaliseRecoveryCode('k3m9x-p2qr')).toBeNull();
    expect(normaliseRecoveryCode('k3m9x-p2qr0')).toBeNull();
    expect(normaliseRecoveryCode('123456')).toBeNull();
  });
});
