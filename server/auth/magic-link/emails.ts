/** The sign-in link and invitation emails, in the recipient tenant's branding. */
import type { AppContext } from '../../context.ts';
import { brandedEmail, type EmailContent } from '../../email/templates.ts';
import type { Branding } from '../../tenancy/branding.ts';

/**
 * The link in both emails. It opens the SPA's confirm page, which POSTs the token: a GET never
 * signs in, because mail scanners and link previewers follow links.
 */
export function magicLinkUrl(ctx: AppContext, token: string): string {
  const url = new URL('/auth/magic', ctx.config.publicUrl.origin);
  url.searchParams.set('token', token);
  return url.toString();
}

/** "Sign in to <portal>": the 15-minute login link. */
export function signInLinkEmail(branding: Branding, recipientName: string, url: string): EmailContent {
  return brandedEmail({
    branding,
    subject: `Your sign-in link for ${branding.portalName}`,
    heading: `Sign in to ${branding.portalName}`,
    paragraphs: [
      `Hi ${recipientName},`,
      'Use the button below to sign in. The link works once and expires in 15 minutes.',
    ],
    action: { label: 'Sign in', url },
    footnote: 'If you did not ask for this link, you can ignore this email: nobody can sign in without it.',
  });
}

/** "You're invited to <portal>": the 7-day invitation link. */
export function invitationEmail(
  branding: Branding,
  input: { recipientName: string; invitedByName: string; tenantName: string },
  url: string,
): EmailContent {
  return brandedEmail({
    branding,
    subject: `You're invited to ${branding.portalName}`,
    heading: `You're invited to ${branding.portalName}`,
    paragraphs: [
      `Hi ${input.recipientName},`,
      `${input.invitedByName} invited you to join ${input.tenantName} on ${branding.portalName}.`,
      'The button below signs you in. It works once and expires in 7 days.',
    ],
    action: { label: 'Accept invitation', url },
    footnote: 'If you were not expecting this invitation, you can ignore this email.',
  });
}
