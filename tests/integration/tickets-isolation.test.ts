/**
 * Ticket isolation: another tenant gets 404 on every ticket route and changes nothing; a client
 * is refused every change of structure (403 when they see the ticket, 404 when not); anonymous
 * callers get 401; and no byte of internal content — internal notes, internal timeline entries,
 * the assigned agent — reaches any response a client receives. A canary string planted in each
 * internal channel must never appear in a client's response body.
 */
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TTicketView } from '../../server/modules/tickets/presenter.ts';
import { buildUser } from '../../storage/builders.ts';
import { ticketEvents, ticketReplies, tickets } from '../../storage/schema.ts';
import { PortalClient } from '../support/http-client.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';
import { demoWorld, signedInAll } from '../support/world.ts';

const CANARY = 'CANARY-INTERNAL-7731';
let portal: TestPortal;
const world = demoWorld(() => portal.ctx.db);
let as: Record<string, PortalClient>;
let globexIds: string[];

/** A ticket's row with how many timeline entries and replies it has: what a refusal must not touch. */
function snapshot(id: string): string {
  const db = portal.ctx.db;
  const row = db.select().from(tickets).where(eq(tickets.id, id)).get();
  const events = db.select({ n: count() }).from(ticketEvents).where(eq(ticketEvents.ticketId, id)).get();
  const replies = db.select({ n: count() }).from(ticketReplies).where(eq(ticketReplies.ticketId, id)).get();
  return JSON.stringify({ row, events, replies });
}

beforeAll(async () => {
  portal = await startTestPortal();
  as = await signedInAll(portal.url, [
    'staff@demo.test',
    'partner@acme.test',
    'client@globex.test',
    'employee@globex.test',
    'client@initech.test',
    'client@contoso.test',
    'partner@northwind.test',
  ]);
  globexIds = portal.ctx.db
    .select({ id: tickets.id })
    .from(tickets)
    .where(eq(tickets.tenantId, world.tenantId('globex')))
    .all()
    .map((t) => t.id);
  // Plant the canary in every internal channel of every Globex ticket: the assigned agent's name
  // (ticket view and the internal assignment entry) and internal notes by provider and agency.
  const agent = await buildUser(portal.ctx.db, {
    email: 'canary@demo.test',
    name: `${CANARY} Agent`,
    role: 'staff',
    tenantId: world.tenantId('platform'),
  });
  for (const id of globexIds) {
    const assigned = await as['staff@demo.test']!.patch(`/api/tickets/${id}`, { assigneeId: agent.id });
    expect(assigned.status).toBe(200);
    for (const who of ['staff@demo.test', 'partner@acme.test']) {
      const body = `${CANARY}: escalate to the network vendor before telling the client.`;
      const note = await as[who]!.post(`/api/tickets/${id}/replies`, { body, visibility: 'internal' });
      expect(note.status).toBe(201);
    }
  }
});
afterAll(() => portal.close());

describe('another tenant gets 404 and changes nothing', () => {
  it.each(['client@initech.test', 'client@contoso.test', 'partner@northwind.test'])('%s', async (who) => {
    const client = as[who]!;
    for (const id of globexIds) {
      const before = snapshot(id);
      for (const [method, path, body] of [
        ['GET', `/api/tickets/${id}`],
        ['GET', `/api/tickets/${id}/events`],
        ['GET', `/api/tickets/${id}/replies`],
        ['PATCH', `/api/tickets/${id}`, { status: 'closed' }],
        ['PATCH', `/api/tickets/${id}`, { priority: 'low' }],
        ['POST', `/api/tickets/${id}/replies`, { body: 'hello' }],
        ['POST', `/api/tickets/${id}/replies`, { body: 'hello', visibility: 'internal' }],
      ] as const) {
        const res = await client.request(method, path, body);
        expect([who, method, path, res.status, res.body]).toMatchObject([
          who,
          method,
          path,
          404,
          { error: { code: 'not_found' } },
        ]);
      }
      expect(snapshot(id)).toBe(before);
    }
    const list = await client.get<{ tickets: TTicketView[] }>(
      `/api/tickets?orgId=${world.tenantId('globex')}`,
    );
    expect(list.body.tickets).toEqual([]);
    const assignees = await client.get(`/api/tickets/assignees?orgId=${world.tenantId('globex')}`);
    expect(assignees.status).toBe(404);
  });
});

describe('clients never change a ticket’s structure', () => {
  it('403 on a ticket they see, 404 on one they do not, nothing changed', async () => {
    const mine = await as['employee@globex.test']!.get<{ tickets: TTicketView[] }>('/api/tickets');
    const seen = new Set(mine.body.tickets.map((t) => t.id));
    for (const id of globexIds) {
      const before = snapshot(id);
      const eli = await as['employee@globex.test']!.patch(`/api/tickets/${id}`, { status: 'closed' });
      expect(eli.status).toBe(seen.has(id) ? 403 : 404);
      const grace = await as['client@globex.test']!.patch(`/api/tickets/${id}`, {
        priority: 'critical',
        assigneeId: null,
      });
      expect(grace.status).toBe(403);
      expect(snapshot(id)).toBe(before);
    }
  });
});

describe('no internal content reaches a client', () => {
  /** Every ticket response the client can get, as raw text. */
  async function everythingSeenBy(who: string): Promise<string[]> {
    const client = as[who]!;
    const bodies: string[] = [];
    const get = async (path: string) => {
      const res = await client.get(path);
      bodies.push(JSON.stringify(res.body));
      return res;
    };
    for (const q of [
      '',
      '?sort=priority',
      `?q=${CANARY}`,
      '?status=new,open,in_progress,pending_client,resolved,closed',
    ])
      await get(`/api/tickets${q}`);
    const list = await client.get<{ tickets: TTicketView[] }>('/api/tickets');
    expect(list.body.tickets.length).toBeGreaterThan(0);
    for (const id of globexIds) {
      await get(`/api/tickets/${id}`);
      await get(`/api/tickets/${id}/events`);
      await get(`/api/tickets/${id}/replies`);
    }
    for (const t of list.body.tickets) {
      const posted = await client.post(`/api/tickets/${t.id}/replies`, { body: 'Any news?' });
      bodies.push(JSON.stringify(posted.body));
      const refused = await client.post(`/api/tickets/${t.id}/replies`, {
        body: 'x',
        visibility: 'internal',
      });
      bodies.push(JSON.stringify(refused.body));
      bodies.push(JSON.stringify((await client.patch(`/api/tickets/${t.id}`, { status: 'open' })).body));
    }
    const filed = await client.post('/api/tickets', { subject: 'New', category: 'billing', priority: 'low' });
    bodies.push(JSON.stringify(filed.body));
    return bodies;
  }

  it('the canary is really there for the people who may read it', async () => {
    for (const who of ['staff@demo.test', 'partner@acme.test']) {
      const id = globexIds[0]!;
      expect(JSON.stringify((await as[who]!.get(`/api/tickets/${id}/replies`)).body)).toContain(CANARY);
      expect(JSON.stringify((await as[who]!.get(`/api/tickets/${id}/events`)).body)).toContain(CANARY);
      expect(JSON.stringify((await as[who]!.get(`/api/tickets/${id}`)).body)).toContain(CANARY);
    }
  });

  it.each(['client@globex.test', 'employee@globex.test'])('%s', async (who) => {
    for (const body of await everythingSeenBy(who)) {
      expect(body).not.toContain(CANARY);
      // The demo seed's own internal note on ACME-1001.
      expect(body).not.toContain('INTERNAL:');
    }
  });

  it('an employee shown the whole organisation still gets nothing internal', async () => {
    const eli = world.userId('employee@globex.test');
    expect(
      (await as['client@globex.test']!.patch(`/api/users/${eli}`, { ticketScope: 'organization' })).status,
    ).toBe(200);
    const bodies = await everythingSeenBy('employee@globex.test');
    expect(bodies.filter((b) => b.includes('"key":"ACME-1002"')).length).toBeGreaterThan(0);
    for (const body of bodies) expect(body).not.toContain(CANARY);
  });

  it('a client sees agents as the servicing organisation, never their id or role', async () => {
    const id = globexIds[0]!;
    const replies = await as['client@globex.test']!.get<{ replies: { author: unknown }[] }>(
      `/api/tickets/${id}/replies`,
    );
    const staffReply = replies.body.replies.find((r) => JSON.stringify(r.author).includes('Acme Agency'));
    expect(staffReply?.author).toEqual({ id: null, name: 'Acme Agency', role: null });
    for (const r of replies.body.replies)
      expect(JSON.stringify(r)).not.toMatch(/"role":"(staff|partner|partner_staff|super_admin)"/);
  });
});

describe('anonymous callers get 401 and change nothing', () => {
  it('on every ticket route, even with a real id', async () => {
    const anon = new PortalClient(portal.url);
    const id = globexIds[0]!;
    const before = snapshot(id);
    for (const [method, path] of [
      ['GET', '/api/tickets'],
      ['POST', '/api/tickets'],
      ['GET', `/api/tickets/assignees?orgId=${world.tenantId('globex')}`],
      ['GET', `/api/tickets/${id}`],
      ['PATCH', `/api/tickets/${id}`],
      ['GET', `/api/tickets/${id}/events`],
      ['GET', `/api/tickets/${id}/replies`],
      ['POST', `/api/tickets/${id}/replies`],
    ] as const) {
      const body =
        method === 'GET'
          ? undefined
          : { status: 'closed', body: 'x', subject: 'x', category: 'billing', priority: 'low' };
      const res = await anon.request(method, path, body);
      expect([method, path, res.status, res.body]).toMatchObject([
        method,
        path,
        401,
        { error: { code: 'unauthenticated' } },
      ]);
    }
    expect(snapshot(id)).toBe(before);
  });
});
