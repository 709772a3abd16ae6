import { describe, expect, it } from 'vitest';
import { ApiError } from '../../client/lib/api.ts';
import { describeError, fieldErrors } from '../../client/lib/errors.ts';
import {
  auditActionLabel,
  describeUserAgent,
  formatRelative,
  formatWait,
  humanize,
  initials,
  linkify,
  roleLabel,
  slugify,
} from '../../client/lib/format.ts';
import { safeNextPath } from '../../client/lib/nextPath.ts';

describe('human words for wire values', () => {
  it('names every role in words', () => {
    expect(roleLabel('client_admin')).toBe('Client admin');
    expect(roleLabel('super_admin')).toBe('Super admin');
    expect(roleLabel('partner_staff')).toBe('Partner staff');
  });

  it('humanises values it does not know rather than showing them raw', () => {
    expect(roleLabel('billing_manager')).toBe('Billing manager');
    expect(humanize('two_factor.recovery_codes_regenerated')).toBe('Two factor recovery codes regenerated');
    expect(auditActionLabel('auth.sign_in')).toBe('Signed in');
    expect(auditActionLabel('invoice.paid')).toBe('Invoice paid');
  });
});

describe('slugify', () => {
  it('derives a DNS-safe short name from an organisation name', () => {
    expect(slugify('Globex Corp.')).toBe('globex-corp');
    expect(slugify('  Umbrella Corp & Co ')).toBe('umbrella-corp-and-co');
    expect(slugify('Café Zürich')).toBe('cafe-zurich');
    expect(slugify('---')).toBe('');
  });

  it('never ends in a dash after truncation', () => {
    const slug = slugify(`${'a'.repeat(47)} b`);
    expect(slug.length).toBeLessThanOrEqual(48);
    expect(slug.endsWith('-')).toBe(false);
  });
});

describe('initials', () => {
  it('uses first and last name, or the email name', () => {
    expect(initials('Ada Lovelace')).toBe('AL');
    expect(initials('Ada King Lovelace')).toBe('AL');
    expect(initials('ada@example.test')).toBe('A');
    expect(initials('')).toBe('?');
  });
});

describe('formatWait', () => {
  it('reads a Retry-After value aloud', () => {
    expect(formatWait(1)).toBe('1 second');
    expect(formatWait(45)).toBe('45 seconds');
    expect(formatWait(61)).toBe('2 minutes');
    expect(formatWait(3600)).toBe('1 hour');
    expect(formatWait(3660)).toBe('1 hour 1 minute');
  });
});

describe('formatRelative', () => {
  const now = new Date('2026-03-01T12:00:00Z');
  it('says "just now" for the last few seconds and counts units beyond', () => {
    expect(formatRelative('2026-03-01T11:59:40Z', now)).toBe('just now');
    expect(formatRelative('2026-03-01T11:55:00Z', now)).toBe('5 minutes ago');
    expect(formatRelative('2026-02-28T12:00:00Z', now)).toBe('yesterday');
  });
});

describe('describeUserAgent', () => {
  it('recognises common browsers and systems', () => {
    expect(
      describeUserAgent(
        'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
      ),
    ).toBe('Chrome on macOS');
    expect(
      describeUserAgent(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      ),
    ).toBe('Safari on iOS');
    expect(
      describeUserAgent(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 Edg/126.0',
      ),
    ).toBe('Edge on Windows');
    expect(describeUserAgent('Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0')).toBe(
      'Firefox on Linux',
    );
    expect(describeUserAgent('curl/8.5.0')).toBe('curl');
    expect(describeUserAgent(null)).toBe('Unknown device');
  });
});

describe('linkify', () => {
  it('turns URLs in plain text into links, leaving sentence punctuation outside', () => {
    expect(linkify('Open https://portal.test/auth/magic?token=abc. Thanks')).toEqual([
      { kind: 'text', value: 'Open ' },
      { kind: 'link', value: 'https://portal.test/auth/magic?token=abc' },
      { kind: 'text', value: '. Thanks' },
    ]);
  });

  it('only links http(s)', () => {
    expect(linkify('javascript:alert(1) and ftp://x.test')).toEqual([
      { kind: 'text', value: 'javascript:alert(1) and ftp://x.test' },
    ]);
  });
});

describe('safeNextPath', () => {
  it('keeps in-app paths and refuses anything that could leave the portal', () => {
    expect(safeNextPath('/users?role=client')).toBe('/users?role=client');
    expect(safeNextPath('//evil.test/x')).toBe('/');
    expect(safeNextPath('/\\evil.test')).toBe('/');
    expect(safeNextPath('https://evil.test')).toBe('/');
    expect(safeNextPath('/login')).toBe('/');
    expect(safeNextPath(null)).toBe('/');
  });
});

describe('describeError', () => {
  it('explains a locked account with the wait from Retry-After', () => {
    const error = new ApiError(429, 'account_locked', 'Locked.', [], 900);
    expect(describeError(error)).toContain('15 minutes');
  });

  it('maps validation details to fields', () => {
    const error = new ApiError(
      400,
      'validation_failed',
      'Invalid.',
      [{ path: 'body.email', message: 'Invalid email' }],
      null,
    );
    expect(fieldErrors(error)).toEqual({ email: 'Invalid email' });
    expect(describeError(error)).toBe('Email: Invalid email');
  });

  it('falls back to the server message for codes it does not know', () => {
    expect(describeError(new ApiError(409, 'slug_taken', 'That short name is taken.', [], null))).toBe(
      'That short name is taken.',
    );
  });
});
