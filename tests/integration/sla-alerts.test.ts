/**
 * The SLA alert scan on a real portal (demo workspace + tickets filed over HTTP), with a fixed
 * `now`: alerts land in `sla_alerts` and on the event bus once per level, only for tickets whose
 * clocks run — never for paused, resolved or closed ones.
 */
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortalEvents } from '../../server/events.ts';
import { scanSlaAlerts } from '../../server/modules/sla/alerts.ts';
import { slaAlerts, tickets } from '../../storage/schema.ts';
import type { PortalClient } from '../support/http-client.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';
import { signedInAll } from '../support/world.ts';

let portal: TestPortal;
let as: Record<string, PortalClient>;
const heard: PortalEvents['sla.alert'][] = [];
const HOUR = 3_600_000;

beforeAll(async () => {
  portal = await startTestPortal();
  as = await signedInAll(portal.url, ['staff@demo.test', 'client@globex.test']);
  portal.ctx.events.on('sla.alert', (e) => heard.push(e));
});
afterAll(() => portal.close());

async function critical(subject: string): Promise<{ id: string; createdAt: number }> {
  const res = await as['client@globex.test']!.post<{ ticket: { id: string; createdAt: string } }>(
    '/api/tickets',
    {
      subject,
      category: 'technical_support',
      priority: 'critical',
    },
  );
  expect(res.status).toBe(201);
  return { id: res.body.ticket.id, createdAt: Date.parse(res.body.ticket.createdAt) };
}
const rowsOf = (id: string) => portal.ctx.db.select().from(slaAlerts).where(eq(slaAlerts.ticketId, id)).all();

describe('scanSlaAlerts on the real portal', () => {
  it('raises a critical ticket’s first-response warning, then its breach, each once', async () => {
    const t = await critical('Site down');
    // Critical runs 24×7: first response in 60 minutes, near breach with 12 minutes left.
    const warn = scanSlaAlerts(portal.ctx, new Date(t.createdAt + 50 * 60_000)).filter(
      (a) => a.ticketId === t.id,
    );
    expect(warn).toEqual([
      {
        ticketId: t.id,
        tenantId: expect.any(String),
        target: 'first_response',
        level: 'near_breach',
      },
    ]);
    expect(
      scanSlaAlerts(portal.ctx, new Date(t.createdAt + 51 * 60_000)).filter((a) => a.ticketId === t.id),
    ).toEqual([]);
    const breach = scanSlaAlerts(portal.ctx, new Date(t.createdAt + 61 * 60_000)).filter(
      (a) => a.ticketId === t.id,
    );
    expect(breach.map((a) => a.level)).toEqual(['breached']);
    expect(heard.filter((a) => a.ticketId === t.id)).toHaveLength(2);
    expect(rowsOf(t.id)).toHaveLength(2);
  });

  it('a ticket put on hold (pending_client) or resolved never alerts', async () => {
    const paused = await critical('Waiting on us?');
    const resolved = await critical('Fixed quickly');
    for (const [id, status] of [
      [paused.id, 'pending_client'],
      [resolved.id, 'resolved'],
    ] as const) {
      const res = await as['staff@demo.test']!.patch(`/api/tickets/${id}`, { status });
      expect(res.status).toBe(200);
    }
    const raised = scanSlaAlerts(portal.ctx, new Date(paused.createdAt + 100 * HOUR));
    expect(raised.filter((a) => a.ticketId === paused.id || a.ticketId === resolved.id)).toEqual([]);
    expect([...rowsOf(paused.id), ...rowsOf(resolved.id)]).toEqual([]);
  });

  it('across the whole demo workspace, only running tickets are ever alerted', async () => {
    const raised = scanSlaAlerts(portal.ctx, new Date(Date.now() + 1000 * HOUR));
    expect(raised.length).toBeGreaterThan(0);
    const alerted = [
      ...new Set(
        portal.ctx.db
          .select()
          .from(slaAlerts)
          .all()
          .map((r) => r.ticketId),
      ),
    ];
    const statuses = portal.ctx.db
      .select({ status: tickets.status })
      .from(tickets)
      .where(inArray(tickets.id, alerted))
      .all()
      .map((r) => r.status);
    // None of the demo's paused, resolved or closed tickets (nor the two above) was alerted.
    for (const s of statuses) expect(['new', 'open', 'in_progress']).toContain(s);
    // Once everything breached, a later scan has nothing left to say.
    expect(scanSlaAlerts(portal.ctx, new Date(Date.now() + 2000 * HOUR))).toEqual([]);
  });
});
