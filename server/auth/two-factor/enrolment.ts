/** Switching TOTP on and off for the signed-in user, and replacing their recovery codes. */
import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { totpCredentials } from '../../../storage/schema.ts';
import { recordAudit } from '../../audit/audit.ts';
import type { AppContext } from '../../context.ts';
import { conflict } from '../../http/errors.ts';
import { effectiveBranding } from '../../tenancy/branding.ts';
import { invalidateUserSessions } from '../sessions.ts';
import { hasTwoFactor } from '../sign-in.ts';
import { checkSecondFactor } from './check-code.ts';
import { savePendingCredential } from './credential.ts';
import { deleteRecoveryCodes, replaceRecoveryCodes } from './recovery-codes.ts';
import { newTotpKey, totpKeyBase32, totpKeyUri } from './totp.ts';

/** The signed-in person a 2FA change is for. */
export interface Enroller {
  userId: string;
  email: string;
  tenantId: string;
  sessionId: string;
}

/**
 * Starts enrolment: a new pending key (replacing any pending one), shown as base32, an
 * otpauth:// URI and a QR code. The issuer is the user's branded portal name, so the entry in
 * the authenticator app carries the name the user knows. 409 when 2FA is already on.
 */
export async function beginTwoFactorSetup(ctx: AppContext, who: Enroller) {
  if (hasTwoFactor(ctx, who.userId)) throw conflict('Two-factor authentication is already enabled.');
  const key = newTotpKey();
  savePendingCredential(ctx.db, ctx.secretKey, who.userId, key);
  const issuer = effectiveBranding(ctx.db, who.tenantId).portalName;
  const otpauthUri = totpKeyUri(issuer, who.email, key);
  const qrSvg = await QRCode.toString(otpauthUri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { secret: totpKeyBase32(key), otpauthUri, qrSvg };
}

/** Confirms enrolment with a first code from the app; returns the ten recovery codes, once. */
export function enableTwoFactor(ctx: AppContext, req: FastifyRequest, who: Enroller, code: string): string[] {
  const codes = checkSecondFactor(
    ctx,
    req,
    { id: who.userId, tenantId: who.tenantId },
    { code },
    'enable',
    (tx) => {
      tx.update(totpCredentials)
        .set({ enabledAt: new Date() })
        .where(eq(totpCredentials.userId, who.userId))
        .run();
      return replaceRecoveryCodes(tx, who.userId);
    },
  );
  audit(ctx, req, who, 'two_factor.enabled');
  return codes;
}

/**
 * Switches 2FA off with a fresh authenticator code (never a recovery code: someone holding only
 * a leaked recovery sheet must not be able to remove the second factor). Every other session of
 * the user ends, including half-signed-in ones.
 */
export function disableTwoFactor(ctx: AppContext, req: FastifyRequest, who: Enroller, code: string): void {
  checkSecondFactor(ctx, req, { id: who.userId, tenantId: who.tenantId }, { code }, 'disable', (tx) => {
    tx.delete(totpCredentials).where(eq(totpCredentials.userId, who.userId)).run();
    deleteRecoveryCodes(tx, who.userId);
  });
  const revoked = invalidateUserSessions(ctx.db, who.userId, who.sessionId);
  ctx.events.emit('sessions.revoked', { userId: who.userId, sessionIds: revoked });
  audit(ctx, req, who, 'two_factor.disabled', { otherSessionsRevoked: revoked.length });
}

/** Replaces the recovery codes (a fresh TOTP code required); the old set stops working. */
export function regenerateRecoveryCodes(
  ctx: AppContext,
  req: FastifyRequest,
  who: Enroller,
  code: string,
): string[] {
  const codes = checkSecondFactor(
    ctx,
    req,
    { id: who.userId, tenantId: who.tenantId },
    { code },
    'regenerate',
    (tx) => replaceRecoveryCodes(tx, who.userId),
  );
  audit(ctx, req, who, 'two_factor.recovery_codes_regenerated');
  return codes;
}

function audit(
  ctx: AppContext,
  req: FastifyRequest,
  who: Enroller,
  action: 'two_factor.enabled' | 'two_factor.disabled' | 'two_factor.recovery_codes_regenerated',
  data?: Record<string, unknown>,
): void {
  recordAudit(ctx.db, {
    action,
    tenantId: who.tenantId,
    actorUserId: who.userId,
    targetType: 'user',
    targetId: who.userId,
    ip: req.ip,
    ...(data ? { data } : {}),
  });
}
