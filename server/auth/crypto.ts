/**
 * AES-256-GCM for small secrets at rest (TOTP keys). The sealed form is one buffer,
 * iv (12 bytes) ‖ auth tag (16 bytes) ‖ ciphertext, so it fits a single BLOB column.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const IV_BYTES = 12;
const TAG_BYTES = 16;

function assertKey(key: Buffer): void {
  if (key.length !== 32) throw new Error('The secret key must be 32 bytes (AES-256).');
}

/**
 * Encrypts `plaintext` under `key`. `context` is bound as associated data (e.g. `totp:<userId>`):
 * a sealed value copied onto another row no longer decrypts, so rows cannot be swapped.
 */
export function sealSecret(key: Buffer, plaintext: Uint8Array, context: string): Buffer {
  assertKey(key);
  // A fresh random 96-bit IV per message: GCM must never reuse one under the same key.
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]);
}

/**
 * Decrypts a value made by `sealSecret` with the same key and context. Throws when the value was
 * altered, truncated, sealed under another key or for another context: never returns garbage.
 */
export function openSecret(key: Buffer, sealed: Buffer, context: string): Buffer {
  assertKey(key);
  if (sealed.length < IV_BYTES + TAG_BYTES) throw new Error('Sealed secret is truncated.');
  const iv = sealed.subarray(0, IV_BYTES);
  const tag = sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
}
