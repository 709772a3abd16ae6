/**
 * Branded transactional emails. Every interpolated value is escaped; the HTML is a fixed
 * allowlisted skeleton with inline styles and no remote resources (nothing loads over the network).
 */
import type { Branding } from '../tenancy/branding.ts';

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

interface Layout {
  branding: Branding;
  subject: string;
  heading: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  footnote?: string;
}

/** Lays out a short email: heading, paragraphs, one button, a footnote; plain text alongside. */
export function brandedEmail(layout: Layout): EmailContent {
  const { branding } = layout;
  const text = [
    layout.heading,
    '',
    ...layout.paragraphs.flatMap((p) => [p, '']),
    ...(layout.action ? [`${layout.action.label}: ${layout.action.url}`, ''] : []),
    ...(layout.footnote ? [layout.footnote, ''] : []),
    `— ${branding.portalName}`,
  ].join('\n');
  const button = layout.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(layout.action.url)}" style="background:${branding.primaryColor};color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:600;display:inline-block">${escapeHtml(layout.action.label)}</a></p>
<p style="color:#6b7280;font-size:13px">Or paste this link into your browser:<br>${escapeHtml(layout.action.url)}</p>`
    : '';
  const html = `<!doctype html><html><body style="margin:0;background:#f3f4f6;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#111827">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:24px">
<table role="presentation" width="100%" style="max-width:560px;background:#ffffff;border-radius:8px;border-top:4px solid ${branding.primaryColor}">
<tr><td style="padding:24px 28px">
<p style="font-weight:700;font-size:16px;margin:0 0 16px">${escapeHtml(branding.portalName)}</p>
<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(layout.heading)}</h1>
${layout.paragraphs.map((p) => `<p style="line-height:1.5;margin:0 0 12px">${escapeHtml(p)}</p>`).join('\n')}
${button}
${layout.footnote ? `<p style="color:#6b7280;font-size:13px;margin-top:24px">${escapeHtml(layout.footnote)}</p>` : ''}
</td></tr></table></td></tr></table></body></html>`;
  return { subject: layout.subject, text, html };
}
