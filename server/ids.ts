/** Random identifiers and secrets, from the Lucia session design's alphabet (5 bits a character). */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

// No 0/o, 1/l: readable when a person copies a code by hand.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** A random string of `length` characters with 5 bits of entropy each (24 → 120 bits). */
export function randomString(length = 24): string {
  const bytes = randomBytes(length);
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[bytes[i]! >> 3];
  return out;
}

/** A new row id: 16 characters, 80 bits; never guessable, never sequential. */
export function newId(): string {
  return randomString(16);
}

export function sha256(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** Compares two hashes in constant time (a length mismatch is simply unequal). */
export function constantTimeEqual(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
