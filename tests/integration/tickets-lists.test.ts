/**
 * Ticket lists per role over the demo queue (storage/seed.ts): who sees which org's tickets,
 * every filter and sort, and a client employee's own-vs-organisation scope set by their admin.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TTicketView } from '../../server/modules/tickets/presenter.ts';
import type { PortalClient } from '../support/http-client.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';
import { demoWorld, signedInAll } from '../support/world.ts';

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
    'client@globex.test',
    'employee@globex.test',
    'client@initech.test',
    'partner@northwind.test',
  ]);
});
afterAll(() => portal.close());

async function keys(who: string, query = ''): Promise<string[]> {
  const res = await as[who]!.get<{ tickets: TTicketView[] }>(`/api/tickets${query}`);
  expect([who, query, res.status]).toEqual([who, query, 200]);
  return res.body.tickets.map((t) => t.key).sort();
}

const GLOBEX = ['ACME-1001', 'ACME-1002', 'ACME-1003', 'ACME-1004'];
const INITECH = ['KT-1001', 'KT-1002'];
const CONTOSO = ['NW-1001', 'NW-1002'];

describe('who sees which tickets', () => {
  it.each([
    ['admin@demo.test', [...GLOBEX, ...INITECH, ...CONTOSO]],
    ['staff@demo.test', [...GLOBEX, ...INITECH, ...CONTOSO]],
    ['partner@acme.test', GLOBEX],
    ['team@acme.test', GLOBEX],
    ['partner@northwind.test', CONTOSO],
    ['client@globex.test', GLOBEX],
    // Eli filed the VPN and SSO tickets; Grace's are not his to see by default.
    ['employee@globex.test', ['ACME-1001', 'ACME-1004']],
    ['client@initech.test', INITECH],
  ])('%s', async (who, expected) => {
    expect(await keys(who)).toEqual([...expected].sort());
  });
});

describe('filters', () => {
  it('status (comma list), priority, category, org', async () => {
    expect(await keys('staff@demo.test', '?status=open,in_progress')).toEqual([
      'ACME-1001',
      'ACME-1003',
      'KT-1001',
    ]);
    expect(await keys('staff@demo.test', '?status=new&priority=medium')).toEqual(['NW-1001']);
    expect(await keys('staff@demo.test', '?category=billing')).toEqual(['ACME-1002']);
    expect(await keys('staff@demo.test', `?orgId=${world.tenantId('initech')}`)).toEqual(INITECH);
    expect(await keys('partner@acme.test', `?orgId=${world.tenantId('initech')}`)).toEqual([]);
    expect(await keys('partner@acme.test', '?priority=critical,high')).toEqual(['ACME-1001', 'ACME-1003']);
  });

  it('assignee (me, none, id) and requester (me, id)', async () => {
    expect(await keys('staff@demo.test', '?assignee=me')).toEqual(['ACME-1001', 'KT-1001']);
    expect(await keys('team@acme.test', '?assignee=me')).toEqual(['ACME-1003']);
    expect(await keys('partner@acme.test', `?assignee=${world.userId('team@acme.test')}`)).toEqual([
      'ACME-1003',
    ]);
    expect(await keys('partner@acme.test', '?assignee=none')).toEqual(['ACME-1002', 'ACME-1004']);
    expect(await keys('client@globex.test', '?requester=me')).toEqual(['ACME-1002', 'ACME-1003']);
    expect(await keys('staff@demo.test', `?requester=${world.userId('client@contoso.test')}`)).toEqual(
      CONTOSO,
    );
  });

  it('q matches key, subject and description text, case-insensitively; LIKE wildcards are literal', async () => {
    expect(await keys('staff@demo.test', '?q=kt-1002')).toEqual(['KT-1002']);
    expect(await keys('staff@demo.test', '?q=safari')).toEqual(['ACME-1003']);
    expect(await keys('staff@demo.test', '?q=second%20floor')).toEqual(['ACME-1001']);
    expect(await keys('staff@demo.test', '?q=%25')).toEqual([]);
  });

  it('sorts by updated (default), created or priority', async () => {
    const order = async (query: string) =>
      (await as['staff@demo.test']!.get<{ tickets: TTicketView[] }>(`/api/tickets${query}`)).body.tickets;
    const byUpdated = await order('');
    const updated = byUpdated.map((t) => t.updatedAt);
    expect(updated).toEqual([...updated].sort().reverse());
    const created = (await order('?sort=created')).map((t) => t.createdAt);
    expect(created).toEqual([...created].sort().reverse());
    const rank = { critical: 0, high: 1, medium: 2, low: 3 };
    const priorities = (await order('?sort=priority')).map((t) => rank[t.priority]);
    expect(priorities).toEqual([...priorities].sort());
  });

  it('refuses unknown values with 400 and keeps the assignee filter from client roles', async () => {
    for (const query of [
      '?status=done',
      '?status=open,',
      '?priority=urgent',
      '?sort=key',
      '?assignee=bob',
      '?orgId=x',
      '?page=2',
    ]) {
      expect([query, (await as['staff@demo.test']!.get(`/api/tickets${query}`)).status]).toEqual([
        query,
        400,
      ]);
    }
    const res = await as['client@globex.test']!.get('/api/tickets?assignee=none');
    expect([res.status, res.body]).toMatchObject([400, { error: { code: 'invalid_filter' } }]);
  });
});

describe('a client employee’s ticket scope', () => {
  it('sees their own tickets until their client_admin shares the organisation’s, and back', async () => {
    const eli = world.userId('employee@globex.test');
    const rights: string[] = [];
    const stop = portal.ctx.events.on('user.rights_changed', (e) => rights.push(e.userId));
    const graceTicket = (
      await as['client@globex.test']!.get<{ tickets: TTicketView[] }>('/api/tickets?requester=me')
    ).body.tickets[0]!;
    expect((await as['employee@globex.test']!.get(`/api/tickets/${graceTicket.id}`)).status).toBe(404);

    const shared = await as['client@globex.test']!.patch<{ user: { ticketScope: string } }>(
      `/api/users/${eli}`,
      {
        ticketScope: 'organization',
      },
    );
    expect(shared.status).toBe(200);
    expect(shared.body.user.ticketScope).toBe('organization');
    expect(rights).toEqual([eli]);
    expect(await keys('employee@globex.test')).toEqual(GLOBEX);
    expect((await as['employee@globex.test']!.get(`/api/tickets/${graceTicket.id}`)).status).toBe(200);

    await as['client@globex.test']!.patch(`/api/users/${eli}`, { ticketScope: 'own' });
    expect(await keys('employee@globex.test')).toEqual(['ACME-1001', 'ACME-1004']);
    stop();
  });

  it('only for client employees, and only by whoever manages them', async () => {
    const eli = world.userId('employee@globex.test');
    const grace = world.userId('client@globex.test');
    expect(
      (await as['employee@globex.test']!.patch(`/api/users/${eli}`, { ticketScope: 'organization' })).status,
    ).toBe(403);
    expect(
      (await as['client@globex.test']!.patch(`/api/users/${grace}`, { ticketScope: 'own' })).status,
    ).toBe(403);
    expect(
      (await as['client@globex.test']!.patch(`/api/users/${eli}`, { ticketScope: 'everyone' })).status,
    ).toBe(400);
    expect(
      (await as['client@initech.test']!.patch(`/api/users/${eli}`, { ticketScope: 'organization' })).status,
    ).toBe(404);
    const byPartner = await as['partner@acme.test']!.patch<{ user: { ticketScope: string } }>(
      `/api/users/${eli}`,
      {
        ticketScope: 'organization',
      },
    );
    expect(byPartner.body.user.ticketScope).toBe('organization');
    const me = await as['client@globex.test']!.get<{ user: { ticketScope: string } }>(`/api/users/${grace}`);
    expect(me.body.user.ticketScope).toBe('organization');
    await as['partner@acme.test']!.patch(`/api/users/${eli}`, { ticketScope: 'own' });
  });
});
