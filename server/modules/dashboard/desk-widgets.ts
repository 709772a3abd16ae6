/**
 * The desk's widgets (provider staff, an agency's team): tickets assigned to me, unassigned
 * tickets, tickets near or past their SLA, and an agency's open tickets per client org. All of it
 * through the ticket scope, so an agency never counts another agency's tickets.
 */
import { and, asc, count, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../storage/db.ts';
import { tenants, tickets } from '../../../storage/schema.ts';
import { type Actor, tenantScope, ticketScopeWhere } from '../../policy/index.ts';
import { currentPause, type SlaClock, slaFor } from '../sla/state.ts';
import { activeSlaPolicy } from '../sla/store.ts';
import { selectTickets, type TicketRow } from '../tickets/access.ts';
import { countOpenTickets, OPEN_STATUSES, ticketSummary, WIDGET_ITEMS } from './ticket-summary.ts';

/** Most open tickets the SLA widget examines (the clocks are computed per row, in JS). */
export const SLA_SCAN_LIMIT = 2000;

const PRIORITY_RANK = sql`CASE ${tickets.priority}
  WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END`;

/** Open tickets in scope matching `where`: the most pressing few (priority, then oldest) and the count. */
function openList(db: Db, actor: Actor, where: SQL) {
  const rows = selectTickets(db)
    .where(and(ticketScopeWhere(actor), inArray(tickets.status, [...OPEN_STATUSES]), where))
    .orderBy(asc(PRIORITY_RANK), asc(tickets.createdAt), asc(tickets.id))
    .limit(WIDGET_ITEMS)
    .all();
  return { total: countOpenTickets(db, actor, where), items: rows.map(ticketSummary) };
}

/** Open tickets assigned to the actor. */
export function myTicketsWidget(db: Db, actor: Actor) {
  return openList(db, actor, eq(tickets.assigneeId, actor.userId));
}

/** Open tickets nobody is assigned to. */
export function unassignedWidget(db: Db, actor: Actor) {
  return openList(db, actor, isNull(tickets.assigneeId));
}

/** The running clock closest to (or furthest past) its due time. */
function urgentClock(clocks: SlaClock[]): { which: 'first_response' | 'resolution'; clock: SlaClock } | null {
  const named = [
    { which: 'first_response' as const, clock: clocks[0] },
    { which: 'resolution' as const, clock: clocks[1] },
  ].filter(
    (c): c is { which: 'first_response' | 'resolution'; clock: SlaClock } =>
      c.clock !== undefined && (c.clock.state === 'near_breach' || c.clock.state === 'breached'),
  );
  named.sort((a, b) => a.clock.remainingMinutes - b.clock.remainingMinutes);
  return named[0] ?? null;
}

/** Open tickets whose SLA is near breach or breached, most urgent (least time left) first. */
export function nearBreachWidget(db: Db, actor: Actor, now = new Date()) {
  const rows = selectTickets(db)
    .where(and(ticketScopeWhere(actor), inArray(tickets.status, [...OPEN_STATUSES])))
    .orderBy(asc(tickets.createdAt), asc(tickets.id))
    .limit(SLA_SCAN_LIMIT)
    .all();
  const policy = activeSlaPolicy();
  const flagged: { row: TicketRow; which: 'first_response' | 'resolution'; clock: SlaClock }[] = [];
  for (const row of rows) {
    // The full clocks: this widget is only ever given to the desk (dashboardWidgetsFor).
    const sla = slaFor(row, policy, now, currentPause(row));
    if (sla.state !== 'near_breach' && sla.state !== 'breached') continue;
    const urgent = urgentClock([sla.firstResponse, sla.resolution]);
    if (urgent) flagged.push({ row, ...urgent });
  }
  flagged.sort((a, b) => a.clock.remainingMinutes - b.clock.remainingMinutes);
  return {
    total: flagged.length,
    breached: flagged.filter((f) => f.clock.state === 'breached').length,
    items: flagged.slice(0, WIDGET_ITEMS).map((f) => ({
      ...ticketSummary(f.row),
      sla: {
        state: f.clock.state,
        clock: f.which,
        dueAt: f.clock.dueAt,
        remainingMinutes: f.clock.remainingMinutes,
      },
    })),
  };
}

/** Open tickets per client org the actor may see (orgs without any included, as 0), busiest first. */
export function byOrgWidget(db: Db, actor: Actor) {
  const orgs = db
    .select({ id: tenants.id, name: tenants.name })
    .from(tenants)
    .where(and(tenantScope(actor), eq(tenants.kind, 'client')))
    .orderBy(asc(tenants.name))
    .all();
  const counts = db
    .select({ tenantId: tickets.tenantId, n: count() })
    .from(tickets)
    .where(and(ticketScopeWhere(actor), inArray(tickets.status, [...OPEN_STATUSES])))
    .groupBy(tickets.tenantId)
    .all();
  const byTenant = new Map(counts.map((c) => [c.tenantId, c.n]));
  return {
    orgs: orgs
      .map((o) => ({ id: o.id, name: o.name, open: byTenant.get(o.id) ?? 0 }))
      .sort((a, b) => b.open - a.open || a.name.localeCompare(b.name)),
  };
}
