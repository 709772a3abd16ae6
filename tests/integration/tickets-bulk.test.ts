/**
 * `POST /api/tickets/bulk` through the real server: each ticket is changed by the same command as
 * a single PATCH (policy, timeline, events), and each answers for itself — an invisible id is
 * `not_found` with no detail, a refused one says why, and neither stops the rest.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortalEvents } from '../../server/events.ts';
import type { BulkResult } from '../../server/modules/tickets/bulk.ts';
import { tickets } from '../../storage/schema.ts';
import { PortalClient } from '../support/http-client.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';
import { demoWorld, signedInAll } from '../support/world.ts';

let portal: TestPortal;
const world = demoWorld(() => portal.ctx.db);
let as: Record<string, PortalClient>;
const emitted: { name: keyof PortalEvents; payload: unknown }[] = [];

type Bulk = { results: BulkResult[]; error?: { code: string; message: string } };
type Events = { events: { type: string; visibility: string; data: Record<string, unknown> }[] };

beforeAll(async () => {
  portal = await startTestPortal();
  for (const name of ['ticket.changed', 'ticket.status_changed', 'ticket.assigned'] as const) {
    portal.ctx.events.on(name, (payload) => emitted.push({ name, payload }));
  }
  as = await signedInAll(portal.url, [
    'staff@demo.test',
    'partner@acme.test',
    'client@globex.test',
    'partner@northwind.test',
  ]);
});
afterAll(() => portal.close());

function row(key: string) {
  const found = portal.ctx.db.select().from(tickets).where(eq(tickets.key, key)).get();
  if (!found) throw new Error(`No ticket ${key}`);
  return found;
}
const bulk = (who: string, body: unknown) => as[who]!.post<Bulk>('/api/tickets/bulk', body);

describe('bulk changes', () => {
  it('changes every ticket the caller works; an other-tenant id is not_found; the timeline records each', async () => {
    const globex = [row('ACME-1003'), row('ACME-1004')];
    const initech = row('KT-1001');
    emitted.length = 0;
    const res = await bulk('partner@acme.test', {
      ids: [globex[0]!.id, initech.id, globex[1]!.id],
      changes: { status: 'in_progress', priority: 'high' },
    });
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual([
      { id: globex[0]!.id, ok: true },
      // Another tenant's ticket: exactly what a missing one answers, nothing more.
      { id: initech.id, ok: false, error: 'not_found' },
      { id: globex[1]!.id, ok: true },
    ]);
    for (const t of globex) {
      expect(row(t.key)).toMatchObject({ status: 'in_progress', priority: 'high' });
      const events = await as['partner@acme.test']!.get<Events>(`/api/tickets/${t.id}/events`);
      const types = events.body.events.map((e) => e.type);
      expect(types).toEqual(expect.arrayContaining(['status_changed', 'priority_changed']));
      expect(events.body.events.find((e) => e.type === 'status_changed')?.data).toEqual({
        from: t.status,
        to: 'in_progress',
      });
    }
    expect(row('KT-1001')).toEqual(initech);
    // The same announcements as one PATCH per ticket.
    expect(
      emitted
        .filter((e) => e.name === 'ticket.changed')
        .map((e) => (e.payload as { ticketId: string }).ticketId),
    ).toEqual(globex.map((t) => t.id));
    expect(emitted.filter((e) => e.name === 'ticket.status_changed')).toHaveLength(2);
  });

  it('assigns and unassigns, with the internal assignment entries', async () => {
    const t = row('ACME-1002');
    const staffId = world.userId('staff@demo.test');
    const assigned = await bulk('staff@demo.test', { ids: [t.id], changes: { assigneeId: staffId } });
    expect(assigned.body.results).toEqual([{ id: t.id, ok: true }]);
    expect(row('ACME-1002').assigneeId).toBe(staffId);
    const cleared = await bulk('staff@demo.test', { ids: [t.id], changes: { assigneeId: null } });
    expect(cleared.body.results).toEqual([{ id: t.id, ok: true }]);
    expect(row('ACME-1002').assigneeId).toBeNull();
    const events = await as['staff@demo.test']!.get<Events>(`/api/tickets/${t.id}/events`);
    expect(
      events.body.events.filter((e) => e.type === 'assignee_changed' && e.visibility === 'internal'),
    ).toHaveLength(2);
  });

  it('an assignee who cannot work a ticket is refused for that ticket only, with the reason', async () => {
    const globex = row('ACME-1001');
    const initech = row('KT-1002');
    // Acme's team may work Globex tickets but not Initech's (a direct client of the platform).
    const acmeTeam = world.userId('team@acme.test');
    const res = await bulk('staff@demo.test', {
      ids: [globex.id, initech.id],
      changes: { assigneeId: acmeTeam },
    });
    expect(res.body.results).toEqual([
      { id: globex.id, ok: true },
      { id: initech.id, ok: false, error: 'invalid_assignee', message: expect.any(String) },
    ]);
    expect(row('KT-1002').assigneeId).toBe(initech.assigneeId);
  });

  it('a client sees their tickets but may change none: forbidden each, nothing written', async () => {
    const own = row('ACME-1001');
    const other = row('NW-1001');
    const res = await bulk('client@globex.test', { ids: [own.id, other.id], changes: { status: 'closed' } });
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual([
      { id: own.id, ok: false, error: 'forbidden', message: expect.any(String) },
      { id: other.id, ok: false, error: 'not_found' },
    ]);
    expect(row('ACME-1001')).toEqual(own);
  });

  it('another agency learns nothing of Acme’s tickets', async () => {
    const t = row('ACME-1004');
    const res = await bulk('partner@northwind.test', { ids: [t.id], changes: { priority: 'low' } });
    expect(res.body.results).toEqual([{ id: t.id, ok: false, error: 'not_found' }]);
    expect(row('ACME-1004')).toEqual(t);
  });

  it('answers once per ticket when an id is repeated', async () => {
    const t = row('ACME-1003');
    const res = await bulk('partner@acme.test', { ids: [t.id, t.id], changes: { priority: 'critical' } });
    expect(res.body.results).toEqual([{ id: t.id, ok: true }]);
  });

  it('validates the request: 400 with a JSON error for every bad shape', async () => {
    const id = row('ACME-1003').id;
    const many = Array.from({ length: 101 }, () => id);
    for (const body of [
      {},
      { ids: [], changes: { status: 'open' } },
      { ids: many, changes: { status: 'open' } },
      { ids: [id], changes: {} },
      { ids: [id] },
      { ids: [id], changes: { status: 'done' } },
      { ids: [id], changes: { category: 'billing' } },
      { ids: ['not an id'], changes: { status: 'open' } },
      { ids: [id], changes: { status: 'open' }, extra: true },
    ]) {
      const res = await bulk('partner@acme.test', body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.body.error?.code).toBe('validation_failed');
    }
  });

  it('an anonymous caller gets 401', async () => {
    const res = await new PortalClient(portal.url).post('/api/tickets/bulk', {
      ids: [row('ACME-1003').id],
      changes: { status: 'open' },
    });
    expect(res.status).toBe(401);
  });
});
