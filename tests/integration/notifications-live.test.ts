/**
 * The notification centre end to end over real sockets: a staff reply pushes the new unread
 * count to the requester's open tab (a real WebSocket on `user:<id>`), and the reply email
 * reaches a real SMTP server in the recipient's white-label branding, while an internal note's
 * text reaches no client — neither in an email nor in a notification.
 */
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { effectiveBranding } from '../../server/tenancy/branding.ts';
import { notifications } from '../../storage/schema.ts';
import { eventually, openDocument, type Tab, tabSockets } from '../support/collab.ts';
import type { PortalClient } from '../support/http-client.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';
import { demoWorld, signedInAll } from '../support/world.ts';

interface Received {
  to: string[];
  raw: string;
}

const received: Received[] = [];
let smtp: SMTPServer;
let portal: TestPortal;
let as: Record<string, PortalClient>;
const world = demoWorld(() => portal.ctx.db);
const sockets = tabSockets(() => portal.url);

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
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
  as = await signedInAll(portal.url, ['staff@demo.test', 'client@globex.test']);
});
afterEach(sockets.destroyAll);
afterAll(async () => {
  await portal?.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

const mailTo = (email: string) => received.filter((m) => m.to.includes(email));
const pushes = (tab: Tab) =>
  tab.stateless
    .map((p) => JSON.parse(p) as Record<string, unknown>)
    .filter((m) => m.type === 'notifications.changed');

async function fileAsGrace(subject: string): Promise<{ id: string; key: string }> {
  const res = await as['client@globex.test']!.post<{ ticket: { id: string; key: string } }>('/api/tickets', {
    subject,
    category: 'technical_support',
    priority: 'medium',
  });
  expect(res.status).toBe(201);
  return res.body.ticket;
}

describe('live unread count', () => {
  it('a staff reply pushes notifications.changed with the new unread count to the requester’s tab', async () => {
    const grace = as['client@globex.test']!;
    const t = await fileAsGrace('VPN drops');
    const channel = openDocument(
      sockets.open({ cookie: grace.cookie }),
      `user:${world.userId('client@globex.test')}`,
    );
    await eventually(() => expect(channel.synced).toBe(true));
    const before = (await grace.get<{ unread: number }>('/api/notifications/unread-count')).body.unread;

    const res = await as['staff@demo.test']!.post(`/api/tickets/${t.id}/replies`, {
      body: 'Try the new profile.',
      visibility: 'client',
    });
    expect(res.status).toBe(201);
    await eventually(() =>
      expect(pushes(channel)).toContainEqual({ type: 'notifications.changed', unread: before + 1 }),
    );
    expect((await grace.get<{ unread: number }>('/api/notifications/unread-count')).body.unread).toBe(
      before + 1,
    );
    // Counts only: nothing of the ticket travels in the push.
    expect(channel.stateless.join('\n')).not.toContain('Try the new profile');

    // Marking all read in another tab updates this one.
    await grace.post('/api/notifications/read-all');
    await eventually(() =>
      expect(pushes(channel).at(-1)).toEqual({ type: 'notifications.changed', unread: 0 }),
    );
  });
});

describe('notification email over SMTP', () => {
  it('reaches the client in the agency’s branding, as the agency, with links to the ticket and settings', async () => {
    const t = await fileAsGrace('Printer offline');
    await as['staff@demo.test']!.post(`/api/tickets/${t.id}/replies`, {
      body: 'Restarted the spooler.',
      visibility: 'client',
    });
    await expect
      .poll(() => mailTo('client@globex.test').find((m) => m.raw.includes(`New reply on ${t.key}`)), {
        timeout: 10_000,
      })
      .toBeTruthy();
    const mail = mailTo('client@globex.test').find((m) => m.raw.includes(`New reply on ${t.key}`))!;
    // Globex is Acme's client: Acme's portal name and colour, the agency's name, never the agent's.
    expect(mail.raw).toContain('From: Acme Client Hub <mail@portal.test>');
    expect(mail.raw).toContain(`Subject: New reply on ${t.key} | Acme Client Hub`);
    expect(mail.raw).toContain(
      `border-top:4px solid ${effectiveBranding(portal.ctx.db, world.tenantId('globex')).primaryColor}`,
    );
    expect(mail.raw).toContain('Acme Agency: Restarted the spooler.');
    expect(mail.raw).not.toContain('Sam Staff');
    expect(mail.raw).not.toContain('Kre8ivTech');
    expect(mail.raw).toContain(`${portal.url}/tickets/${t.id}`);
    expect(mail.raw).toContain(`${portal.url}/settings/notifications`);
  });

  it('an internal note’s text reaches the mentioned agent and no client email or notification', async () => {
    const t = await fileAsGrace('Disk full');
    const marker = 'SECRET-NOTE-91c4';
    const res = await as['staff@demo.test']!.post(`/api/tickets/${t.id}/replies`, {
      body: `${marker}: @Tara Team the client's server is out of warranty`,
      visibility: 'internal',
    });
    expect(res.status).toBe(201);
    await expect
      .poll(() => mailTo('team@acme.test').some((m) => m.raw.includes(marker)), { timeout: 10_000 })
      .toBe(true);
    // A public reply after it: the client's email for that one carries nothing of the note.
    await as['staff@demo.test']!.post(`/api/tickets/${t.id}/replies`, {
      body: 'Cleaning up now.',
      visibility: 'client',
    });
    await expect
      .poll(() => mailTo('client@globex.test').some((m) => m.raw.includes(`New reply on ${t.key}`)), {
        timeout: 10_000,
      })
      .toBe(true);
    for (const mail of mailTo('client@globex.test')) expect(mail.raw).not.toContain(marker);
    for (const email of ['client@globex.test', 'employee@globex.test']) {
      const rows = portal.ctx.db
        .select()
        .from(notifications)
        .where(eq(notifications.userId, world.userId(email)))
        .all();
      expect(JSON.stringify(rows)).not.toContain(marker);
    }
  });
});
