/**
 * The SLA alert scan with a fixed `now` on a real (temp) database: each (ticket, target, level)
 * is raised once, a breach supersedes its warning, and paused, resolved and closed tickets — and
 * stopped clocks — never alert. Critical tickets run 24×7 under the default policy (first
 * response 60 min, resolution 240 min, near breach at 20% left), so the arithmetic is plain.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PortalEventBus, type PortalEvents } from '../../server/events.ts';
import { scanSlaAlerts } from '../../server/modules/sla/alerts.ts';
import { buildTenant, buildTicket, buildUser } from '../../storage/builders.ts';
import { slaAlerts, type TicketStatus } from '../../storage/schema.ts';
import { tempDatabase } from '../support/db.ts';

const T0 = new Date('2026-03-02T10:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

let temp: ReturnType<typeof tempDatabase>;
let orgId: string;
let requesterId: string;
let events: PortalEventBus;
let heard: PortalEvents['sla.alert'][];

beforeAll(async () => {
  temp = tempDatabase();
  const platform = buildTenant(temp.db, { kind: 'platform', name: 'P', slug: 'platform', keyPrefix: 'KT' });
  const org = buildTenant(temp.db, {
    kind: 'client',
    name: 'Org',
    slug: 'org',
    keyPrefix: 'ORG',
    parentId: platform.id,
  });
  orgId = org.id;
  requesterId = (
    await buildUser(temp.db, { email: 'c@org.test', name: 'C', role: 'client', tenantId: org.id })
  ).id;
});
afterAll(() => temp.close());

beforeEach(() => {
  events = new PortalEventBus();
  heard = [];
  events.on('sla.alert', (e) => heard.push(e));
});

const scan = (minutes: number) => scanSlaAlerts({ db: temp.db, events }, at(minutes));
const ticket = (status: TicketStatus = 'open', extra: { firstResponseAt?: Date } = {}) =>
  buildTicket(temp.db, {
    tenantId: orgId,
    requesterId,
    subject: `t-${status}`,
    priority: 'critical',
    status,
    createdAt: T0,
    ...extra,
  });
const only = (id: string) => (list: PortalEvents['sla.alert'][]) => list.filter((a) => a.ticketId === id);

describe('scanSlaAlerts', () => {
  it('raises each level of each target once, in order, and emits exactly what it raised', () => {
    const t = ticket('open');
    const mine = only(t.id);
    expect(mine(scan(30))).toEqual([]);
    expect(mine(scan(50))).toEqual([
      { ticketId: t.id, tenantId: orgId, target: 'first_response', level: 'near_breach' },
    ]);
    expect(mine(scan(55))).toEqual([]);
    expect(mine(scan(61))).toEqual([
      { ticketId: t.id, tenantId: orgId, target: 'first_response', level: 'breached' },
    ]);
    expect(mine(scan(195))).toEqual([
      { ticketId: t.id, tenantId: orgId, target: 'resolution', level: 'near_breach' },
    ]);
    expect(mine(scan(241))).toEqual([
      { ticketId: t.id, tenantId: orgId, target: 'resolution', level: 'breached' },
    ]);
    expect(mine(scan(500))).toEqual([]);
    expect(mine(heard)).toHaveLength(4);
  });

  it('a clock found already breached raises the breach only, and never warns afterwards', () => {
    const t = ticket('in_progress');
    const raised = only(t.id)(scan(1000));
    expect(raised.map((a) => `${a.target}:${a.level}`)).toEqual([
      'first_response:breached',
      'resolution:breached',
    ]);
    const rows = temp.db
      .select()
      .from(slaAlerts)
      .all()
      .filter((r) => r.ticketId === t.id);
    // The warnings are recorded as superseded, so nothing can raise them later.
    expect(rows).toHaveLength(4);
    expect(only(t.id)(scan(1001))).toEqual([]);
  });

  it('never alerts for paused, resolved or closed tickets', () => {
    const quiet = (['pending_client', 'resolved', 'closed'] as const).map((s) => ticket(s).id);
    const raised = scan(5000);
    expect(raised.filter((a) => quiet.includes(a.ticketId))).toEqual([]);
    expect(heard.filter((a) => quiet.includes(a.ticketId))).toEqual([]);
    const rows = temp.db.select().from(slaAlerts).all();
    expect(rows.filter((r) => quiet.includes(r.ticketId))).toEqual([]);
  });

  it('a stopped first-response clock does not alert; the running resolution clock still does', () => {
    const t = ticket('open', { firstResponseAt: at(10) });
    const raised = only(t.id)(scan(250));
    expect(raised.map((a) => `${a.target}:${a.level}`)).toEqual(['resolution:breached']);
  });

  it('a repeated scan at the same instant raises nothing new', () => {
    const t = ticket('new');
    const first = only(t.id)(scan(52));
    const second = only(t.id)(scan(52));
    expect(first).toHaveLength(1);
    expect(second).toEqual([]);
  });
});
