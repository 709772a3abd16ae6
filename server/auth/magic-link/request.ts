/**
 * Requesting a sign-in link. The answer never depends on whether the account exists: the
 * caller always gets 202, and the email is sent in the background so the response time does
 * not give it away either.
 */
import { eq } from 'drizzle-orm';
import { memberships, tenants, users } from '../../../storage/schema.ts';
import { recordAudit } from '../../audit/audit.ts';
import type { AppContext } from '../../context.ts';
import { effectiveBranding } from '../../tenancy/branding.ts';
import { LIMITS } from '../rate-limit.ts';
import { magicLinkUrl, signInLinkEmail } from './emails.ts';
import { issueMagicToken, LOGIN_LINK_TTL_MS } from './tokens.ts';

/**
 * Emails a 15-minute sign-in link to `email` when it belongs to an active or invited user of an
 * active tenant; does nothing otherwise. Throws 429 past the per-IP or per-email budget (keyed
 * by the address typed, so unknown addresses are limited exactly like known ones).
 */
export function requestMagicLink(ctx: AppContext, ip: string, email: string): void {
  ctx.limiter.consume(`ip:magic-link:${ip}`, LIMITS.magicLinkPerIp);
  ctx.limiter.consume(`email:magic-link:${email}`, LIMITS.magicLinkPerEmail);
  const user = ctx.db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      status: users.status,
      tenantId: memberships.tenantId,
      tenantActive: tenants.active,
    })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
    .where(eq(users.email, email))
    .get();
  if (!user || user.status === 'deactivated' || !user.tenantActive) return;

  const token = issueMagicToken(ctx.db, user.id, 'login', LOGIN_LINK_TTL_MS);
  const branding = effectiveBranding(ctx.db, user.tenantId);
  const url = magicLinkUrl(ctx, token);
  const content = signInLinkEmail(branding, user.name, url);
  recordAudit(ctx.db, {
    action: 'auth.magic_link_sent',
    tenantId: user.tenantId,
    actorUserId: null,
    targetType: 'user',
    targetId: user.id,
    ip,
    data: { purpose: 'login' },
  });
  // Not awaited on purpose (see the file comment). The mailer records failures in the outbox.
  ctx.mailer
    .send({
      tenantId: user.tenantId,
      to: user.email,
      fromName: branding.portalName,
      ...content,
      secrets: [url, token],
    })
    .catch((err: unknown) => ctx.log.error({ err, userId: user.id }, 'sign-in link email failed'));
}
