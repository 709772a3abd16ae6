/**
 * Auto-routing on creation through the real server: a client's ticket gets the rule's priority,
 * team and assignee inside the creating transaction; the `routed` entry is internal; each desk's
 * clients are routed by that desk's rules only; round-robin rotates among available people and
 * skips unavailable ones; a stale assignee is skipped, never an error for the client.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortalEvents } from '../../server/events.ts';
import type { TRoutingRuleView } from '../../server/modules/routing/presenter.ts';
import type { TTicketView } from '../../server/modules/tickets/presenter.ts';
import { buildUser } from '../../storage/builders.ts';
import { memberships, users } from '../../storage/schema.ts';
import { PortalClient, signedIn } from '../support/http-client.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';
import { demoWorld, signedInAll } from '../support/world.ts';

let portal: TestPortal;
const world = demoWorld(() => portal.ctx.db);
let as: Record<string, PortalClient>;
const assigned: PortalEvents['ticket.assigned'][] = [];

type TicketReply = { ticket: TTicketView };
type RuleReply = { rule: TRoutingRuleView };
type Events = {
  events: { type: string; visibility: string; actor: unknown; data: Record<string, unknown> }[];
};

beforeAll(async () => {
  portal = await startTestPortal();
  portal.ctx.events.on('ticket.assigned', (payload) => assigned.push(payload));
  as = await signedInAll(portal.url, [
    'admin@demo.test',
    'staff@demo.test',
    'partner@acme.test',
    'team@acme.test',
    'client@globex.test',
    'client@initech.test',
    'partner@northwind.test',
    'client@contoso.test',
  ]);
});
afterAll(() => portal.close());

const file = (who: string, body: Record<string, unknown>) =>
  as[who]!.post<TicketReply>('/api/tickets', { category: 'general_inquiry', priority: 'low', ...body });
const addRule = async (who: string, body: Record<string, unknown>) => {
  const res = await as[who]!.post<RuleReply>('/api/routing/rules', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.rule;
};
const view = async (who: string, id: string) =>
  (await as[who]!.get<TicketReply>(`/api/tickets/${id}`)).body.ticket;
const timeline = async (who: string, id: string) =>
  (await as[who]!.get<Events>(`/api/tickets/${id}/events`)).body.events;

describe('a client’s ticket is routed on creation', () => {
  let ticketId: string;

  it('the agency’s matching rule sets priority, team and assignee; the client sees only that someone works it', async () => {
    const rule = await addRule('partner@acme.test', {
      name: 'Invoices to billing',
      conditions: { categories: ['billing'], keywords: ['invoice'] },
      actions: { priority: 'high', team: 'finance-team', assigneeId: world.userId('team@acme.test') },
    });
    assigned.length = 0;
    const res = await file('client@globex.test', {
      subject: 'Our Invoice is wrong',
      category: 'billing',
      priority: 'low',
      description: 'Twice the VAT.',
    });
    expect(res.status).toBe(201);
    ticketId = res.body.ticket.id;
    expect(res.body.ticket).toMatchObject({ priority: 'high', assignee: null, assigned: true, team: null });

    const staffView = await view('partner@acme.test', ticketId);
    expect(staffView).toMatchObject({
      priority: 'high',
      team: 'finance-team',
      assignee: { id: world.userId('team@acme.test'), name: 'Tara Team' },
    });
    expect(assigned).toEqual([
      {
        ticketId,
        tenantId: world.tenantId('globex'),
        actorId: null,
        assigneeId: world.userId('team@acme.test'),
      },
    ]);

    const internal = (await timeline('partner@acme.test', ticketId)).find((e) => e.type === 'routed');
    expect(internal).toMatchObject({
      visibility: 'internal',
      actor: null,
      data: {
        rule: { id: rule.id, name: 'Invoices to billing' },
        priority: { from: 'low', to: 'high' },
        team: 'finance-team',
        assignee: { id: world.userId('team@acme.test'), name: 'Tara Team' },
      },
    });
  });

  it('the routed entry never reaches the client, nor the rule’s name anywhere in their responses', async () => {
    const events = await as['client@globex.test']!.get(`/api/tickets/${ticketId}/events`);
    expect(events.status).toBe(200);
    expect((events.body as Events).events.map((e) => e.type)).toEqual(['created']);
    const detail = await as['client@globex.test']!.get(`/api/tickets/${ticketId}`);
    for (const body of [events.body, detail.body]) {
      const text = JSON.stringify(body);
      expect(text).not.toContain('Invoices to billing');
      expect(text).not.toContain('Tara Team');
      expect(text).not.toContain('finance-team');
    }
  });

  it('a ticket no rule matches is filed as sent, without a routed entry or assignment', async () => {
    assigned.length = 0;
    const res = await file('client@globex.test', { subject: 'Invoicing question', category: 'billing' });
    expect(res.body.ticket).toMatchObject({ priority: 'low', assigned: false });
    expect((await timeline('partner@acme.test', res.body.ticket.id)).map((e) => e.type)).toEqual(['created']);
    expect(assigned).toEqual([]);
  });

  it('a partner’s clients are routed by the partner’s rules only; direct clients by the platform’s', async () => {
    await addRule('admin@demo.test', {
      name: 'Platform bugs',
      conditions: { categories: ['bug_report'] },
      actions: { team: 'platform-bugs', priority: 'critical' },
    });
    await addRule('partner@northwind.test', {
      name: 'Northwind bugs',
      conditions: { categories: ['bug_report'] },
      actions: { team: 'nw-bugs' },
    });
    const globex = await file('client@globex.test', { subject: 'Crash', category: 'bug_report' });
    const initech = await file('client@initech.test', { subject: 'Crash', category: 'bug_report' });
    const contoso = await file('client@contoso.test', { subject: 'Crash', category: 'bug_report' });
    expect(await view('staff@demo.test', globex.body.ticket.id)).toMatchObject({
      team: null,
      priority: 'low',
    });
    expect(await view('staff@demo.test', initech.body.ticket.id)).toMatchObject({
      team: 'platform-bugs',
      priority: 'critical',
    });
    expect(await view('staff@demo.test', contoso.body.ticket.id)).toMatchObject({
      team: 'nw-bugs',
      priority: 'low',
    });
  });

  it('disabled rules are skipped, and the desk’s order decides which rule wins', async () => {
    const first = await addRule('partner@acme.test', {
      name: 'Outage A',
      conditions: { keywords: ['outage'] },
      actions: { team: 'A' },
    });
    const second = await addRule('partner@acme.test', {
      name: 'Outage B',
      conditions: { keywords: ['outage'] },
      actions: { team: 'B' },
    });
    const teamOf = async () => {
      const res = await file('client@globex.test', { subject: 'Total outage today' });
      return (await view('partner@acme.test', res.body.ticket.id)).team;
    };
    expect(await teamOf()).toBe('A');

    const rules = (await as['partner@acme.test']!.get<{ rules: TRoutingRuleView[] }>('/api/routing/rules'))
      .body.rules;
    const ids = rules.map((r) => r.id).filter((id) => id !== second.id);
    const reordered = await as['partner@acme.test']!.put<{ rules: TRoutingRuleView[] }>(
      '/api/routing/rules/order',
      {
        ids: [second.id, ...ids],
      },
    );
    expect(reordered.status).toBe(200);
    expect(reordered.body.rules[0]?.id).toBe(second.id);
    expect(await teamOf()).toBe('B');

    const off = await as['partner@acme.test']!.put<RuleReply>(`/api/routing/rules/${second.id}`, {
      enabled: false,
    });
    expect(off.body.rule).toMatchObject({ enabled: false, name: 'Outage B' });
    expect(await teamOf()).toBe('A');
    expect(first.enabled).toBe(true);
  });

  it('an assignee who left the desk is skipped: the client’s ticket is filed, unassigned', async () => {
    const temp = await buildUser(
      portal.ctx.db,
      {
        email: 'temp@acme.test',
        name: 'Temp Agent',
        role: 'partner_staff',
        tenantId: world.tenantId('acme'),
      },
      { fastHash: true },
    );
    await addRule('partner@acme.test', {
      name: 'Temp gets DNS',
      conditions: { keywords: ['dns'] },
      actions: { assigneeId: temp.id, team: 'dns' },
    });
    portal.ctx.db.update(users).set({ status: 'deactivated' }).where(eq(users.id, temp.id)).run();
    assigned.length = 0;
    const res = await file('client@globex.test', { subject: 'DNS not resolving' });
    expect(res.status).toBe(201);
    expect(res.body.ticket.assigned).toBe(false);
    const ticket = await view('partner@acme.test', res.body.ticket.id);
    expect(ticket).toMatchObject({ assignee: null, team: 'dns' });
    const routed = (await timeline('partner@acme.test', ticket.id)).find((e) => e.type === 'routed');
    expect(routed?.data).toMatchObject({ assigneeSkipped: true, team: 'dns' });
    expect(assigned).toEqual([]);
    // The rule view flags the assignee the desk lost.
    const rules = (await as['partner@acme.test']!.get<{ rules: TRoutingRuleView[] }>('/api/routing/rules'))
      .body.rules;
    expect(rules.find((r) => r.name === 'Temp gets DNS')).toMatchObject({
      assignee: null,
      assigneeMissing: true,
    });
  });
});

describe('round-robin', () => {
  let extra: string[];

  beforeAll(async () => {
    extra = [];
    for (const n of [2, 3]) {
      const u = await buildUser(
        portal.ctx.db,
        {
          email: `staff${n}@demo.test`,
          name: `Staff ${n}`,
          role: 'staff',
          tenantId: world.tenantId('platform'),
          password: 'demo-portal-2026',
        },
        { fastHash: true },
      );
      extra.push(u.id);
    }
    as['staff2@demo.test'] = await signedIn(portal.url, 'staff2@demo.test');
    await addRule('admin@demo.test', {
      name: 'Rotate',
      conditions: { keywords: ['rotate'] },
      actions: { assignTo: 'round_robin' },
    });
  });

  const assigneeOfNext = async () => {
    const res = await file('client@initech.test', { subject: 'Please rotate me' });
    expect(res.status).toBe(201);
    return (await view('admin@demo.test', res.body.ticket.id)).assignee?.id ?? null;
  };

  it('rotates among the available staff by id, never the super_admin while staff exist', async () => {
    const pool = [world.userId('staff@demo.test'), ...extra].sort();
    const picks = [];
    for (let i = 0; i < 6; i++) picks.push(await assigneeOfNext());
    // Wherever the cursor started, the picks follow the id order round and round.
    const start = pool.indexOf(picks[0] ?? '');
    expect(start).toBeGreaterThanOrEqual(0);
    expect(picks).toEqual([0, 1, 2, 3, 4, 5].map((i) => pool[(start + i) % pool.length]));
    expect(picks).not.toContain(world.userId('admin@demo.test'));
  });

  it('skips people who set themselves unavailable, and picks them again once they are back', async () => {
    const off = await as['staff2@demo.test']!.put('/api/me/availability', { available: false });
    expect(off.body).toEqual({ available: false });
    expect((await as['staff2@demo.test']!.get('/api/me/availability')).body).toEqual({ available: false });
    const picks = new Set<string | null>();
    for (let i = 0; i < 4; i++) picks.add(await assigneeOfNext());
    expect(picks).toEqual(new Set([world.userId('staff@demo.test'), extra[1]]));

    await as['staff2@demo.test']!.put('/api/me/availability', { available: true });
    const back = new Set<string | null>();
    for (let i = 0; i < 3; i++) back.add(await assigneeOfNext());
    expect(back).toEqual(new Set([world.userId('staff@demo.test'), ...extra]));
  });

  it('nobody available: the ticket is left unassigned and the entry says why', async () => {
    await as['staff@demo.test']!.put('/api/me/availability', { available: false });
    await as['staff2@demo.test']!.put('/api/me/availability', { available: false });
    const db = portal.ctx.db;
    // staff3 never signs in here: mark them away the way their own toggle would.
    db.update(memberships)
      .set({ available: false })
      .where(eq(memberships.userId, extra[1] ?? ''))
      .run();
    const res = await file('client@initech.test', { subject: 'rotate, anyone?' });
    expect(res.status).toBe(201);
    expect(res.body.ticket.assigned).toBe(false);
    const routed = (await timeline('staff@demo.test', res.body.ticket.id)).find((e) => e.type === 'routed');
    expect(routed?.data).toMatchObject({ rule: { name: 'Rotate' }, nobodyAvailable: true });
  });

  it('a platform without active staff rotates among its super_admins', async () => {
    const db = portal.ctx.db;
    for (const id of [world.userId('staff@demo.test'), ...extra]) {
      db.update(users).set({ status: 'deactivated' }).where(eq(users.id, id)).run();
    }
    expect(await assigneeOfNext()).toBe(world.userId('admin@demo.test'));
  });
});

describe('availability', () => {
  it('is for desk people only: clients 403, anonymous 401, bad input 400', async () => {
    expect((await as['client@globex.test']!.put('/api/me/availability', { available: false })).status).toBe(
      403,
    );
    expect((await as['client@globex.test']!.get('/api/me/availability')).status).toBe(403);
    const anonymous = new PortalClient(portal.url);
    expect((await anonymous.put('/api/me/availability', { available: false })).status).toBe(401);
    const bad = await as['team@acme.test']!.put('/api/me/availability', { available: 'no' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { code: 'validation_failed' } });
    const extraField = await as['team@acme.test']!.put('/api/me/availability', { available: true, who: 'x' });
    expect(extraField.status).toBe(400);
    expect((await as['team@acme.test']!.put('/api/me/availability', { available: false })).body).toEqual({
      available: false,
    });
  });
});
