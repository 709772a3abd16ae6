import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openSecret, sealSecret } from '../../server/auth/crypto.ts';

const key = randomBytes(32);
const secret = new Uint8Array(randomBytes(20));

describe('sealSecret / openSecret (AES-256-GCM)', () => {
  it('round-trips, as iv ‖ tag ‖ ciphertext', () => {
    const sealed = sealSecret(key, secret, 'totp:u1');
    expect(sealed.length).toBe(12 + 16 + secret.length);
    expect(new Uint8Array(openSecret(key, sealed, 'totp:u1'))).toEqual(secret);
  });

  it('uses a fresh IV each time, so equal secrets do not look equal at rest', () => {
    expect(sealSecret(key, secret, 'c').equals(sealSecret(key, secret, 'c'))).toBe(false);
  });

  it('refuses a flipped bit anywhere: iv, tag or ciphertext', () => {
    const sealed = sealSecret(key, secret, 'c');
    for (const at of [0, 12, 28, sealed.length - 1]) {
      const bad = Buffer.from(sealed);
      bad[at]! ^= 1;
      expect(() => openSecret(key, bad, 'c')).toThrow();
    }
  });

  it('refuses another key, another context and a truncated value', () => {
    const sealed = sealSecret(key, secret, 'totp:u1');
    expect(() => openSecret(randomBytes(32), sealed, 'totp:u1')).toThrow();
    expect(() => openSecret(key, sealed, 'totp:u2')).toThrow();
    expect(() => openSecret(key, sealed.subarray(0, 20), 'totp:u1')).toThrow();
  });

  it('insists on a 32-byte key', () => {
    expect(() => sealSecret(randomBytes(16), secret, 'c')).toThrow(/32 bytes/);
  });
});
