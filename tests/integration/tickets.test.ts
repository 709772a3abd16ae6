/**
 * Tickets through the real server: filing (keys, orgs), working (status, priority, category,
 * assignee and the timeline each change leaves), replies, and the events every command emits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortalEvents } from '../../server/events.ts';
import type { TTicketView } from '../../server/modules/tickets/presenter.ts';
import type { PortalClient } from '../support/http-client.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';
import { demoWorld, signedInAll } from '../support/world.ts';

let portal: TestPortal;
const world = demoWorld(() => portal.ctx.db);
let as: Record<string, PortalClient>;
const emitted: { name: keyof PortalEvents; payload: unknown }[] = [];

type TicketReply = { ticket: TTicketView };
type Events = { events: { type: string; visibility: string; data: Record<string, unknown> }[] };

beforeAll(async () => {
  portal = await startTestPortal();
  for (const name of ['ticket.changed', 'ticket.reply_added'] as const) {
    portal.ctx.events.on(name, (payload) => emitted.push({ name, payload }));
  }
  as = await signedInAll(portal.url, [
    'admin@demo.test',
    'staff@demo.test',
    'partner@acme.test',
    'team@acme.test',
    'client@globex.test',
    'employee@globex.test',
    'client@initech.test',
  ]);
});
afterAll(() => portal.close());

const file = (who: string, body: Record<string, unknown>) => as[who]!.post<TicketReply>('/api/tickets', body);
const base = { subject: 'Mail is slow', category: 'technical_support', priority: 'medium' };

describe('filing a ticket', () => {
  it('a client files in their own org; the key continues the agency sequence; everyone who may see it does', async () => {
    emitted.length = 0;
    const res = await file('employee@globex.test', {
      ...base,
      description: 'Outlook takes a minute per message.',
    });
    expect(res.status).toBe(201);
    const t = res.body.ticket;
    // The demo seed filed ACME-1001…1004 for Globex.
    expect(t).toMatchObject({
      key: 'ACME-1005',
      status: 'new',
      org: { id: world.tenantId('globex'), name: 'Globex' },
      requester: { id: world.userId('employee@globex.test'), name: 'Eli Employee' },
      assignee: null,
      assigned: false,
      descriptionText: 'Outlook takes a minute per message.',
      abilities: {
        update: false,
        assign: false,
        seeInternal: false,
        editDescription: true,
        reply: true,
        replyInternal: false,
      },
      documents: { description: `ticket:${t.id}`, internal: null, thread: `ticket:${t.id}:thread` },
    });
    expect(emitted).toEqual([
      {
        name: 'ticket.changed',
        payload: { ticketId: t.id, tenantId: world.tenantId('globex'), visibility: 'client' },
      },
    ]);
    for (const who of [
      'client@globex.test',
      'partner@acme.test',
      'team@acme.test',
      'staff@demo.test',
      'admin@demo.test',
    ]) {
      const list = await as[who]!.get<{ tickets: TTicketView[] }>('/api/tickets');
      expect([who, list.body.tickets.some((x) => x.id === t.id)]).toEqual([who, true]);
    }
    const initech = await as['client@initech.test']!.get<{ tickets: TTicketView[] }>('/api/tickets');
    expect(initech.body.tickets.some((x) => x.id === t.id)).toBe(false);
    const events = await as['employee@globex.test']!.get<Events>(`/api/tickets/${t.id}/events`);
    expect(events.body.events.map((e) => e.type)).toEqual(['created']);
  });

  it('direct clients get the platform prefix; staff and partners must name a client org they reach', async () => {
    expect((await file('client@initech.test', base)).body.ticket.key).toBe('KT-1003');
    const byStaff = await file('staff@demo.test', { ...base, orgId: world.tenantId('contoso') });
    expect(byStaff.status).toBe(201);
    expect(byStaff.body.ticket).toMatchObject({
      key: 'NW-1003',
      abilities: { update: true, seeInternal: true },
    });
    expect(byStaff.body.ticket.documents.internal).toBe(`ticket:${byStaff.body.ticket.id}:internal`);
    expect((await file('partner@acme.test', base)).body).toMatchObject({ error: { code: 'org_required' } });
    expect((await file('partner@acme.test', { ...base, orgId: world.tenantId('initech') })).status).toBe(404);
    expect((await file('partner@acme.test', { ...base, orgId: world.tenantId('acme') })).status).toBe(403);
    expect((await file('team@acme.test', { ...base, orgId: world.tenantId('globex') })).status).toBe(201);
    // A client naming another org gets the same 404 as for an org that does not exist.
    expect((await file('client@globex.test', { ...base, orgId: world.tenantId('initech') })).status).toBe(
      404,
    );
  });

  it('refuses bad input with 400', async () => {
    for (const body of [
      { ...base, subject: '' },
      { ...base, subject: 'x'.repeat(201) },
      { ...base, priority: 'urgent' },
      { ...base, category: 'Billing' },
      { ...base, description: 'x'.repeat(20_001) },
      { ...base, extra: true },
    ]) {
      expect((await file('client@globex.test', body)).status).toBe(400);
    }
  });
});

describe('working a ticket', () => {
  it('each changed field lands in the timeline with its audience; times follow the status', async () => {
    const t = (await file('employee@globex.test', { ...base, subject: 'Printer offline' })).body.ticket;
    emitted.length = 0;
    const staffId = world.userId('staff@demo.test');
    const res = await as['staff@demo.test']!.patch<TicketReply>(`/api/tickets/${t.id}`, {
      status: 'in_progress',
      priority: 'high',
      category: 'technical_support', // unchanged: no entry
      assigneeId: staffId,
    });
    expect(res.status).toBe(200);
    expect(res.body.ticket).toMatchObject({
      status: 'in_progress',
      priority: 'high',
      assignee: { id: staffId, name: 'Sam Staff' },
    });
    expect(emitted).toEqual([
      {
        name: 'ticket.changed',
        payload: { ticketId: t.id, tenantId: world.tenantId('globex'), visibility: 'client' },
      },
    ]);
    const staffView = await as['staff@demo.test']!.get<Events>(`/api/tickets/${t.id}/events`);
    expect(staffView.body.events.map((e) => [e.type, e.visibility])).toEqual([
      ['created', 'client'],
      ['status_changed', 'client'],
      ['priority_changed', 'client'],
      ['assignee_changed', 'internal'],
    ]);
    expect(staffView.body.events[1]!.data).toEqual({ from: 'new', to: 'in_progress' });
    expect(staffView.body.events[3]!.data).toEqual({ from: null, to: { id: staffId, name: 'Sam Staff' } });
    const clientView = await as['employee@globex.test']!.get<Events & { ticket: TTicketView }>(
      `/api/tickets/${t.id}/events`,
    );
    expect(clientView.body.events.map((e) => e.type)).toEqual([
      'created',
      'status_changed',
      'priority_changed',
    ]);
    const seen = (await as['employee@globex.test']!.get<TicketReply>(`/api/tickets/${t.id}`)).body.ticket;
    expect(seen).toMatchObject({ assignee: null, assigned: true });

    emitted.length = 0;
    await as['staff@demo.test']!.patch(`/api/tickets/${t.id}`, { assigneeId: null });
    expect(emitted).toEqual([
      {
        name: 'ticket.changed',
        payload: { ticketId: t.id, tenantId: world.tenantId('globex'), visibility: 'internal' },
      },
    ]);
    emitted.length = 0;
    const same = await as['staff@demo.test']!.patch<TicketReply>(`/api/tickets/${t.id}`, {
      priority: 'high',
    });
    expect(same.status).toBe(200);
    expect(emitted).toEqual([]);

    const resolved = (
      await as['partner@acme.test']!.patch<TicketReply>(`/api/tickets/${t.id}`, { status: 'resolved' })
    ).body.ticket;
    expect(resolved.resolvedAt).not.toBeNull();
    expect(resolved.closedAt).toBeNull();
    const closed = (
      await as['team@acme.test']!.patch<TicketReply>(`/api/tickets/${t.id}`, { status: 'closed' })
    ).body.ticket;
    expect(closed).toMatchObject({
      resolvedAt: resolved.resolvedAt,
      abilities: { editDescription: false, reply: false, replyInternal: true },
    });
    expect(closed.closedAt).not.toBeNull();
    const reopened = (
      await as['staff@demo.test']!.patch<TicketReply>(`/api/tickets/${t.id}`, { status: 'open' })
    ).body.ticket;
    expect(reopened).toMatchObject({ resolvedAt: null, closedAt: null });
  });

  it('refuses an unknown status, an empty change and unknown fields with 400', async () => {
    const t = (await file('client@globex.test', base)).body.ticket;
    const staff = as['staff@demo.test']!;
    const unknown = await staff.patch(`/api/tickets/${t.id}`, { status: 'done' });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ error: { code: 'validation_failed' } });
    expect((await staff.patch(`/api/tickets/${t.id}`, { status: 'In Progress' })).status).toBe(400);
    expect((await staff.patch(`/api/tickets/${t.id}`, {})).status).toBe(400);
    expect((await staff.patch(`/api/tickets/${t.id}`, { subject: 'x' })).status).toBe(400);
  });

  it('assigns only active provider staff or the org’s own agency team the caller may see', async () => {
    const t = (await file('client@globex.test', base)).body.ticket;
    const invalid = async (who: string, email: string) => {
      const res = await as[who]!.patch(`/api/tickets/${t.id}`, { assigneeId: world.userId(email) });
      expect([who, email, res.status, res.body]).toMatchObject([
        who,
        email,
        400,
        { error: { code: 'invalid_assignee' } },
      ]);
    };
    await invalid('staff@demo.test', 'client@globex.test');
    await invalid('staff@demo.test', 'partner@northwind.test');
    // The agency never sees (so never assigns) the provider's staff.
    await invalid('partner@acme.test', 'staff@demo.test');
    expect(
      (
        await as['partner@acme.test']!.patch(`/api/tickets/${t.id}`, {
          assigneeId: world.userId('team@acme.test'),
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await as['staff@demo.test']!.patch(`/api/tickets/${t.id}`, {
          assigneeId: world.userId('admin@demo.test'),
        })
      ).status,
    ).toBe(200);
    expect(
      (await as['staff@demo.test']!.patch(`/api/tickets/${t.id}`, { assigneeId: 'abcdefghijkmnpqr' })).status,
    ).toBe(400);

    const pick = async (who: string, slug: string) =>
      as[who]!.get<{ assignees: { name: string }[] }>(`/api/tickets/assignees?orgId=${world.tenantId(slug)}`);
    expect((await pick('partner@acme.test', 'globex')).body.assignees.map((a) => a.name)).toEqual([
      'Pat Partner',
      'Tara Team',
    ]);
    expect((await pick('staff@demo.test', 'globex')).body.assignees.map((a) => a.name)).toEqual([
      'Ada Admin',
      'Pat Partner',
      'Sam Staff',
      'Tara Team',
    ]);
    expect((await pick('staff@demo.test', 'initech')).body.assignees.map((a) => a.name)).toEqual([
      'Ada Admin',
      'Sam Staff',
    ]);
    expect((await pick('client@globex.test', 'globex')).status).toBe(403);
    expect((await pick('partner@acme.test', 'initech')).status).toBe(404);
  });
});

describe('replies', () => {
  it('agents answer (first response), clients hand a waiting ticket back, closed tickets take no public reply', async () => {
    const t = (await file('employee@globex.test', base)).body.ticket;
    const path = `/api/tickets/${t.id}/replies`;
    emitted.length = 0;
    const note = await as['team@acme.test']!.post<{ reply: { visibility: string } }>(path, {
      body: 'Checking the mail gateway',
      visibility: 'internal',
    });
    expect(note.status).toBe(201);
    expect(emitted.map((e) => [e.name, (e.payload as { visibility: string }).visibility])).toEqual([
      ['ticket.reply_added', 'internal'],
      ['ticket.changed', 'internal'],
    ]);
    expect(
      (await as['employee@globex.test']!.get<TicketReply>(`/api/tickets/${t.id}`)).body.ticket
        .firstResponseAt,
    ).toBeNull();
    const answer = await as['partner@acme.test']!.post<{ reply: { author: { name: string; role: string } } }>(
      path,
      { body: 'Can you send a screenshot?' },
    );
    expect(answer.body.reply.author).toEqual({
      id: world.userId('partner@acme.test'),
      name: 'Pat Partner',
      role: 'partner',
    });
    const after = (
      await as['partner@acme.test']!.patch<TicketReply>(`/api/tickets/${t.id}`, { status: 'pending_client' })
    ).body.ticket;
    expect(after.firstResponseAt).not.toBeNull();

    const mine = await as['employee@globex.test']!.post<{ reply: { author: unknown } }>(path, {
      body: 'Attached.',
    });
    expect(mine.status).toBe(201);
    expect(mine.body.reply.author).toEqual({
      id: world.userId('employee@globex.test'),
      name: 'Eli Employee',
      role: 'client',
    });
    const back = (await as['employee@globex.test']!.get<TicketReply>(`/api/tickets/${t.id}`)).body.ticket;
    expect(back.status).toBe('open');
    const timeline = (await as['employee@globex.test']!.get<Events>(`/api/tickets/${t.id}/events`)).body
      .events;
    expect(timeline.at(-1)).toMatchObject({
      type: 'status_changed',
      data: { from: 'pending_client', to: 'open' },
    });

    expect(
      (await as['employee@globex.test']!.post(path, { body: 'note', visibility: 'internal' })).status,
    ).toBe(403);
    expect((await as['employee@globex.test']!.post(path, { body: '   ' })).status).toBe(400);
    expect((await as['employee@globex.test']!.post(path, { body: 'x'.repeat(10_001) })).status).toBe(400);
    await as['staff@demo.test']!.patch(`/api/tickets/${t.id}`, { status: 'closed' });
    const late = await as['employee@globex.test']!.post(path, { body: 'One more thing' });
    expect([late.status, late.body]).toMatchObject([409, { error: { code: 'ticket_closed' } }]);
    expect(
      (
        await as['staff@demo.test']!.post(path, {
          body: 'Closed: follow-up in a new ticket',
          visibility: 'internal',
        })
      ).status,
    ).toBe(201);
  });
});
