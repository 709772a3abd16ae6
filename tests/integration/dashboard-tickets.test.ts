/**
 * The dashboard's ticket widgets per role (GET /api/dashboard/tickets): the right widgets for each
 * role, counts through the ticket scope (an agency never counts another agency's tickets), no
 * internal entry ever in a client's "Recent updates", and 401 without a session.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberships, tickets } from '../../storage/schema.ts';
import { PortalClient } from '../support/http-client.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';
import { demoWorld, signedInAll } from '../support/world.ts';

interface Item {
  id: string;
  key: string;
  subject: string;
  status: string;
  priority: string;
  org: { id: string; name: string };
}
interface ListWidget {
  total: number;
  items: Item[];
}
interface TicketDashboard {
  widgets: string[];
  openTickets?: { total: number; items: (Item & { queue: { position: number | null; total: number } })[] };
  recentUpdates?: {
    items: {
      ticket: { id: string; key: string; subject: string };
      event: { type: string; visibility: string; actor: { id: string | null; name: string } | null };
    }[];
  };
  myTickets?: ListWidget;
  unassigned?: ListWidget;
  nearBreach?: {
    total: number;
    breached: number;
    items: (Item & { sla: { state: string; remainingMinutes: number } })[];
  };
  byOrg?: { orgs: { id: string; name: string; open: number }[] };
  volume?: { days: { date: string; count: number }[] };
  slaCompliance?: { resolved: number; met: number; percent: number | null };
}

const OPEN = 'new,open,in_progress,pending_client';
let portal: TestPortal;
const world = demoWorld(() => portal.ctx.db);
let as: Record<string, PortalClient>;

beforeAll(async () => {
  portal = await startTestPortal();
  as = await signedInAll(portal.url, [
    'admin@demo.test',
    'staff@demo.test',
    'partner@acme.test',
    'team@acme.test',
    'partner@northwind.test',
    'client@globex.test',
    'employee@globex.test',
    'client@contoso.test',
  ]);
});
afterAll(() => portal.close());

async function dashboardOf(email: string): Promise<TicketDashboard> {
  const res = await as[email]!.get<TicketDashboard>('/api/dashboard/tickets');
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

async function openIds(email: string, query = ''): Promise<string[]> {
  const res = await as[email]!.get<{ tickets: { id: string }[] }>(`/api/tickets?status=${OPEN}${query}`);
  expect(res.status).toBe(200);
  return res.body.tickets.map((t) => t.id);
}

async function file(email: string, subject: string, priority = 'medium'): Promise<string> {
  const client = as[email]!;
  const body: Record<string, string> = { subject, category: 'technical_support', priority };
  if (!email.includes('globex') && !email.includes('contoso')) {
    body.orgId = world.tenantId(email.includes('northwind') ? 'contoso' : 'globex');
  }
  const res = await client.post<{ ticket: { id: string } }>('/api/tickets', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.ticket.id;
}

const setTicket = (id: string, values: Partial<typeof tickets.$inferInsert>) =>
  portal.ctx.db.update(tickets).set(values).where(eq(tickets.id, id)).run();

describe('client roles', () => {
  it('a client_admin gets open tickets with queue positions and recent updates, nothing else', async () => {
    const d = await dashboardOf('client@globex.test');
    expect(d.widgets).toEqual(['open_tickets', 'recent_updates']);
    expect(Object.keys(d).sort()).toEqual(['openTickets', 'recentUpdates', 'widgets']);
    const ids = await openIds('client@globex.test');
    expect(d.openTickets!.total).toBe(ids.length);
    expect(d.openTickets!.items.map((t) => t.id).sort()).toEqual([...ids].sort());
    expect(d.openTickets!.items.every((t) => t.org.name === 'Globex')).toBe(true);
    for (const item of d.openTickets!.items) {
      const queue = await as['client@globex.test']!.get<{ position: number | null; total: number }>(
        `/api/tickets/${item.id}/queue`,
      );
      expect(item.queue).toMatchObject({ position: queue.body.position, total: queue.body.total });
    }
    // Nothing of the desk reaches a client: no assignee on the items.
    expect(JSON.stringify(d.openTickets)).not.toContain('assignee');
  });

  it('a client with their own tickets only counts their own', async () => {
    const d = await dashboardOf('employee@globex.test');
    const ids = await openIds('employee@globex.test');
    expect(d.openTickets!.total).toBe(ids.length);
    expect(d.openTickets!.items.map((t) => t.id).sort()).toEqual([...ids].sort());
    expect(ids.length).toBeLessThan((await openIds('client@globex.test')).length);
  });

  it('recent updates never carry an internal entry, and show agents as the servicing organisation', async () => {
    const ticket = await file('client@globex.test', 'Recent updates check');
    const staff = as['staff@demo.test']!;
    const note = await staff.post(`/api/tickets/${ticket}/replies`, {
      body: 'INTERNAL-CANARY-7731',
      visibility: 'internal',
    });
    expect(note.status).toBe(201);
    const assign = await staff.patch(`/api/tickets/${ticket}`, {
      assigneeId: world.userId('staff@demo.test'),
    });
    expect(assign.status).toBe(200);
    expect((await staff.post(`/api/tickets/${ticket}/replies`, { body: 'We are on it.' })).status).toBe(201);

    const d = await dashboardOf('client@globex.test');
    const items = d.recentUpdates!.items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.event.visibility === 'client')).toBe(true);
    expect(items.some((i) => i.event.type === 'assignee_changed')).toBe(false);
    const reply = items.find((i) => i.ticket.id === ticket && i.event.type === 'reply_added');
    expect(reply?.event.actor).toEqual({ id: null, name: 'Acme Agency' });
    const text = JSON.stringify(d);
    expect(text).not.toContain('INTERNAL-CANARY-7731');
    expect(text).not.toContain('Sam Staff');
    expect(text).not.toContain(world.userId('staff@demo.test'));
    // Newest first.
    expect(items[0]?.ticket.id).toBe(ticket);
  });

  it('another org’s client never sees Globex’s tickets or updates', async () => {
    const d = await dashboardOf('client@contoso.test');
    expect(d.openTickets!.items.every((t) => t.org.name === 'Contoso')).toBe(true);
    const globexIds = new Set(await openIds('client@globex.test'));
    expect(d.recentUpdates!.items.some((i) => globexIds.has(i.ticket.id))).toBe(false);
  });

  it('a client without the tickets section gets no widgets', async () => {
    const id = world.userId('employee@globex.test');
    const db = portal.ctx.db;
    const before = db.select().from(memberships).where(eq(memberships.userId, id)).get();
    db.update(memberships)
      .set({ sections: ['kb'] })
      .where(eq(memberships.userId, id))
      .run();
    try {
      expect(await dashboardOf('employee@globex.test')).toEqual({ widgets: [] });
    } finally {
      db.update(memberships).set({ sections: before!.sections }).where(eq(memberships.userId, id)).run();
    }
  });
});

describe('partners', () => {
  it('count per client org of their own agency only: Acme never counts Contoso', async () => {
    const acme = await dashboardOf('partner@acme.test');
    expect(acme.widgets).toEqual(['by_org', 'my_tickets', 'unassigned']);
    expect(acme.byOrg!.orgs.map((o) => o.name)).toEqual(['Globex']);
    expect(acme.byOrg!.orgs[0]!.open).toBe((await openIds('partner@acme.test')).length);

    const northwindBefore = await dashboardOf('partner@northwind.test');
    expect(northwindBefore.byOrg!.orgs.map((o) => o.name)).toEqual(['Contoso']);
    await file('partner@northwind.test', 'Contoso unassigned');
    const northwind = await dashboardOf('partner@northwind.test');
    expect(northwind.unassigned!.total).toBe(northwindBefore.unassigned!.total + 1);
    expect(northwind.byOrg!.orgs[0]!.open).toBe(northwindBefore.byOrg!.orgs[0]!.open + 1);

    const acmeAfter = await dashboardOf('partner@acme.test');
    expect(acmeAfter.unassigned!.total).toBe(acme.unassigned!.total);
    expect(acmeAfter.byOrg).toEqual(acme.byOrg);
    expect(JSON.stringify(acmeAfter)).not.toContain('Contoso');
  });

  it('my tickets and unassigned match the filtered ticket lists', async () => {
    for (const email of ['team@acme.test', 'partner@acme.test']) {
      const d = await dashboardOf(email);
      expect(d.myTickets!.total).toBe((await openIds(email, '&assignee=me')).length);
      expect(d.unassigned!.total).toBe((await openIds(email, '&assignee=none')).length);
      expect(d.myTickets!.items.length).toBeLessThanOrEqual(5);
    }
  });
});

describe('provider staff and super_admin', () => {
  it('staff get my tickets, unassigned and near breach (most urgent first), no provider figures', async () => {
    const near = await file('staff@demo.test', 'Near breach', 'critical');
    const late = await file('staff@demo.test', 'Breached', 'critical');
    // Critical: 60 minutes to first response, round the clock; 20 % left = near breach.
    setTicket(near, { createdAt: new Date(Date.now() - 55 * 60_000) });
    setTicket(late, { createdAt: new Date(Date.now() - 3 * 60 * 60_000) });
    const d = await dashboardOf('staff@demo.test');
    expect(d.widgets).toEqual(['my_tickets', 'unassigned', 'near_breach']);
    expect(d.volume).toBeUndefined();
    expect(d.slaCompliance).toBeUndefined();
    const ids = d.nearBreach!.items.map((t) => t.id);
    expect(ids).toContain(near);
    expect(ids).toContain(late);
    expect(ids.indexOf(late)).toBeLessThan(ids.indexOf(near));
    expect(d.nearBreach!.items.find((t) => t.id === near)!.sla.state).toBe('near_breach');
    expect(d.nearBreach!.breached).toBeGreaterThanOrEqual(1);
    const remaining = d.nearBreach!.items.map((t) => t.sla.remainingMinutes);
    expect(remaining).toEqual([...remaining].sort((a, b) => a - b));
    expect(d.myTickets!.total).toBe((await openIds('staff@demo.test', '&assignee=me')).length);
    expect(d.unassigned!.total).toBe((await openIds('staff@demo.test', '&assignee=none')).length);
  });

  it('partners never see a near-breach list, and theirs would be scoped anyway', async () => {
    const d = await dashboardOf('partner@acme.test');
    expect(d.nearBreach).toBeUndefined();
  });

  it('a super_admin also gets volume (14 days) and SLA compliance over 30 days', async () => {
    const before = await dashboardOf('admin@demo.test');
    expect(before.widgets).toEqual(['my_tickets', 'unassigned', 'near_breach', 'volume', 'sla_compliance']);
    expect(before.volume!.days).toHaveLength(14);
    const today = before.volume!.days.at(-1)!;
    await file('admin@demo.test', 'Volume today');
    const after = await dashboardOf('admin@demo.test');
    expect(after.volume!.days.at(-1)).toEqual({ date: today.date, count: today.count + 1 });

    const quick = await file('admin@demo.test', 'Resolved in time');
    const slow = await file('admin@demo.test', 'Resolved late');
    setTicket(quick, {
      createdAt: new Date(Date.now() - 60 * 60_000),
      resolvedAt: new Date(),
      status: 'resolved',
    });
    setTicket(slow, {
      createdAt: new Date(Date.now() - 25 * 24 * 60 * 60_000),
      resolvedAt: new Date(),
      status: 'resolved',
    });
    const c = (await dashboardOf('admin@demo.test')).slaCompliance!;
    expect(c.resolved).toBe((before.slaCompliance?.resolved ?? 0) + 2);
    expect(c.met).toBe((before.slaCompliance?.met ?? 0) + 1);
    expect(c.percent).toBe(Math.round((c.met / c.resolved) * 1000) / 10);
  });
});

it('anonymous callers get 401', async () => {
  const res = await new PortalClient(portal.url).get('/api/dashboard/tickets');
  expect(res.status).toBe(401);
  expect(res.body).toMatchObject({ error: { code: 'unauthenticated' } });
});
