/** Invitation emails: a 7-day, single-use sign-in link for a user an admin has just created. */
import { eq } from 'drizzle-orm';
import { memberships, users } from '../../../storage/schema.ts';
import { recordAudit } from '../../audit/audit.ts';
import type { AppContext } from '../../context.ts';
import { effectiveBranding } from '../../tenancy/branding.ts';
import { invitationEmail, magicLinkUrl } from './emails.ts';
import { INVITE_TTL_MS, issueMagicToken } from './tokens.ts';

export interface InvitationInput {
  /** The invited user; must exist with status `invited`. */
  userId: string;
  /** Who sent the invitation, named in the email. */
  invitedBy: { name: string };
  /** The organisation the user joins, named in the email. */
  tenantName: string;
}

/**
 * Sends `userId` a "You're invited to <portal>" email in their tenant's branding, with a link
 * that signs them in once within 7 days and activates the account. A newer invitation voids
 * older unused ones. The caller (the users module) records `user.invited` with its own actor;
 * this records `auth.magic_link_sent`. Awaited, so a failed send reaches the admin.
 */
export async function sendInvitation(ctx: AppContext, input: InvitationInput): Promise<{ emailId: string }> {
  const user = ctx.db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      status: users.status,
      tenantId: memberships.tenantId,
    })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(eq(users.id, input.userId))
    .get();
  if (!user) throw new Error(`Cannot invite user ${input.userId}: no such user.`);
  if (user.status !== 'invited')
    throw new Error(`Cannot invite user ${input.userId}: status is ${user.status}.`);

  const token = issueMagicToken(ctx.db, user.id, 'invite', INVITE_TTL_MS);
  const branding = effectiveBranding(ctx.db, user.tenantId);
  const url = magicLinkUrl(ctx, token);
  const content = invitationEmail(
    branding,
    { recipientName: user.name, invitedByName: input.invitedBy.name, tenantName: input.tenantName },
    url,
  );
  recordAudit(ctx.db, {
    action: 'auth.magic_link_sent',
    tenantId: user.tenantId,
    actorUserId: null,
    targetType: 'user',
    targetId: user.id,
    ip: null,
    data: { purpose: 'invite' },
  });
  const sent = await ctx.mailer.send({
    tenantId: user.tenantId,
    to: user.email,
    fromName: branding.portalName,
    ...content,
    secrets: [url, token],
  });
  return { emailId: sent.id };
}
