/**
 * CSAT links carry no table row: the token is `<ticketId><userId><expiry><mac>` (16 + 16 + 7
 * base36 + 43 base64url characters, fixed widths, no dots: the SPA never serves a path with a dot
 * in it, as that looks like a file), the MAC an
 * HMAC-SHA256 under a key derived from the server's secret key for this one purpose, so a token
 * cannot be forged, moved to another ticket or person, or extended. It lives 30 days; spending
 * it is limited by the one-rating-per-ticket unique index, not by the token.
 */
import { createHmac } from 'node:crypto';
import { constantTimeEqual } from '../../ids.ts';

export const CSAT_TOKEN_TTL_MS = 30 * 24 * 60 * 60 * 1000;

const TOKEN = /^([a-z2-9]{16})([a-z2-9]{16})([0-9a-z]{7})([A-Za-z0-9_-]{43})$/;

/** Domain separation: the same secret key also seals TOTP secrets and pseudonymises presence. */
function macOf(secretKey: Buffer, payload: string): Buffer {
  const key = createHmac('sha256', secretKey).update('csat-token-v1').digest();
  return createHmac('sha256', key).update(payload).digest();
}

/** A URL-safe token letting `userId` rate `ticketId` until `now + 30 days`. */
export function issueCsatToken(
  secretKey: Buffer,
  ticketId: string,
  userId: string,
  now = Date.now(),
): string {
  // Seven base36 digits of seconds last until the year 4400.
  const expires = Math.floor((now + CSAT_TOKEN_TTL_MS) / 1000)
    .toString(36)
    .padStart(7, '0');
  const payload = `${ticketId}${userId}${expires}`;
  return `${payload}${macOf(secretKey, payload).toString('base64url')}`;
}

/** The ticket and person a genuine, unexpired token names; null for anything else. */
export function verifyCsatToken(
  secretKey: Buffer,
  token: string,
  now = Date.now(),
): { ticketId: string; userId: string } | null {
  const m = TOKEN.exec(token);
  if (!m) return null;
  const [, ticketId, userId, expires, mac] = m as unknown as [string, string, string, string, string];
  const expected = macOf(secretKey, `${ticketId}${userId}${expires}`);
  if (!constantTimeEqual(Buffer.from(mac, 'base64url'), expected)) return null;
  if (Number.parseInt(expires, 36) * 1000 <= now) return null;
  return { ticketId, userId };
}
