/**
 * TOTP for tests (RFC 6238: six-digit HOTP over 30-second steps), and the password account the
 * two-factor integration tests sign in as.
 *
 * Every step is read from `Date.now()`. The two-factor tests call `fakeDateAtStepStart()`, which
 * fakes Date only (sockets, timers and the in-process server keep running on real time), so
 * `tick` moves the test's clock and the server's together: each `freshCode` comes from a new
 * step, the way a person's next code would, and a 30-minute window can pass without waiting.
 */
import { decodeBase32 } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';
import { and, eq } from 'drizzle-orm';
import { vi } from 'vitest';
import { buildUser } from '../../storage/builders.ts';
import { auditLog, tenants } from '../../storage/schema.ts';
import { PortalClient, type Reply } from './http-client.ts';
import { startTestPortal, type TestPortal } from './portal.ts';

/** The length of one TOTP step, in milliseconds. */
export const STEP_MS = 30_000;

/** The step the clock is in now. */
export function step(): number {
  return Math.floor(Date.now() / STEP_MS);
}

/** The code for step `s` of a base32 secret. */
export function codeAt(secret: string, s: number): string {
  return generateHOTP(decodeBase32(secret), BigInt(s), 6);
}

/** The code for the step `offsetSteps` from now, of a secret as an app shows it (spaces, any case). */
export function totpCode(secretBase32: string, offsetSteps = 0): string {
  return codeAt(secretBase32.replaceAll(' ', '').toUpperCase(), step() + offsetSteps);
}

/** Moves the faked clock on by `ms`. */
export function tick(ms: number): void {
  vi.setSystemTime(Date.now() + ms);
}

/** The code a person would type half a minute later: a new step, never used before. */
export function freshCode(secret: string): string {
  tick(STEP_MS);
  return codeAt(secret, step());
}

/** Six digits that are not the code of any step the server would accept now. */
export function wrongCode(secret: string): string {
  const near = new Set([-1, 0, 1].map((d) => codeAt(secret, step() + d)));
  for (let n = 0; ; n++) {
    const candidate = String(n).padStart(6, '0');
    if (!near.has(candidate)) return candidate;
  }
}

/** Fakes Date only, and sets it one second into the next step. Undo with `vi.useRealTimers()`. */
export function fakeDateAtStepStart(): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Math.ceil(Date.now() / STEP_MS) * STEP_MS + 1_000);
}

export type AuditRow = typeof auditLog.$inferSelect;

/** A running portal with one password account (partner_staff in Acme) for two-factor tests. */
export interface TwoFactorPortal {
  portal: TestPortal;
  userId: string;
  /** Signs in with the password in a new client; `res` is the reply to the password step. */
  signIn: () => Promise<{ client: PortalClient; res: Reply }>;
  /** The audit entries with this action that the account is the actor of, oldest first. */
  audits: (action: string) => AuditRow[];
}

/** The password of the account `startTwoFactorPortal` creates. */
export const TWO_FACTOR_PASSWORD = 'correct horse battery staple';

/** Starts a portal and adds the account at `email` (no 2FA yet). The clock is left alone. */
export async function startTwoFactorPortal(email: string): Promise<TwoFactorPortal> {
  const portal = await startTestPortal();
  const acme = portal.ctx.db.select().from(tenants).where(eq(tenants.slug, 'acme')).get()!;
  const user = await buildUser(
    portal.ctx.db,
    { email, name: 'Tess Factor', role: 'partner_staff', tenantId: acme.id, password: TWO_FACTOR_PASSWORD },
    { fastHash: true },
  );
  return {
    portal,
    userId: user.id,
    signIn: async () => {
      const client = new PortalClient(portal.url);
      const res = await client.post('/api/auth/login', { email, password: TWO_FACTOR_PASSWORD });
      return { client, res };
    },
    audits: (action) =>
      portal.ctx.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, action), eq(auditLog.actorUserId, user.id)))
        .all(),
  };
}
