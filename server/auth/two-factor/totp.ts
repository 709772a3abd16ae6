/**
 * TOTP (RFC 6238) on top of @oslojs/otp: 30-second steps, 6 digits, SHA-1 (what every
 * authenticator app supports). We match step by step ourselves rather than call
 * verifyTOTPWithGracePeriod, because we must know *which* step matched to refuse its reuse.
 */
import { randomBytes } from 'node:crypto';
import { encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import { createTOTPKeyURI, verifyHOTP } from '@oslojs/otp';

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps either side of now that still count: absorbs clock drift and a slow typist. */
const WINDOW_STEPS = 1;

/** A new 160-bit TOTP key, the size RFC 4226 recommends. */
export function newTotpKey(): Uint8Array {
  return new Uint8Array(randomBytes(20));
}

/** The key as authenticator apps expect it when typed by hand: base32, no padding. */
export function totpKeyBase32(key: Uint8Array): string {
  return encodeBase32UpperCaseNoPadding(key);
}

/** The otpauth:// URI a QR code carries; `issuer` is the portal's (branded) name. */
export function totpKeyUri(issuer: string, accountName: string, key: Uint8Array): string {
  return createTOTPKeyURI(issuer, accountName, key, TOTP_PERIOD_SECONDS, TOTP_DIGITS);
}

/** The 30-second step a moment falls in. */
export function totpStep(nowMs: number): number {
  return Math.floor(nowMs / (TOTP_PERIOD_SECONDS * 1000));
}

/**
 * The step whose code equals `code`, within ±1 step of `nowMs`, or null. Steps at or below
 * `lastUsedStep` are never matched: a code, once accepted, is not accepted again (nor is any
 * older one, which an onlooker may have seen).
 */
export function matchTotpStep(
  key: Uint8Array,
  code: string,
  nowMs: number,
  lastUsedStep: number,
): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const now = totpStep(nowMs);
  let matched: number | null = null;
  for (let step = now - WINDOW_STEPS; step <= now + WINDOW_STEPS; step++) {
    // Every candidate is checked (constant-time compare inside verifyHOTP), so the time taken
    // does not say which step, if any, matched.
    const ok = verifyHOTP(key, BigInt(step), TOTP_DIGITS, code);
    if (ok && step > lastUsedStep && matched === null) matched = step;
  }
  return matched;
}
