/**
 * Who the notification centre tells what: each ticket trigger creates the right rows for the
 * right people, in words for their audience (a client sees the servicing org, never an agent or
 * internal content), and nothing for the author or anyone else; preferences and the digest.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendDigests } from '../../server/modules/notifications/digest.ts';
import { notificationSettings, notifications, outboxEmails } from '../../storage/schema.ts';
import type { PortalClient } from '../support/http-client.ts';
import { lastRawEmailTo } from '../support/outbox.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';
import { demoWorld, signedInAll } from '../support/world.ts';

let portal: TestPortal;
const world = demoWorld(() => portal.ctx.db);
let as: Record<string, PortalClient>;

beforeAll(async () => {
  portal = await startTestPortal();
  as = await signedInAll(portal.url, [
    'staff@demo.test',
    'admin@demo.test',
    'partner@acme.test',
    'team@acme.test',
    'client@globex.test',
    'employee@globex.test',
  ]);
});
afterAll(() => portal.close());

interface Ticket {
  id: string;
  key: string;
}

async function file(who: string, subject = 'Mail is slow'): Promise<Ticket> {
  const body: Record<string, unknown> = { subject, category: 'technical_support', priority: 'medium' };
  if (!who.endsWith('globex.test')) body.orgId = world.tenantId('globex');
  const res = await as[who]!.post<{ ticket: Ticket }>('/api/tickets', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.ticket;
}

async function reply(
  who: string,
  ticketId: string,
  body: string,
  visibility: 'client' | 'internal' = 'client',
) {
  const res = await as[who]!.post(`/api/tickets/${ticketId}/replies`, { body, visibility });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}

async function update(who: string, ticketId: string, change: Record<string, unknown>) {
  const res = await as[who]!.patch(`/api/tickets/${ticketId}`, change);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/** Every notification about the ticket, as (recipient email, type, title, body). */
function rowsFor(ticketId: string) {
  const emailOf = new Map(
    Object.keys(as)
      .concat(['client@initech.test', 'partner@northwind.test', 'client@contoso.test'])
      .map((e) => [world.userId(e), e]),
  );
  return portal.ctx.db
    .select()
    .from(notifications)
    .where(eq(notifications.ticketId, ticketId))
    .all()
    .map((n) => ({ to: emailOf.get(n.userId) ?? n.userId, type: n.type, title: n.title, body: n.body }));
}

const recipients = (ticketId: string) =>
  rowsFor(ticketId)
    .map((r) => `${r.to} ${r.type}`)
    .sort();

describe('replies', () => {
  it('a staff reply tells the requester as the servicing org, never the author', async () => {
    const t = await file('client@globex.test');
    await reply('staff@demo.test', t.id, 'We are looking into it.');
    expect(rowsFor(t.id)).toEqual([
      {
        to: 'client@globex.test',
        type: 'reply',
        title: `New reply on ${t.key}`,
        body: 'Acme Agency: We are looking into it.',
      },
    ]);
  });

  it('a client reply tells the assignee by the client’s name, not the client author', async () => {
    const t = await file('client@globex.test');
    await update('staff@demo.test', t.id, { assigneeId: world.userId('team@acme.test') });
    await reply('client@globex.test', t.id, 'Still slow this morning.');
    expect(rowsFor(t.id).filter((r) => r.type === 'reply')).toEqual([
      {
        to: 'team@acme.test',
        type: 'reply',
        title: `New reply on ${t.key}`,
        body: 'Grace Globex: Still slow this morning.',
      },
    ]);
  });

  it('an internal note reaches only the assignee and mentioned desk people; its text reaches no client', async () => {
    const t = await file('client@globex.test');
    await update('partner@acme.test', t.id, { assigneeId: world.userId('team@acme.test') });
    const marker = 'INTERNAL-MARKER-7f3a';
    await reply(
      'staff@demo.test',
      t.id,
      `${marker} @Pat Partner and @client@globex.test, have a look`,
      'internal',
    );
    expect(recipients(t.id)).toEqual([
      'partner@acme.test mention',
      'team@acme.test assignment',
      'team@acme.test reply',
    ]);
    const rows = rowsFor(t.id);
    expect(rows.find((r) => r.to === 'partner@acme.test')).toMatchObject({
      title: `Sam Staff mentioned you on ${t.key}`,
    });
    expect(rows.find((r) => r.type === 'reply')).toMatchObject({ title: `New internal note on ${t.key}` });
    const clientRows = portal.ctx.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, world.userId('client@globex.test')))
      .all();
    expect(JSON.stringify(clientRows)).not.toContain(marker);
    await expect
      .poll(() => lastRawEmailTo(portal.ctx.db, portal.dataDir, 'partner@acme.test'))
      .toContain(marker);
    expect(lastRawEmailTo(portal.ctx.db, portal.dataDir, 'client@globex.test') ?? '').not.toContain(marker);
  });

  it('mentions by email reach a desk person who may see the ticket, not another agency', async () => {
    const t = await file('employee@globex.test');
    await reply('staff@demo.test', t.id, 'Looping in @team@acme.test and @Nora Northwind.');
    expect(recipients(t.id)).toEqual(['employee@globex.test reply', 'team@acme.test mention']);
  });

  it('an author mentioning themselves hears nothing', async () => {
    const t = await file('client@globex.test');
    await reply('staff@demo.test', t.id, 'Note to self @Sam Staff', 'internal');
    expect(rowsFor(t.id)).toEqual([]);
  });
});

describe('status changes', () => {
  it('tell the requester in client words; pending_client asks for their reply; the desk hears nothing', async () => {
    const t = await file('client@globex.test');
    await update('team@acme.test', t.id, { status: 'pending_client' });
    await update('team@acme.test', t.id, { status: 'resolved' });
    // (Resolution also brings the CSAT module's csat_request, through notify.)
    expect(rowsFor(t.id).filter((r) => r.type !== 'csat_request')).toEqual([
      {
        to: 'client@globex.test',
        type: 'action_required',
        title: `We need your reply on ${t.key}`,
        body: 'Acme Agency is waiting for your reply on “Mail is slow”.',
      },
      {
        to: 'client@globex.test',
        type: 'status_change',
        title: `${t.key} is now resolved`,
        body: 'Mail is slow',
      },
    ]);
  });

  it('a requester who moves their own ticket is not told about it', async () => {
    const t = await file('staff@demo.test');
    await update('staff@demo.test', t.id, { status: 'in_progress' });
    expect(rowsFor(t.id)).toEqual([]);
  });
});

describe('assignment', () => {
  it('tells the new assignee who assigned it, and nobody when they take it themselves', async () => {
    const t = await file('client@globex.test');
    await update('staff@demo.test', t.id, { assigneeId: world.userId('team@acme.test') });
    await update('partner@acme.test', t.id, { assigneeId: world.userId('partner@acme.test') });
    expect(rowsFor(t.id)).toEqual([
      {
        to: 'team@acme.test',
        type: 'assignment',
        title: `${t.key} was assigned to you`,
        body: 'Mail is slow — assigned by Sam Staff',
      },
    ]);
  });
});

describe('SLA alerts', () => {
  it('an unassigned ticket alerts the servicing agency’s team, not the platform or the client', async () => {
    const t = await file('client@globex.test');
    const tenantId = world.tenantId('globex');
    portal.ctx.events.emit('sla.alert', {
      ticketId: t.id,
      tenantId,
      target: 'first_response',
      level: 'near_breach',
    });
    expect(recipients(t.id)).toEqual(['partner@acme.test sla_near_breach', 'team@acme.test sla_near_breach']);
    expect(rowsFor(t.id)[0]).toMatchObject({
      title: `SLA near breach on ${t.key}`,
      body: 'First response due soon: Mail is slow',
    });
  });

  it('an assigned ticket alerts only its assignee', async () => {
    const t = await file('client@globex.test');
    await update('staff@demo.test', t.id, { assigneeId: world.userId('staff@demo.test') });
    const tenantId = world.tenantId('globex');
    portal.ctx.events.emit('sla.alert', {
      ticketId: t.id,
      tenantId,
      target: 'resolution',
      level: 'breached',
    });
    expect(recipients(t.id)).toEqual(['staff@demo.test sla_near_breach']);
    expect(rowsFor(t.id)[0]).toMatchObject({
      title: `SLA breached on ${t.key}`,
      body: 'Resolution breached: Mail is slow',
    });
  });
});

describe('preferences', () => {
  const eli = 'employee@globex.test';
  const emailsTo = (to: string) =>
    portal.ctx.db.select().from(outboxEmails).where(eq(outboxEmails.toAddress, to)).all().length;

  it('email off sends no email; in-app off creates no row; both default on', async () => {
    const t = await file(eli);
    const before = emailsTo(eli);
    await reply('staff@demo.test', t.id, 'First answer');
    await expect.poll(() => emailsTo(eli)).toBe(before + 1);

    const off = await as[eli]!.put('/api/notifications/preferences', {
      types: { reply: { inApp: true, email: false } },
    });
    expect(off.status).toBe(200);
    await reply('staff@demo.test', t.id, 'Second answer');
    expect(rowsFor(t.id)).toHaveLength(2);

    await as[eli]!.put('/api/notifications/preferences', {
      types: { reply: { inApp: false, email: false } },
    });
    await reply('staff@demo.test', t.id, 'Third answer');
    expect(rowsFor(t.id)).toHaveLength(2);
    // Let any stray send settle, then check nothing went out after the first.
    await new Promise((resolve) => setImmediate(resolve));
    expect(emailsTo(eli)).toBe(before + 1);

    // Email on with in-app off: emailed at once (there is no row to wait for a digest).
    await as[eli]!.put('/api/notifications/preferences', { types: { reply: { inApp: false, email: true } } });
    await reply('staff@demo.test', t.id, 'Fourth answer');
    await expect.poll(() => emailsTo(eli)).toBe(before + 2);
    expect(rowsFor(t.id)).toHaveLength(2);
    await as[eli]!.put('/api/notifications/preferences', { types: { reply: { inApp: true, email: true } } });
  });

  it('the daily digest holds emails, then sends one listing them and marks them', async () => {
    const grace = 'client@globex.test';
    const graceId = world.userId(grace);
    expect((await as[grace]!.put('/api/notifications/preferences', { dailyDigest: true })).status).toBe(200);
    const before = emailsTo(grace);
    const t = await file(grace, 'Printer on fire');
    await reply('staff@demo.test', t.id, 'Digest one');
    await update('staff@demo.test', t.id, { status: 'pending_client' });
    const waiting = () =>
      portal.ctx.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, graceId), eq(notifications.ticketId, t.id)))
        .all();
    expect(waiting().map((n) => n.digestedAt)).toEqual([null, null]);
    expect(emailsTo(grace)).toBe(before);

    const now = new Date(Date.now() + 1000);
    expect(await sendDigests(portal.ctx, now)).toBeGreaterThanOrEqual(1);
    expect(emailsTo(grace)).toBe(before + 1);
    const raw = lastRawEmailTo(portal.ctx.db, portal.dataDir, grace) ?? '';
    expect(raw).toContain('Your daily summary: 2 notifications');
    expect(raw).toContain(`New reply on ${t.key}`);
    expect(raw).toContain(`We need your reply on ${t.key}`);
    expect(raw).toContain(`/tickets/${t.id}`);
    expect(raw).toContain('/settings/notifications');
    expect(raw).not.toContain('Sam Staff');
    expect(waiting().every((n) => n.digestedAt?.getTime() === now.getTime())).toBe(true);
    const settings = portal.ctx.db
      .select()
      .from(notificationSettings)
      .where(eq(notificationSettings.userId, graceId))
      .get();
    expect(settings?.lastDigestAt?.getTime()).toBe(now.getTime());

    // Once a day: a new notification an hour later waits for tomorrow's digest.
    await reply('staff@demo.test', t.id, 'Digest two');
    expect(await sendDigests(portal.ctx, new Date(now.getTime() + 60 * 60 * 1000))).toBe(0);
    expect(emailsTo(grace)).toBe(before + 1);
    expect(
      await sendDigests(portal.ctx, new Date(now.getTime() + 24 * 60 * 60 * 1000)),
    ).toBeGreaterThanOrEqual(1);
    expect(emailsTo(grace)).toBe(before + 2);
    expect(lastRawEmailTo(portal.ctx.db, portal.dataDir, grace)).toContain(
      'Your daily summary: 1 notification',
    );

    await as[grace]!.put('/api/notifications/preferences', { dailyDigest: false });
  });
});
