/**
 * CSAT: the rating request on resolution (notification + emailed link), the token routes (the
 * GET records nothing, the POST records once, bad/forged/expired links are 404) and the
 * signed-in routes with their refusals (someone else's ticket 404, staff 403, unresolved 409,
 * twice 409, bad input 400), plus who sees a rating once given.
 */
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueCsatToken } from '../../server/modules/csat/token.ts';
import { auditLog, csatRatings, notifications, outboxEmails } from '../../storage/schema.ts';
import { eventually } from '../support/collab.ts';
import { PortalClient } from '../support/http-client.ts';
import { rawEmail } from '../support/outbox.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';
import type { ErrorBody } from '../support/views.ts';
import { demoWorld, signedInAll } from '../support/world.ts';

let portal: TestPortal;
const world = demoWorld(() => portal.ctx.db);
let as: Record<string, PortalClient>;
const ADMIN = 'client@globex.test'; // client_admin
const EMPLOYEE = 'employee@globex.test'; // client, sees only their own tickets
const DAY = 86_400_000;

interface CsatState {
  rated: boolean;
  csat: { rating: number; comment: string; rater: { id: string; name: string } } | null;
  abilities: { rate: boolean };
}

beforeAll(async () => {
  portal = await startTestPortal();
  as = await signedInAll(portal.url, [
    'staff@demo.test',
    'partner@acme.test',
    ADMIN,
    EMPLOYEE,
    'client@initech.test',
  ]);
});
afterAll(() => portal.close());

async function file(who: string, subject: string): Promise<{ id: string; key: string }> {
  const res = await as[who]!.post<{ ticket: { id: string; key: string } }>('/api/tickets', {
    subject,
    category: 'technical_support',
    priority: 'medium',
  });
  expect(res.status).toBe(201);
  return res.body.ticket;
}
async function setStatus(id: string, status: string) {
  expect((await as['staff@demo.test']!.patch(`/api/tickets/${id}`, { status })).status).toBe(200);
}
const ratings = () => world.rowCount(csatRatings);
const tokenFor = (ticketId: string, email: string, now?: number) =>
  issueCsatToken(portal.ctx.secretKey, ticketId, world.userId(email), now);

describe('asking for a rating', () => {
  it('resolving a client’s ticket notifies them, with the rating link in the email', async () => {
    const t = await file(ADMIN, 'Email bounces');
    await setStatus(t.id, 'resolved');
    const note = portal.ctx.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, world.userId(ADMIN)), eq(notifications.type, 'csat_request')))
      .all()
      .find((n) => n.ticketId === t.id);
    expect(note?.title).toBe(`How did we do on ${t.key}?`);

    // The resolution's own status email may come after it, so look for this one by subject.
    let token = '';
    await eventually(() => {
      const sent = portal.ctx.db
        .select({ subject: outboxEmails.subject, file: outboxEmails.file, text: outboxEmails.text })
        .from(outboxEmails)
        .where(eq(outboxEmails.toAddress, ADMIN))
        .all()
        .find((e) => e.subject.startsWith(`How did we do on ${t.key}?`));
      expect(sent).toBeDefined();
      const raw = rawEmail(portal.dataDir, sent!.file);
      token = /\/csat\/([A-Za-z0-9_-]+)/.exec(raw)?.[1] ?? '';
      expect(token).not.toBe('');
      // The rating link works without a session: the outbox copy staff read never carries it.
      expect(sent!.text).not.toContain(token);
    });
    // The link's path reaches the web app (never the JSON 404 for file-like paths)...
    const pageRes = await fetch(`${portal.url}/csat/${token}`);
    expect(pageRes.headers.get('content-type') ?? '').not.toContain('application/json');
    // ...and the API behind it works without signing in.
    const anon = new PortalClient(portal.url);
    const page = await anon.get(`/api/csat/${token}`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({
      ticket: { key: t.key, subject: 'Email bounces' },
      alreadyRated: false,
    });
  });

  it('no request for other status moves, nor for a ticket whose requester is on the service side', async () => {
    const t = await file(ADMIN, 'Not resolved yet');
    await setStatus(t.id, 'in_progress');
    await setStatus(t.id, 'closed');
    const filedByStaff = await as['staff@demo.test']!.post<{ ticket: { id: string } }>('/api/tickets', {
      subject: 'Filed for Globex',
      category: 'general_inquiry',
      priority: 'low',
      orgId: world.tenantId('globex'),
    });
    expect(filedByStaff.status).toBe(201);
    await setStatus(filedByStaff.body.ticket.id, 'resolved');
    for (const id of [t.id, filedByStaff.body.ticket.id]) {
      const asked = portal.ctx.db
        .select({ n: count() })
        .from(notifications)
        .where(and(eq(notifications.ticketId, id), eq(notifications.type, 'csat_request')))
        .get();
      expect(asked?.n).toBe(0);
    }
  });
});

describe('the link routes, signed out', () => {
  const anon = () => new PortalClient(portal.url);

  it('GET shows the ticket and servicer and records nothing; POST records once; twice 409', async () => {
    const t = await file(ADMIN, 'VPN drops');
    await setStatus(t.id, 'resolved');
    const token = tokenFor(t.id, ADMIN);
    const before = ratings();
    const page = await anon().get(`/api/csat/${token}`);
    expect(page.body).toEqual({
      ticket: { key: t.key, subject: 'VPN drops' },
      servicingName: 'Acme Agency',
      alreadyRated: false,
      canRate: true,
    });
    await anon().get(`/api/csat/${token}`);
    expect(ratings()).toBe(before);

    const rated = await anon().post(`/api/csat/${token}`, { rating: 5, comment: '  Quick and kind.  ' });
    expect(rated.status).toBe(201);
    expect(ratings()).toBe(before + 1);
    const row = portal.ctx.db.select().from(csatRatings).where(eq(csatRatings.ticketId, t.id)).get();
    expect(row).toMatchObject({ rating: 5, comment: 'Quick and kind.', raterId: world.userId(ADMIN) });
    const audit = portal.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'ticket.csat_rated'), eq(auditLog.targetId, t.id)))
      .get();
    expect(audit).toMatchObject({ actorUserId: world.userId(ADMIN), data: { rating: 5, via: 'link' } });

    const again = await anon().post<ErrorBody>(`/api/csat/${token}`, { rating: 1 });
    expect([again.status, again.body.error.code]).toEqual([409, 'already_rated']);
    expect((await anon().get(`/api/csat/${token}`)).body).toMatchObject({ alreadyRated: true });
    expect(ratings()).toBe(before + 1);
  });

  it('bad, tampered, expired and misdirected tokens are 404 on GET and POST', async () => {
    const t = await file(ADMIN, 'Printer jam');
    await setStatus(t.id, 'resolved');
    const good = tokenFor(t.id, ADMIN);
    const tampered = `${good.slice(0, -2)}${good.endsWith('AA') ? 'BB' : 'AA'}`;
    const expired = tokenFor(t.id, ADMIN, Date.now() - 31 * DAY);
    // A real signature, but for a person who cannot see the ticket (the employee sees only their own).
    const notTheirs = tokenFor(t.id, EMPLOYEE);
    const staffs = tokenFor(t.id, 'staff@demo.test');
    for (const token of ['nonsense', tampered, expired, notTheirs, staffs, 'x'.repeat(90)]) {
      const get = await anon().get<ErrorBody>(`/api/csat/${encodeURIComponent(token)}`);
      const post = await anon().post(`/api/csat/${encodeURIComponent(token)}`, { rating: 3 });
      expect([token.slice(0, 20), get.status, post.status]).toEqual([token.slice(0, 20), 404, 404]);
      expect(get.body.error.code).toBe('not_found');
    }
    expect(portal.ctx.db.select().from(csatRatings).where(eq(csatRatings.ticketId, t.id)).all()).toEqual([]);
  });

  it('bad input is 400; a reopened ticket is 409; a cross-site POST is 403', async () => {
    const t = await file(ADMIN, 'Slow laptop');
    await setStatus(t.id, 'resolved');
    const token = tokenFor(t.id, ADMIN);
    for (const body of [
      { rating: 0 },
      { rating: 6 },
      { rating: 2.5 },
      { rating: '5' },
      {},
      { rating: 4, comment: 'x'.repeat(2001) },
      { rating: 4, extra: true },
    ]) {
      const res = await anon().post<ErrorBody>(`/api/csat/${token}`, body);
      expect([JSON.stringify(body).slice(0, 30), res.status, res.body.error.code]).toEqual([
        JSON.stringify(body).slice(0, 30),
        400,
        'validation_failed',
      ]);
    }
    const crossSite = await anon().post(
      `/api/csat/${token}`,
      { rating: 4 },
      { 'sec-fetch-site': 'cross-site' },
    );
    expect(crossSite.status).toBe(403);

    await setStatus(t.id, 'open');
    const reopened = await anon().post<ErrorBody>(`/api/csat/${token}`, { rating: 4 });
    expect([reopened.status, reopened.body.error.code]).toEqual([409, 'not_resolved']);
    expect(portal.ctx.db.select().from(csatRatings).where(eq(csatRatings.ticketId, t.id)).all()).toEqual([]);
  });
});

describe('the signed-in routes', () => {
  let mine: { id: string; key: string };
  beforeAll(async () => {
    mine = await file(EMPLOYEE, 'Need a new mouse');
    await setStatus(mine.id, 'resolved');
  });
  const rate = (who: string, id: string, body: unknown) =>
    as[who]!.post<ErrorBody & CsatState>(`/api/tickets/${id}/csat`, body);

  it('refusals: someone else’s ticket 404, staff 403, unresolved 409, bad input 400; nothing stored', async () => {
    const theirs = await file(ADMIN, 'Admin’s own ticket');
    await setStatus(theirs.id, 'resolved');
    const open = await file(EMPLOYEE, 'Still open');
    const before = ratings();

    expect((await rate(EMPLOYEE, theirs.id, { rating: 5 })).status).toBe(404);
    expect((await rate('client@initech.test', mine.id, { rating: 5 })).status).toBe(404);
    expect((await rate('staff@demo.test', mine.id, { rating: 5 })).status).toBe(403);
    expect((await rate('partner@acme.test', mine.id, { rating: 5 })).status).toBe(403);
    const unresolved = await rate(EMPLOYEE, open.id, { rating: 5 });
    expect([unresolved.status, unresolved.body.error.code]).toEqual([409, 'not_resolved']);
    expect((await rate(EMPLOYEE, mine.id, { rating: 9 })).status).toBe(400);
    expect((await rate(EMPLOYEE, mine.id, { comment: 'no rating' })).status).toBe(400);
    expect(
      (await new PortalClient(portal.url).post(`/api/tickets/${mine.id}/csat`, { rating: 5 })).status,
    ).toBe(401);
    expect(ratings()).toBe(before);
  });

  it('records once (twice 409); the service side and the rater see it, the org’s admin only that it was rated', async () => {
    const before = await as[EMPLOYEE]!.get<CsatState>(`/api/tickets/${mine.id}/csat`);
    expect(before.body).toEqual({ rated: false, csat: null, abilities: { rate: true } });
    expect(
      (await as['staff@demo.test']!.get<CsatState>(`/api/tickets/${mine.id}/csat`)).body.abilities.rate,
    ).toBe(false);

    const res = await rate(EMPLOYEE, mine.id, { rating: 4, comment: 'Fine' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      rated: true,
      csat: { rating: 4, comment: 'Fine' },
      abilities: { rate: false },
    });
    const twice = await rate(EMPLOYEE, mine.id, { rating: 5 });
    expect([twice.status, twice.body.error.code]).toEqual([409, 'already_rated']);

    for (const who of ['staff@demo.test', 'partner@acme.test', EMPLOYEE]) {
      const got = await as[who]!.get<CsatState>(`/api/tickets/${mine.id}/csat`);
      expect([who, got.body.csat?.rating]).toEqual([who, 4]);
    }
    const admin = await as[ADMIN]!.get<CsatState>(`/api/tickets/${mine.id}/csat`);
    expect(admin.body).toEqual({ rated: true, csat: null, abilities: { rate: false } });
    expect((await as['client@initech.test']!.get(`/api/tickets/${mine.id}/csat`)).status).toBe(404);
    expect((await new PortalClient(portal.url).get(`/api/tickets/${mine.id}/csat`)).status).toBe(401);
    // The emailed link now says so too.
    const page = await new PortalClient(portal.url).get(`/api/csat/${tokenFor(mine.id, EMPLOYEE)}`);
    expect(page.body).toMatchObject({ alreadyRated: true });
  });
});
