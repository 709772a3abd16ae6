/**
 * Canned responses through the real server: the desk's shared ones and each agent's own, who
 * may create, change and delete which, isolation (another agent's personal one and another
 * desk's are 404; clients 403; anonymous 401), and rendering placeholders for a visible ticket.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCannedView } from '../../server/modules/canned/presenter.ts';
import { auditLog, cannedResponses, tickets, users } from '../../storage/schema.ts';
import { PortalClient } from '../support/http-client.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';
import { demoWorld, signedInAll } from '../support/world.ts';

let portal: TestPortal;
const world = demoWorld(() => portal.ctx.db);
let as: Record<string, PortalClient>;
const ids: Record<string, string> = {};

type CannedReply = { cannedResponse: TCannedView };
type ListReply = { cannedResponses: TCannedView[]; abilities: { createShared: boolean } };

const snapshot = () => JSON.stringify(portal.ctx.db.select().from(cannedResponses).all());
const ticketOf = (slug: string) => {
  const row = portal.ctx.db
    .select({ id: tickets.id, key: tickets.key, subject: tickets.subject })
    .from(tickets)
    .where(eq(tickets.tenantId, world.tenantId(slug)))
    .get();
  if (!row) throw new Error(`no ticket for ${slug}`);
  return row;
};
const titles = async (who: string) =>
  (await as[who]!.get<ListReply>('/api/canned-responses')).body.cannedResponses.map((c) => c.title);

beforeAll(async () => {
  portal = await startTestPortal();
  as = await signedInAll(portal.url, [
    'admin@demo.test',
    'staff@demo.test',
    'partner@acme.test',
    'team@acme.test',
    'client@globex.test',
    'employee@globex.test',
    'partner@northwind.test',
  ]);
  const create = async (who: string, key: string, body: Record<string, unknown>) => {
    const res = await as[who]!.post<CannedReply>('/api/canned-responses', body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    ids[key] = res.body.cannedResponse.id;
  };
  await create('admin@demo.test', 'platformShared', {
    title: 'Platform greeting',
    body: 'Hello {{client.firstName}}',
    shared: true,
  });
  await create('admin@demo.test', 'adminOwn', { title: 'Admin notes', body: 'Private', shared: false });
  await create('staff@demo.test', 'staffOwn', { title: 'Sam sign-off', body: 'Sam here', shared: false });
  await create('partner@acme.test', 'acmeShared', {
    title: 'Acme welcome',
    body: 'Hi {{client.name}} of {{org.name}}, {{ticket.key}} “{{ticket.subject}}” is with {{agent.name}} at {{portal.name}}. {{ticket.nope}}',
    shared: true,
  });
  await create('team@acme.test', 'teamOwn', {
    title: 'Tara quick',
    body: 'On it, {{client.firstName}}!',
    shared: false,
  });
  await create('partner@northwind.test', 'nwShared', { title: 'Northwind hello', body: 'Hi', shared: true });
});
afterAll(() => portal.close());

describe('listing', () => {
  it('each person sees their desk’s shared responses and their own, shared first', async () => {
    expect(await titles('staff@demo.test')).toEqual(['Platform greeting', 'Sam sign-off']);
    expect(await titles('admin@demo.test')).toEqual(['Platform greeting', 'Admin notes']);
    expect(await titles('team@acme.test')).toEqual(['Acme welcome', 'Tara quick']);
    expect(await titles('partner@acme.test')).toEqual(['Acme welcome']);
    expect(await titles('partner@northwind.test')).toEqual(['Northwind hello']);
  });

  it('abilities say who may share and who may edit each', async () => {
    const team = (await as['team@acme.test']!.get<ListReply>('/api/canned-responses')).body;
    expect(team.abilities).toEqual({ createShared: false });
    expect(team.cannedResponses.map((c) => [c.title, c.shared, c.abilities.edit])).toEqual([
      ['Acme welcome', true, false],
      ['Tara quick', false, true],
    ]);
    const partner = (await as['partner@acme.test']!.get<ListReply>('/api/canned-responses')).body;
    expect(partner.abilities).toEqual({ createShared: true });
    expect(partner.cannedResponses[0]?.abilities.edit).toBe(true);
  });
});

describe('changing', () => {
  it('a partner_staff cannot create a shared response (403), and nothing is stored', async () => {
    const before = snapshot();
    const res = await as['team@acme.test']!.post('/api/canned-responses', {
      title: 'X',
      body: 'Y',
      shared: true,
    });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: { code: 'forbidden' } });
    expect(snapshot()).toBe(before);
  });

  it('a partner_staff may not change or delete a shared one they can see (403)', async () => {
    const before = snapshot();
    expect(
      (await as['team@acme.test']!.put(`/api/canned-responses/${ids.acmeShared}`, { title: 'Mine' })).status,
    ).toBe(403);
    expect((await as['team@acme.test']!.delete(`/api/canned-responses/${ids.acmeShared}`)).status).toBe(403);
    expect(snapshot()).toBe(before);
  });

  it('the owner edits and deletes their own; the desk admin edits shared ones (audited)', async () => {
    const own = await as['team@acme.test']!.put<CannedReply>(`/api/canned-responses/${ids.teamOwn}`, {
      title: 'Tara quick reply',
    });
    expect(own.status).toBe(200);
    expect(own.body.cannedResponse).toMatchObject({
      title: 'Tara quick reply',
      body: 'On it, {{client.firstName}}!',
    });

    const shared = await as['staff@demo.test']!.put<CannedReply>(
      `/api/canned-responses/${ids.platformShared}`,
      {
        body: 'Hello {{client.firstName}}, thanks for writing.',
      },
    );
    expect(shared.status).toBe(200);
    const audited = portal.ctx.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'canned_response.updated'), eq(auditLog.targetId, ids.platformShared ?? '')),
      )
      .get();
    expect(audited).toMatchObject({
      actorUserId: world.userId('staff@demo.test'),
      tenantId: world.tenantId('platform'),
    });

    const temp = await as['team@acme.test']!.post<CannedReply>('/api/canned-responses', {
      title: 'Temp',
      body: 'T',
      shared: false,
    });
    const id = temp.body.cannedResponse.id;
    expect((await as['team@acme.test']!.delete(`/api/canned-responses/${id}`)).status).toBe(204);
    expect((await as['team@acme.test']!.delete(`/api/canned-responses/${id}`)).status).toBe(404);
  });

  it.each([
    ['no title', { body: 'x', shared: false }],
    ['empty title', { title: ' ', body: 'x', shared: false }],
    ['empty body', { title: 'x', body: '', shared: false }],
    ['shared not a boolean', { title: 'x', body: 'x', shared: 'yes' }],
    ['shared missing', { title: 'x', body: 'x' }],
    ['unknown field', { title: 'x', body: 'x', shared: false, ownerId: 'someone' }],
    ['title too long', { title: 'x'.repeat(121), body: 'x', shared: false }],
  ])('create with %s is a 400', async (_label, body) => {
    const before = snapshot();
    const res = await as['staff@demo.test']!.post('/api/canned-responses', body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'validation_failed' } });
    expect(snapshot()).toBe(before);
  });

  it('updates are validated too: nothing to change, unknown fields, or flipping shared are 400', async () => {
    for (const body of [{}, { shared: true }, { title: '' }, { body: 'x', extra: 1 }]) {
      const res = await as['staff@demo.test']!.put(`/api/canned-responses/${ids.staffOwn}`, body);
      expect(res.status).toBe(400);
    }
    expect((await as['staff@demo.test']!.put('/api/canned-responses/bad-id', { title: 'x' })).status).toBe(
      400,
    );
  });
});

describe('isolation', () => {
  it('another agent’s personal response is a 404 on every route, even for their desk’s admin', async () => {
    const before = snapshot();
    for (const [who, id] of [
      ['admin@demo.test', ids.staffOwn],
      ['staff@demo.test', ids.adminOwn],
      ['partner@acme.test', ids.teamOwn],
    ] as const) {
      const c = as[who]!;
      expect((await c.put(`/api/canned-responses/${id}`, { title: 'Taken' })).status).toBe(404);
      expect((await c.delete(`/api/canned-responses/${id}`)).status).toBe(404);
      const render = await c.post(`/api/canned-responses/${id}/render`, { ticketId: ticketOf('globex').id });
      expect(render.status).toBe(404);
      expect(render.body).toMatchObject({ error: { code: 'not_found' } });
    }
    expect(snapshot()).toBe(before);
  });

  it('another desk’s responses, shared or personal, are 404', async () => {
    const before = snapshot();
    for (const [who, id] of [
      ['partner@acme.test', ids.platformShared],
      ['partner@acme.test', ids.nwShared],
      ['team@acme.test', ids.staffOwn],
      ['admin@demo.test', ids.acmeShared],
      ['partner@northwind.test', ids.acmeShared],
    ] as const) {
      expect((await as[who]!.put(`/api/canned-responses/${id}`, { title: 'Taken' })).status).toBe(404);
      expect((await as[who]!.delete(`/api/canned-responses/${id}`)).status).toBe(404);
    }
    expect(snapshot()).toBe(before);
  });

  it('client roles are refused every route (403), whatever they send', async () => {
    const before = snapshot();
    for (const who of ['client@globex.test', 'employee@globex.test']) {
      const c = as[who]!;
      for (const res of [
        await c.get('/api/canned-responses'),
        await c.post('/api/canned-responses', { title: 'x', body: 'y', shared: false }),
        await c.post('/api/canned-responses', { junk: 1 }),
        await c.put(`/api/canned-responses/${ids.acmeShared}`, { title: 'x' }),
        await c.delete(`/api/canned-responses/${ids.acmeShared}`),
        await c.post(`/api/canned-responses/${ids.acmeShared}/render`, { ticketId: ticketOf('globex').id }),
      ]) {
        expect(res.status).toBe(403);
        expect(JSON.stringify(res.body)).not.toContain('Acme welcome');
      }
    }
    expect(snapshot()).toBe(before);
  });

  it('anonymous callers get 401', async () => {
    const anonymous = new PortalClient(portal.url);
    for (const res of [
      await anonymous.get('/api/canned-responses'),
      await anonymous.post('/api/canned-responses', { title: 'x', body: 'y', shared: false }),
      await anonymous.put(`/api/canned-responses/${ids.acmeShared}`, { title: 'x' }),
      await anonymous.delete(`/api/canned-responses/${ids.acmeShared}`),
      await anonymous.post(`/api/canned-responses/${ids.acmeShared}/render`, {
        ticketId: ticketOf('globex').id,
      }),
    ]) {
      expect(res.status).toBe(401);
    }
  });
});

describe('rendering for a ticket', () => {
  it('fills every placeholder as the ticket’s client sees the portal; unknown ones stay as typed', async () => {
    const t = ticketOf('globex');
    const requester = portal.ctx.db
      .select({ requesterId: tickets.requesterId })
      .from(tickets)
      .where(eq(tickets.id, t.id))
      .get();
    const name =
      portal.ctx.db
        .select({ name: users.name })
        .from(users)
        .where(eq(users.id, requester?.requesterId ?? ''))
        .get()?.name ?? '';
    const res = await as['team@acme.test']!.post<{ text: string }>(
      `/api/canned-responses/${ids.acmeShared}/render`,
      {
        ticketId: t.id,
      },
    );
    expect(res.status).toBe(200);
    expect(res.body.text).toBe(
      `Hi ${name} of Globex, ${t.key} “${t.subject}” is with Tara Team at Acme Client Hub. {{ticket.nope}}`,
    );
  });

  it('first names, and the provider’s staff rendering for an agency’s client still get the agency’s portal name', async () => {
    const t = ticketOf('globex');
    const mine = await as['team@acme.test']!.post<{ text: string }>(
      `/api/canned-responses/${ids.teamOwn}/render`,
      {
        ticketId: t.id,
      },
    );
    expect(mine.body.text).toMatch(/^On it, \S+!$/);
    const created = await as['staff@demo.test']!.post<CannedReply>('/api/canned-responses', {
      title: 'Portal',
      body: '{{portal.name}} / {{agent.name}}',
      shared: false,
    });
    const staff = await as['staff@demo.test']!.post<{ text: string }>(
      `/api/canned-responses/${created.body.cannedResponse.id}/render`,
      { ticketId: t.id },
    );
    expect(staff.body.text).toBe('Acme Client Hub / Sam Staff');
  });

  it('a ticket the caller cannot see is a 404, exactly like a missing one; bad input is a 400', async () => {
    const initech = ticketOf('initech');
    const hidden = await as['team@acme.test']!.post(`/api/canned-responses/${ids.acmeShared}/render`, {
      ticketId: initech.id,
    });
    expect(hidden.status).toBe(404);
    expect(hidden.body).toMatchObject({ error: { code: 'not_found' } });
    const missing = await as['team@acme.test']!.post(`/api/canned-responses/${ids.acmeShared}/render`, {
      ticketId: 'aaaaaaaaaaaaaaaa',
    });
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual(hidden.body);
    expect(
      (await as['team@acme.test']!.post(`/api/canned-responses/${ids.acmeShared}/render`, {})).status,
    ).toBe(400);
    expect(
      (
        await as['team@acme.test']!.post(`/api/canned-responses/${ids.acmeShared}/render`, {
          ticketId: 'x',
          more: 1,
        })
      ).status,
    ).toBe(400);
  });
});
