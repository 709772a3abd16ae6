/** The notification centre's pure parts: mention matching, the words per audience, the emails. */
import { describe, expect, it } from 'vitest';
import { digestEmail, notificationEmail } from '../../server/modules/notifications/email.ts';
import { mentions } from '../../server/modules/notifications/mentions.ts';
import { excerpt, replyMessage, statusMessage } from '../../server/modules/notifications/messages.ts';
import type { Reader } from '../../server/modules/notifications/reader.ts';
import { decodeCursor, encodeCursor } from '../../server/modules/notifications/store.ts';
import { DEFAULT_BRANDING } from '../../server/tenancy/branding.ts';

const sam = { name: 'Sam Staff', email: 'staff@demo.test' };

describe('mentions', () => {
  it.each([
    ['@Sam Staff please look', true],
    ['cc @sam staff.', true],
    ['(@staff@demo.test)', true],
    ['hello @Sam Staff, thanks', true],
    ['@Sam Staffing is someone else', false],
    ['mail sam@Sam Staff', false],
    ['Sam Staff without an at', false],
    ['@staff@demo.testing', false],
  ])('%s → %s', (text, expected) => {
    expect(mentions(text, sam)).toBe(expected);
  });

  it('escapes names that look like patterns', () => {
    expect(mentions('@A.B (C)', { name: 'A.B (C)', email: 'ab@x.test' })).toBe(true);
    expect(mentions('@AxB (C)', { name: 'A.B (C)', email: 'ab@x.test' })).toBe(false);
  });
});

const ticket = { id: 't1', key: 'ACME-1001', subject: 'Mail is slow', servicingName: 'Acme Agency' };
const reader = (internal: boolean) => ({ internal, ticket }) as unknown as Reader;

describe('messages', () => {
  it('shortens long replies to one line', () => {
    expect(excerpt('a\n\n  b')).toBe('a b');
    const long = excerpt('x'.repeat(500));
    expect(long).toHaveLength(200);
    expect(long.endsWith('…')).toBe(true);
  });

  it('a move to pending_client asks a client for their reply, and tells the desk in desk words', () => {
    expect(statusMessage(reader(false), 'pending_client')).toEqual({
      type: 'action_required',
      title: 'We need your reply on ACME-1001',
      body: 'Acme Agency is waiting for your reply on “Mail is slow”.',
    });
    expect(statusMessage(reader(true), 'pending_client')).toMatchObject({
      type: 'status_change',
      title: 'ACME-1001 is now pending client',
    });
    expect(statusMessage(reader(false), 'new').title).toBe('ACME-1001 is now received');
  });

  it('names internal notes as such', () => {
    expect(replyMessage(reader(true), 'Sam Staff', 'x', true).title).toBe('New internal note on ACME-1001');
    expect(replyMessage(reader(false), 'Acme Agency', 'x', false)).toEqual({
      type: 'reply',
      title: 'New reply on ACME-1001',
      body: 'Acme Agency: x',
    });
  });
});

describe('emails', () => {
  const branding = { ...DEFAULT_BRANDING, portalName: 'Acme <Hub>', primaryColor: '#0f766e' };
  const item = { title: 'New reply on <b>', body: 'a & b', link: 'https://p.test/tickets/1?a=1&b=2' };

  it('escapes every value and carries the branding, the button and the settings link', () => {
    const mail = notificationEmail(branding, item, 'https://p.test/settings/notifications');
    expect(mail.subject).toBe('New reply on <b> | Acme <Hub>');
    expect(mail.html).toContain('Acme &lt;Hub&gt;');
    expect(mail.html).toContain('New reply on &lt;b&gt;');
    expect(mail.html).toContain('a &amp; b');
    expect(mail.html).toContain('href="https://p.test/tickets/1?a=1&amp;b=2"');
    expect(mail.html).toContain('#0f766e');
    expect(mail.html).toContain('href="https://p.test/settings/notifications"');
    expect(mail.html).not.toContain('<img');
    expect(mail.text).toContain('Open in portal: https://p.test/tickets/1?a=1&b=2');
    expect(mail.text).toContain('https://p.test/settings/notifications');
  });

  it('shows the tenant logo when there is one', () => {
    const logo = 'data:image/png;base64,iVBORw0KGgo=';
    const mail = notificationEmail({ ...branding, logoDataUrl: logo }, item, 'https://p.test/s');
    expect(mail.html).toContain(`<img src="${logo}"`);
  });

  it('the digest lists each item with its link', () => {
    const mail = digestEmail(
      branding,
      [item, { ...item, title: 'Second' }],
      'https://p.test/n',
      'https://p.test/s',
    );
    expect(mail.subject).toBe('Your daily summary: 2 notifications | Acme <Hub>');
    expect(mail.text).toContain('• Second');
    expect(mail.html.match(/<li /g)).toHaveLength(2);
  });
});

describe('page cursors', () => {
  it('round-trip, and anything else is refused', () => {
    const at = new Date(1_700_000_000_000);
    expect(decodeCursor(encodeCursor({ createdAt: at, id: 'abc234' }))).toEqual({
      createdAt: at.getTime(),
      id: 'abc234',
    });
    expect(decodeCursor('garbage')).toBeNull();
    expect(decodeCursor(Buffer.from("1:x' OR 1").toString('base64url'))).toBeNull();
  });
});
