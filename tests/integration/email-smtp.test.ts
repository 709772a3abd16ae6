/**
 * With SMTP_URL set, email leaves through nodemailer to a real SMTP peer (smtp-server on
 * loopback): branded for the recipient's tenant, carrying the link, while the outbox copy that
 * staff can read keeps the link hidden.
 */
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HIDDEN_SECRET } from '../../server/email/mailer.ts';
import { outboxEmails } from '../../storage/schema.ts';
import { PortalClient } from '../support/http-client.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

describe('email through SMTP', () => {
  const received: Received[] = [];
  let smtp: SMTPServer;
  let portal: TestPortal;

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks)
              .toString('utf8')
              .replace(/=\r?\n/g, '')
              .replaceAll('=3D', '='),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
    const port = (smtp.server.address() as AddressInfo).port;
    portal = await startTestPortal({
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      MAIL_FROM: 'Portal <mail@portal.test>',
    });
  });
  afterAll(async () => {
    await portal?.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('delivers a branded sign-in link to the recipient and records a redacted copy', async () => {
    const res = await new PortalClient(portal.url).post('/api/auth/magic-link', {
      email: 'employee@globex.test',
    });
    expect(res.status).toBe(202);
    await expect.poll(() => received.length, { timeout: 10_000 }).toBe(1);

    const mail = received[0]!;
    expect(mail.to).toEqual(['employee@globex.test']);
    expect(mail.from).toBe('mail@portal.test');
    // Globex inherits its partner's (Acme's) branding.
    expect(mail.raw).toContain('From: Acme Client Hub <mail@portal.test>');
    expect(mail.raw).toContain('Subject: Your sign-in link for Acme Client Hub');
    const token = /\/auth\/magic\?token=([a-z2-9]+)/.exec(mail.raw)?.[1];
    expect(token).toBeTruthy();

    const row = portal.ctx.db
      .select()
      .from(outboxEmails)
      .where(eq(outboxEmails.toAddress, 'employee@globex.test'))
      .get();
    expect(row?.transport).toBe('smtp');
    expect(row?.file).toBeNull();
    expect(row?.error).toBeNull();
    expect(row?.text).toContain(HIDDEN_SECRET);
    expect(row?.text).not.toContain(token!);

    // The delivered link works once.
    const client = new PortalClient(portal.url);
    expect((await client.post('/api/auth/magic-link/verify', { token })).status).toBe(200);
    expect((await client.get('/api/me')).status).toBe(200);
  });
});
