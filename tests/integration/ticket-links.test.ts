/**
 * Ticket links and merges through the real server: linking by key or id, listing from either
 * side, unlinking, merging a duplicate into its survivor (closed, pointed at, linked, told on both
 * timelines, announced), and every refusal — the same ticket, another org, twice, an invisible
 * ticket, a client, another agency and an anonymous caller — with its status and JSON error.
 */
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortalEvents } from '../../server/events.ts';
import type { TLinkView, TTicketLinks } from '../../server/modules/ticket-links/presenter.ts';
import type { TTicketView } from '../../server/modules/tickets/presenter.ts';
import { ticketEvents, ticketLinks, tickets } from '../../storage/schema.ts';
import { PortalClient } from '../support/http-client.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';
import { signedInAll } from '../support/world.ts';

let portal: TestPortal;
let as: Record<string, PortalClient>;
const emitted: { name: keyof PortalEvents; payload: unknown }[] = [];

type Events = { events: { type: string; visibility: string; data: Record<string, unknown> }[] };
type ErrorBody = { error: { code: string; message: string } };

beforeAll(async () => {
  portal = await startTestPortal();
  for (const name of ['ticket.changed', 'ticket.status_changed'] as const) {
    portal.ctx.events.on(name, (payload) => emitted.push({ name, payload }));
  }
  as = await signedInAll(portal.url, [
    'staff@demo.test',
    'partner@acme.test',
    'team@acme.test',
    'client@globex.test',
    'employee@globex.test',
    'partner@northwind.test',
  ]);
});
afterAll(() => portal.close());

/** The id of a ticket by key (the demo seed files ACME-1001…1004 for Globex, KT-… for Initech). */
function idOf(key: string): string {
  const row = portal.ctx.db.select({ id: tickets.id }).from(tickets).where(eq(tickets.key, key)).get();
  if (!row) throw new Error(`No ticket ${key}`);
  return row.id;
}

/** Files a fresh Globex ticket as `who` (a Globex person) and returns it. */
async function file(who: string, subject: string): Promise<TTicketView> {
  const res = await as[who]!.post<{ ticket: TTicketView }>('/api/tickets', {
    subject,
    category: 'technical_support',
    priority: 'medium',
  });
  expect(res.status).toBe(201);
  return res.body.ticket;
}

/** A ticket's row, links and timeline size: what a refusal must leave alone. */
function snapshot(id: string): string {
  const db = portal.ctx.db;
  return JSON.stringify({
    row: db.select().from(tickets).where(eq(tickets.id, id)).get(),
    events: db.select({ n: count() }).from(ticketEvents).where(eq(ticketEvents.ticketId, id)).get(),
    links: db.select({ n: count() }).from(ticketLinks).get(),
  });
}

const links = (who: string, id: string) => as[who]!.get<TTicketLinks>(`/api/tickets/${id}/links`);
const link = (who: string, id: string, body: unknown) =>
  as[who]!.post<{ link: TLinkView } & ErrorBody>(`/api/tickets/${id}/links`, body);
const merge = (who: string, id: string, body: unknown) =>
  as[who]!.post<{ ticket: TTicketView } & ErrorBody>(`/api/tickets/${id}/merge`, body);
const events = (who: string, id: string) => as[who]!.get<Events>(`/api/tickets/${id}/events`);

describe('linking tickets', () => {
  it('the agency links two of its client’s tickets by key; both sides list it; both timelines record it (internal)', async () => {
    const a = idOf('ACME-1001');
    const b = idOf('ACME-1002');
    emitted.length = 0;
    const res = await link('partner@acme.test', a, { ticketKeyOrId: 'acme-1002', kind: 'related' });
    expect(res.status).toBe(201);
    expect(res.body.link).toMatchObject({
      kind: 'related',
      merge: false,
      ticket: { id: b, key: 'ACME-1002', status: 'pending_client' },
      abilities: { remove: true },
    });
    expect(typeof res.body.link.ticket.subject).toBe('string');

    const fromA = await links('team@acme.test', a);
    expect(fromA.status).toBe(200);
    expect(fromA.body.links.map((l) => l.ticket.key)).toEqual(['ACME-1002']);
    expect(fromA.body.abilities).toEqual({ link: true, merge: true });
    const fromB = await links('staff@demo.test', b);
    expect(fromB.body.links.map((l) => [l.id, l.ticket.key])).toEqual([[res.body.link.id, 'ACME-1001']]);

    for (const [on, other] of [
      [a, 'ACME-1002'],
      [b, 'ACME-1001'],
    ] as const) {
      const entry = (await events('partner@acme.test', on)).body.events.find(
        (e) => e.type === 'ticket_linked',
      );
      expect(entry).toMatchObject({
        visibility: 'internal',
        data: { kind: 'related', ticket: { key: other } },
      });
      // Links are internal working knowledge: a client's timeline never shows them.
      const client = await events('client@globex.test', on);
      expect(client.body.events.some((e) => e.type.startsWith('ticket_'))).toBe(false);
    }
    expect(emitted).toEqual([
      { name: 'ticket.changed', payload: expect.objectContaining({ ticketId: a, visibility: 'internal' }) },
      { name: 'ticket.changed', payload: expect.objectContaining({ ticketId: b, visibility: 'internal' }) },
    ]);
  });

  it('by id, with the duplicate kind; the same pair again — either way round — is 409', async () => {
    const a = await file('client@globex.test', 'Printer jams');
    const b = await file('client@globex.test', 'Printer jams again');
    const res = await link('staff@demo.test', a.id, { ticketKeyOrId: b.id, kind: 'duplicate' });
    expect(res.status).toBe(201);
    expect(res.body.link.kind).toBe('duplicate');
    const before = snapshot(a.id);
    for (const [from, to] of [
      [a, b],
      [b, a],
    ] as const) {
      const again = await link('partner@acme.test', from.id, { ticketKeyOrId: to.key });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('conflict');
    }
    expect(snapshot(a.id)).toBe(before);
  });

  it('refuses the same ticket (400), another org (400), an invisible or unknown ticket (404)', async () => {
    const a = idOf('ACME-1003');
    const before = snapshot(a);
    const self = await link('partner@acme.test', a, { ticketKeyOrId: 'ACME-1003' });
    expect([self.status, self.body.error.code]).toEqual([400, 'same_ticket']);
    // Staff see Initech's KT tickets too, but a link joins tickets of one org only.
    const otherOrg = await link('staff@demo.test', a, { ticketKeyOrId: 'KT-1001' });
    expect([otherOrg.status, otherOrg.body.error.code]).toEqual([400, 'different_organization']);
    // The agency cannot see Initech's tickets: the same 404 as a ticket that does not exist.
    const invisible = await link('partner@acme.test', a, { ticketKeyOrId: 'KT-1001' });
    const unknown = await link('partner@acme.test', a, { ticketKeyOrId: 'ACME-9999' });
    expect([invisible.status, invisible.body.error.code]).toEqual([404, 'not_found']);
    expect(unknown.status).toBe(404);
    expect(invisible.body).toEqual(unknown.body);
    expect(snapshot(a)).toBe(before);
  });

  it('validates the body and the ids (400 with a JSON error)', async () => {
    const a = idOf('ACME-1003');
    for (const body of [
      {},
      { ticketKeyOrId: '' },
      { ticketKeyOrId: 'ACME-1004', kind: 'blocks' },
      { ticketKeyOrId: 'ACME-1004', extra: 1 },
    ]) {
      const res = await link('partner@acme.test', a, body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    const badId = await link('partner@acme.test', 'not-an-id', { ticketKeyOrId: 'ACME-1004' });
    expect(badId.status).toBe(400);
    const badLink = await as['partner@acme.test']!.delete<ErrorBody>(`/api/tickets/${a}/links/nope`);
    expect([badLink.status, badLink.body.error.code]).toEqual([400, 'validation_failed']);
  });

  it('removes a link from either side with both timelines told; removing it again is 404', async () => {
    const a = await file('client@globex.test', 'Wifi slow upstairs');
    const b = await file('client@globex.test', 'Wifi slow downstairs');
    const created = await link('partner@acme.test', a.id, { ticketKeyOrId: b.key });
    const linkId = created.body.link.id;
    const gone = await as['team@acme.test']!.delete(`/api/tickets/${b.id}/links/${linkId}`);
    expect(gone.status).toBe(204);
    expect((await links('partner@acme.test', a.id)).body.links).toEqual([]);
    for (const on of [a.id, b.id]) {
      const types = (await events('partner@acme.test', on)).body.events.map((e) => e.type);
      expect(types).toEqual(expect.arrayContaining(['ticket_linked', 'ticket_unlinked']));
    }
    const again = await as['partner@acme.test']!.delete<ErrorBody>(`/api/tickets/${a.id}/links/${linkId}`);
    expect([again.status, again.body.error.code]).toEqual([404, 'not_found']);
  });
});

describe('who may see and change links', () => {
  let a: TTicketView;
  let b: TTicketView;
  let linkId: string;
  beforeAll(async () => {
    a = await file('client@globex.test', 'Isolation A');
    b = await file('client@globex.test', 'Isolation B');
    linkId = (await link('partner@acme.test', a.id, { ticketKeyOrId: b.key })).body.link.id;
  });

  it('another agency gets 404 on every route and changes nothing', async () => {
    const before = snapshot(a.id);
    const nw = as['partner@northwind.test']!;
    expect((await nw.get(`/api/tickets/${a.id}/links`)).status).toBe(404);
    expect((await nw.post(`/api/tickets/${a.id}/links`, { ticketKeyOrId: b.key })).status).toBe(404);
    expect((await nw.delete(`/api/tickets/${a.id}/links/${linkId}`)).status).toBe(404);
    const merged = await nw.post<ErrorBody>(`/api/tickets/${a.id}/merge`, { intoTicketId: b.id });
    expect([merged.status, merged.body.error.code]).toEqual([404, 'not_found']);
    expect(snapshot(a.id)).toBe(before);
  });

  it('a client sees no links (they are internal) and may not link, unlink or merge', async () => {
    const before = snapshot(a.id);
    const seen = await links('client@globex.test', a.id);
    expect(seen.status).toBe(200);
    expect(seen.body).toEqual({ links: [], mergedInto: null, abilities: { link: false, merge: false } });
    const linked = await link('client@globex.test', a.id, { ticketKeyOrId: 'ACME-1001' });
    expect([linked.status, linked.body.error.code]).toEqual([403, 'forbidden']);
    const merged = await merge('client@globex.test', a.id, { intoTicketId: b.id });
    expect([merged.status, merged.body.error.code]).toEqual([403, 'forbidden']);
    // The link is invisible to them, so removing it is "not found".
    const unlinked = await as['client@globex.test']!.delete(`/api/tickets/${a.id}/links/${linkId}`);
    expect(unlinked.status).toBe(404);
    expect(snapshot(a.id)).toBe(before);
  });

  it('an anonymous caller gets 401 everywhere', async () => {
    const anon = new PortalClient(portal.url);
    expect((await anon.get(`/api/tickets/${a.id}/links`)).status).toBe(401);
    expect((await anon.post(`/api/tickets/${a.id}/links`, { ticketKeyOrId: b.key })).status).toBe(401);
    expect((await anon.delete(`/api/tickets/${a.id}/links/${linkId}`)).status).toBe(401);
    expect((await anon.post(`/api/tickets/${a.id}/merge`, { intoTicketId: b.id })).status).toBe(401);
  });
});

describe('merging tickets', () => {
  it('closes the source, points it at the survivor, links them, tells both timelines and announces it', async () => {
    const source = await file('employee@globex.test', 'Laptop will not charge');
    const target = await file('client@globex.test', 'Laptop charger broken');
    emitted.length = 0;
    const res = await merge('partner@acme.test', source.id, { intoTicketId: target.key });
    expect(res.status).toBe(200);
    expect(res.body.ticket).toMatchObject({ id: source.id, status: 'closed', mergedIntoId: target.id });
    expect(res.body.ticket.closedAt).not.toBeNull();

    const sourceEvents = (await events('client@globex.test', source.id)).body.events;
    expect(sourceEvents).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: 'status_changed',
          visibility: 'client',
          data: { from: 'new', to: 'closed' },
        }),
        expect.objectContaining({
          type: 'merged_into',
          visibility: 'client',
          data: { ticket: { id: target.id, key: target.key } },
        }),
      ]),
    );
    const targetEvents = (await events('client@globex.test', target.id)).body.events;
    expect(targetEvents).toContainEqual(
      expect.objectContaining({
        type: 'merged_from',
        visibility: 'client',
        data: { ticket: { id: source.id, key: source.key } },
      }),
    );

    const fromTarget = await links('partner@acme.test', target.id);
    expect(fromTarget.body.links).toEqual([
      expect.objectContaining({
        kind: 'duplicate',
        merge: true,
        ticket: expect.objectContaining({ key: source.key, status: 'closed' }),
        abilities: { remove: false },
      }),
    ]);
    const fromSource = await links('partner@acme.test', source.id);
    expect(fromSource.body.mergedInto).toMatchObject({ id: target.id, key: target.key });
    expect(fromSource.body.abilities).toEqual({ link: true, merge: false });
    // The merge's link is its record: it cannot be removed on its own.
    const unlink = await as['partner@acme.test']!.delete<ErrorBody>(
      `/api/tickets/${source.id}/links/${fromSource.body.links[0]!.id}`,
    );
    expect([unlink.status, unlink.body.error.code]).toEqual([409, 'merge_link']);

    expect(emitted).toEqual([
      {
        name: 'ticket.changed',
        payload: expect.objectContaining({ ticketId: source.id, visibility: 'client' }),
      },
      {
        name: 'ticket.changed',
        payload: expect.objectContaining({ ticketId: target.id, visibility: 'client' }),
      },
      {
        name: 'ticket.status_changed',
        payload: expect.objectContaining({ ticketId: source.id, from: 'new', to: 'closed' }),
      },
    ]);
  });

  it('a client sees where a merged ticket went only when they may see the survivor', async () => {
    const source = await file('employee@globex.test', 'Monitor flickers');
    const target = await file('client@globex.test', 'Monitors flicker on floor 2');
    expect((await merge('staff@demo.test', source.id, { intoTicketId: target.id })).status).toBe(200);
    // The client_admin sees the whole org's tickets, the employee only their own.
    const admin = await links('client@globex.test', source.id);
    expect(admin.body).toEqual({
      links: [],
      mergedInto: { id: target.id, key: target.key, subject: target.subject, status: 'new' },
      abilities: { link: false, merge: false },
    });
    const employee = await links('employee@globex.test', source.id);
    expect(employee.status).toBe(200);
    expect(employee.body.mergedInto).toBeNull();
  });

  it('an existing link becomes the duplicate link rather than a second one', async () => {
    const source = await file('client@globex.test', 'Calendar sync');
    const target = await file('client@globex.test', 'Calendar sync broken');
    await link('partner@acme.test', source.id, { ticketKeyOrId: target.key, kind: 'related' });
    expect((await merge('partner@acme.test', source.id, { intoTicketId: target.id })).status).toBe(200);
    const listed = (await links('partner@acme.test', target.id)).body.links;
    expect(listed.map((l) => [l.ticket.id, l.kind, l.merge])).toEqual([[source.id, 'duplicate', true]]);
  });

  it('refuses the same ticket, another org, an invisible target, and either side already merged', async () => {
    const source = await file('client@globex.test', 'Merge refusals');
    const survivor = await file('client@globex.test', 'Merge refusals survivor');
    const before = snapshot(source.id);
    const self = await merge('partner@acme.test', source.id, { intoTicketId: source.id });
    expect([self.status, self.body.error.code]).toEqual([400, 'same_ticket']);
    const otherOrg = await merge('staff@demo.test', source.id, { intoTicketId: 'KT-1001' });
    expect([otherOrg.status, otherOrg.body.error.code]).toEqual([400, 'different_organization']);
    const invisible = await merge('partner@acme.test', source.id, { intoTicketId: idOf('KT-1001') });
    expect([invisible.status, invisible.body.error.code]).toEqual([404, 'not_found']);
    for (const body of [{}, { intoTicketId: '' }, { intoTicketId: survivor.id, also: true }]) {
      const bad = await merge('partner@acme.test', source.id, body);
      expect([bad.status, bad.body.error.code]).toEqual([400, 'validation_failed']);
    }
    expect(snapshot(source.id)).toBe(before);

    const victim = await file('client@globex.test', 'Merged already');
    expect((await merge('partner@acme.test', victim.id, { intoTicketId: survivor.id })).status).toBe(200);
    const twice = await merge('partner@acme.test', victim.id, { intoTicketId: source.id });
    expect([twice.status, twice.body.error.code]).toEqual([409, 'already_merged']);
    const intoMerged = await merge('partner@acme.test', source.id, { intoTicketId: victim.key });
    expect([intoMerged.status, intoMerged.body.error.code]).toEqual([409, 'already_merged']);
    const row = portal.ctx.db.select().from(tickets).where(eq(tickets.id, source.id)).get();
    expect(row).toMatchObject({ status: 'new', mergedIntoId: null });
  });
});
