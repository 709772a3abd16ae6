/**
 * The provider-wide figures a super_admin sees: tickets filed per day and SLA compliance. Still
 * read through the ticket scope (which, for a super_admin, is everything).
 */
import { and, gte, isNotNull } from 'drizzle-orm';
import type { Db } from '../../../storage/db.ts';
import { tickets } from '../../../storage/schema.ts';
import { type Actor, ticketScopeWhere } from '../../policy/index.ts';
import { slaFor } from '../sla/state.ts';
import { activeSlaPolicy } from '../sla/store.ts';

export const VOLUME_DAYS = 14;
export const COMPLIANCE_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** `YYYY-MM-DD` of an instant in a time zone. */
export function localDate(at: Date, timeZone: string): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

/**
 * Tickets filed per day over the last `VOLUME_DAYS` days (today included), oldest first, in the
 * SLA policy's time zone — the desk's own calendar — so "today" means the desk's today.
 */
export function volumeWidget(db: Db, actor: Actor, now = new Date()) {
  const timeZone = activeSlaPolicy().businessHours.timeZone;
  // Calendar arithmetic on the local date (a DST day has 23 or 25 hours, so never step by 24 h).
  const today = new Date(`${localDate(now, timeZone)}T00:00:00Z`);
  const days: string[] = [];
  for (let i = VOLUME_DAYS - 1; i >= 0; i--) {
    days.push(new Date(today.getTime() - i * DAY_MS).toISOString().slice(0, 10));
  }
  // One day of margin either side of the zone's offset; rows outside the window are dropped below.
  const since = new Date(now.getTime() - (VOLUME_DAYS + 1) * DAY_MS);
  const rows = db
    .select({ createdAt: tickets.createdAt })
    .from(tickets)
    .where(and(ticketScopeWhere(actor), gte(tickets.createdAt, since)))
    .all();
  const perDay = new Map(days.map((d) => [d, 0]));
  for (const row of rows) {
    const day = localDate(row.createdAt, timeZone);
    const n = perDay.get(day);
    if (n !== undefined) perDay.set(day, n + 1);
  }
  return { timeZone, days: days.map((date) => ({ date, count: perDay.get(date) ?? 0 })) };
}

/**
 * Of the tickets resolved in the last `COMPLIANCE_DAYS` days, how many met their resolution
 * target; `percent` is null when none were resolved (no data is not 0 %).
 */
export function slaComplianceWidget(db: Db, actor: Actor, now = new Date()) {
  const since = new Date(now.getTime() - COMPLIANCE_DAYS * DAY_MS);
  const rows = db
    .select({
      priority: tickets.priority,
      status: tickets.status,
      createdAt: tickets.createdAt,
      firstResponseAt: tickets.firstResponseAt,
      resolvedAt: tickets.resolvedAt,
      closedAt: tickets.closedAt,
    })
    .from(tickets)
    .where(and(ticketScopeWhere(actor), isNotNull(tickets.resolvedAt), gte(tickets.resolvedAt, since)))
    .all();
  const policy = activeSlaPolicy();
  const met = rows.filter((row) => slaFor(row, policy, now).resolution.met === true).length;
  return {
    days: COMPLIANCE_DAYS,
    resolved: rows.length,
    met,
    percent: rows.length === 0 ? null : Math.round((met / rows.length) * 1000) / 10,
  };
}
