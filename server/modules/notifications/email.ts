/**
 * Notification emails in the recipient's tenant branding (portal name, primary colour, logo):
 * one notification with a button to its ticket, or the daily digest listing several. Every
 * interpolated value is escaped; the skeleton follows server/email/templates.ts and loads
 * nothing over the network (the logo is the tenant's own data URL).
 */
import type { AppContext } from '../../context.ts';
import { type EmailContent, escapeHtml } from '../../email/templates.ts';
import type { Branding } from '../../tenancy/branding.ts';

/** The ticket page on the portal's public origin (the SPA route /tickets/:id). */
export function ticketUrl(ctx: AppContext, ticketId: string): string {
  return new URL(`/tickets/${encodeURIComponent(ticketId)}`, ctx.config.publicUrl.origin).toString();
}

/** The notification preferences page, linked from every notification email's footer. */
export function preferencesUrl(ctx: AppContext): string {
  return new URL('/settings/notifications', ctx.config.publicUrl.origin).toString();
}

/** The in-app inbox, where a notification without a ticket points. */
export function inboxUrl(ctx: AppContext): string {
  return new URL('/notifications', ctx.config.publicUrl.origin).toString();
}

/** One line of an email: what happened and where to look. */
export interface EmailItem {
  title: string;
  body: string;
  link: string;
  /** The button's words; "Open in portal" when absent. */
  action?: string;
}

const FOOTER = 'You receive this email because of your notification settings.';

function header(branding: Branding): string {
  const logo = branding.logoDataUrl
    ? `<img src="${escapeHtml(branding.logoDataUrl)}" alt="" height="32" style="height:32px;vertical-align:middle;margin-right:8px">`
    : '';
  return `<p style="font-weight:700;font-size:16px;margin:0 0 16px">${logo}${escapeHtml(branding.portalName)}</p>`;
}

function button(branding: Branding, label: string, url: string): string {
  return `<p style="margin:20px 0"><a href="${escapeHtml(url)}" style="background:${branding.primaryColor};color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:600;display:inline-block">${escapeHtml(label)}</a></p>`;
}

function frame(branding: Branding, inner: string, settingsUrl: string): string {
  return `<!doctype html><html><body style="margin:0;background:#f3f4f6;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#111827">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:24px">
<table role="presentation" width="100%" style="max-width:560px;background:#ffffff;border-radius:8px;border-top:4px solid ${branding.primaryColor}">
<tr><td style="padding:24px 28px">
${header(branding)}
${inner}
<p style="color:#6b7280;font-size:13px;margin-top:24px">${escapeHtml(FOOTER)} <a href="${escapeHtml(settingsUrl)}" style="color:#6b7280">Change your notification settings</a>.</p>
</td></tr></table></td></tr></table></body></html>`;
}

function paragraphs(text: string): string {
  return text
    .split(/\n{2,}/)
    .filter((p) => p.trim() !== '')
    .map((p) => `<p style="line-height:1.5;margin:0 0 12px;white-space:pre-line">${escapeHtml(p)}</p>`)
    .join('\n');
}

/** One notification: its title as subject and heading, its body, a button to the ticket. */
export function notificationEmail(branding: Branding, item: EmailItem, settingsUrl: string): EmailContent {
  const label = item.action ?? 'Open in portal';
  const text = [
    item.title,
    '',
    ...(item.body ? [item.body, ''] : []),
    `${label}: ${item.link}`,
    '',
    `${FOOTER} Change them: ${settingsUrl}`,
    `— ${branding.portalName}`,
  ].join('\n');
  const inner = `<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(item.title)}</h1>
${paragraphs(item.body)}
${button(branding, label, item.link)}
<p style="color:#6b7280;font-size:13px">Or paste this link into your browser:<br>${escapeHtml(item.link)}</p>`;
  return {
    subject: `${item.title} | ${branding.portalName}`,
    text,
    html: frame(branding, inner, settingsUrl),
  };
}

/** The daily digest: every item waiting, oldest first, each with its own link. */
export function digestEmail(
  branding: Branding,
  items: EmailItem[],
  inboxUrl: string,
  settingsUrl: string,
): EmailContent {
  const n = items.length;
  const heading = `Your daily summary: ${n} notification${n === 1 ? '' : 's'}`;
  const text = [
    heading,
    '',
    ...items.flatMap((item) => [
      `• ${item.title}`,
      ...(item.body ? [`  ${item.body}`] : []),
      `  ${item.link}`,
      '',
    ]),
    `All notifications: ${inboxUrl}`,
    '',
    `${FOOTER} Change them: ${settingsUrl}`,
    `— ${branding.portalName}`,
  ].join('\n');
  const list = items
    .map(
      (item) =>
        `<li style="margin:0 0 14px"><a href="${escapeHtml(item.link)}" style="color:${branding.primaryColor};font-weight:600">${escapeHtml(item.title)}</a>${
          item.body ? `<br><span style="color:#374151;line-height:1.5">${escapeHtml(item.body)}</span>` : ''
        }</li>`,
    )
    .join('\n');
  const inner = `<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(heading)}</h1>
<ul style="padding-left:18px;margin:0">${list}</ul>
${button(branding, 'Open notifications', inboxUrl)}`;
  return { subject: `${heading} | ${branding.portalName}`, text, html: frame(branding, inner, settingsUrl) };
}

/** Sends through ctx.mailer and logs a failure: a notification email never breaks its trigger. */
export async function deliver(
  ctx: AppContext,
  to: { email: string; tenantId: string },
  branding: Branding,
  content: EmailContent,
  secrets: string[] = [],
): Promise<boolean> {
  try {
    await ctx.mailer.send({
      tenantId: to.tenantId,
      to: to.email,
      fromName: branding.portalName,
      ...content,
      secrets,
    });
    return true;
  } catch (err) {
    ctx.log.error({ err, to: to.email }, 'notification email failed');
    return false;
  }
}
