/** Human words for the values the API sends as lower snake_case, and small display helpers. */
import type { CustomDomainStatus, Role, Section, TenantKind, UserStatus } from './types.ts';

const ROLE_LABELS: Record<Role, string> = {
  super_admin: 'Super admin',
  staff: 'Staff',
  partner: 'Partner',
  partner_staff: 'Partner staff',
  client_admin: 'Client admin',
  client: 'Client',
};

const ROLE_DESCRIPTIONS: Record<Role, string> = {
  super_admin: 'Everything, in every organisation.',
  staff: 'Your team: assigned work and every organisation’s tickets.',
  partner: 'Runs an agency and all of its client organisations.',
  partner_staff: 'Works in an agency, without branding, billing or user management.',
  client_admin: 'Manages their organisation’s people and what each may see.',
  client: 'Sees only the sections their admin allows.',
};

const SECTION_LABELS: Record<Section, string> = {
  tickets: 'Tickets',
  invoices: 'Invoices',
  contracts: 'Contracts',
  kb: 'Knowledge base',
  chat: 'Live chat',
  messages: 'Messages',
  files: 'Files',
};

const KIND_LABELS: Record<TenantKind, string> = {
  platform: 'Platform',
  partner: 'Partner agency',
  client: 'Client organisation',
};

const STATUS_LABELS: Record<UserStatus, string> = {
  active: 'Active',
  invited: 'Invited',
  deactivated: 'Deactivated',
};

const DOMAIN_STATUS_LABELS: Record<CustomDomainStatus, string> = {
  none: 'No custom domain',
  requested: 'Waiting for verification',
  verified: 'Verified',
};

/** "client_admin" → "Client admin"; unknown values are humanised rather than shown raw. */
export function roleLabel(role: string): string {
  return ROLE_LABELS[role as Role] ?? humanize(role);
}

export function roleDescription(role: Role): string {
  return ROLE_DESCRIPTIONS[role];
}

export function sectionLabel(section: string): string {
  return SECTION_LABELS[section as Section] ?? humanize(section);
}

export function kindLabel(kind: string): string {
  return KIND_LABELS[kind as TenantKind] ?? humanize(kind);
}

export function statusLabel(status: string): string {
  return STATUS_LABELS[status as UserStatus] ?? humanize(status);
}

export function domainStatusLabel(status: CustomDomainStatus): string {
  return DOMAIN_STATUS_LABELS[status];
}

const AUDIT_ACTIONS: Record<string, string> = {
  'auth.sign_in': 'Signed in',
  'auth.sign_in_failed': 'Sign-in failed',
  'auth.sign_out': 'Signed out',
  'auth.locked_out': 'Account locked after failed sign-ins',
  'auth.magic_link_sent': 'Sign-in link emailed',
  'auth.password_changed': 'Password changed',
  'auth.session_revoked': 'Session signed out',
  'two_factor.enabled': 'Two-factor turned on',
  'two_factor.disabled': 'Two-factor turned off',
  'two_factor.failed': 'Two-factor code rejected',
  'two_factor.recovery_code_used': 'Recovery code used',
  'two_factor.recovery_codes_regenerated': 'New recovery codes created',
  'user.invited': 'Person invited',
  'user.updated': 'Person updated',
  'user.role_changed': 'Role changed',
  'user.sections_changed': 'Sections changed',
  'user.rights_changed': 'Access changed',
  'user.deactivated': 'Person deactivated',
  'user.reactivated': 'Person reactivated',
  'tenant.created': 'Organisation created',
  'tenant.updated': 'Organisation updated',
  'tenant.branding_changed': 'Branding changed',
  'tenant.domain_requested': 'Custom domain requested',
  'tenant.domain_verified': 'Custom domain verified',
};

/** An audit action in words: "auth.sign_in" → "Signed in"; unknown ones are humanised. */
export function auditActionLabel(action: string): string {
  return AUDIT_ACTIONS[action] ?? humanize(action);
}

/** "two_factor.enabled" or "user_invited" → "Two factor enabled" / "User invited". */
export function humanize(value: string): string {
  const words = value
    .replace(/[._-]+/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase();
  return words === '' ? '' : words.charAt(0).toUpperCase() + words.slice(1);
}

/** Up to two initials for an avatar: "Ada Lovelace" → "AL", "ada@x.test" → "A". */
export function initials(nameOrEmail: string): string {
  const base =
    nameOrEmail.includes('@') && !nameOrEmail.includes(' ') ? nameOrEmail.split('@')[0]! : nameOrEmail;
  const parts = base.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return '?';
  const first = parts[0]!.charAt(0);
  const last = parts.length > 1 ? parts[parts.length - 1]!.charAt(0) : '';
  return (first + last).toUpperCase();
}

/** A URL-safe slug from an organisation name: "Globex Corp." → "globex-corp". */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/g, '');
}

// Intl formatters are costly to create (the first one loads the locale's data): each is made on
// first use, not when this module loads on every page, and then reused for every value.
let dateTimeFormat: Intl.DateTimeFormat | null = null;
let dateFormat: Intl.DateTimeFormat | null = null;
let relativeFormat: Intl.RelativeTimeFormat | null = null;

/** "12 Mar 2026, 14:05" in the reader's locale; an unparsable value is returned as it came. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  dateTimeFormat ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return dateTimeFormat.format(date);
}

export function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  dateFormat ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
  return dateFormat.format(date);
}

const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "3 minutes ago", "just now", "in 2 hours", relative to `now`. */
export function formatRelative(iso: string, now: Date = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  if (Math.abs(seconds) < 45) return 'just now';
  relativeFormat ??= new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  for (const [unit, size] of RELATIVE_UNITS) {
    if (Math.abs(seconds) >= size || unit === 'minute') {
      return relativeFormat.format(Math.round(seconds / size), unit);
    }
  }
  return relativeFormat.format(seconds, 'second');
}

/** "about 2 minutes", "45 seconds", "1 hour 5 minutes" for a Retry-After value. */
export function formatWait(totalSeconds: number): string {
  const seconds = Math.max(1, Math.round(totalSeconds));
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const hourText = `${hours} hour${hours === 1 ? '' : 's'}`;
  return rest === 0 ? hourText : `${hourText} ${rest} minute${rest === 1 ? '' : 's'}`;
}

/** "Chrome on macOS" from a user-agent string; good enough to recognise one's own devices. */
export function describeUserAgent(userAgent: string | null | undefined): string {
  if (!userAgent) return 'Unknown device';
  const ua = userAgent;
  const browser = /Edg(e|A|iOS)?\//.test(ua)
    ? 'Edge'
    : /OPR\/|Opera/.test(ua)
      ? 'Opera'
      : /Firefox\/|FxiOS\//.test(ua)
        ? 'Firefox'
        : /SamsungBrowser\//.test(ua)
          ? 'Samsung Internet'
          : /Chrome\/|CriOS\/|Chromium\//.test(ua)
            ? 'Chrome'
            : /Safari\//.test(ua) && /Version\//.test(ua)
              ? 'Safari'
              : /^curl\//i.test(ua)
                ? 'curl'
                : /node|undici/i.test(ua)
                  ? 'API client'
                  : null;
  const os = /iPhone|iPad|iPod/.test(ua)
    ? /iPad/.test(ua)
      ? 'iPadOS'
      : 'iOS'
    : /Android/.test(ua)
      ? 'Android'
      : /Windows/.test(ua)
        ? 'Windows'
        : /Mac OS X|Macintosh/.test(ua)
          ? 'macOS'
          : /CrOS/.test(ua)
            ? 'ChromeOS'
            : /Linux/.test(ua)
              ? 'Linux'
              : null;
  if (browser && os) return `${browser} on ${os}`;
  return browser ?? os ?? 'Unknown device';
}

/** Splits plain text into text and http(s) link parts, so links in emails can be clicked. */
export function linkify(text: string): { kind: 'text' | 'link'; value: string }[] {
  const parts: { kind: 'text' | 'link'; value: string }[] = [];
  const pattern = /https?:\/\/[^\s<>"']+/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    let url = match[0];
    // Sentence punctuation right after a URL belongs to the sentence, not the link.
    const trailing = /[.,;:!?)\]]+$/.exec(url);
    if (trailing) url = url.slice(0, -trailing[0].length);
    const start = match.index;
    if (start > last) parts.push({ kind: 'text', value: text.slice(last, start) });
    parts.push({ kind: 'link', value: url });
    last = start + url.length;
  }
  if (last < text.length) parts.push({ kind: 'text', value: text.slice(last) });
  return parts;
}
