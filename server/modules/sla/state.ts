/**
 * A ticket's SLA state at an instant, pure: its first-response and resolution clocks and one
 * overall state for lists.
 *
 * Pausing (pending_client): a pause stops the resolution clock and pushes its due time later by
 * the business minutes the pause lasted. The ticket row carries no status history, so today the
 * presenter passes only the *current* pause, started at the row's `updatedAt` (the change that
 * set pending_client, unless something touched the ticket since). Earlier, finished pauses are
 * not credited back yet: once a ticket leaves pending_client its clock counts from `createdAt`
 * again. Feeding `pauses` from the `status_changed` timeline is the next step.
 */
import type { TicketPriority, TicketStatus } from '../../../storage/schema.ts';
import { addBusinessMinutes, type BusinessHours, businessMinutesBetween } from './clock.ts';
import type { SlaPolicy } from './policy.ts';

export const SLA_STATES = ['ok', 'near_breach', 'breached', 'met', 'paused'] as const;
export type SlaState = (typeof SLA_STATES)[number];

/** The ticket fields the clock reads. */
export interface SlaTicket {
  priority: TicketPriority;
  status: TicketStatus;
  createdAt: Date;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
}

/** A pending_client interval; `to` null while it lasts. */
export interface SlaPause {
  from: Date;
  to: Date | null;
}

export interface SlaClock {
  /** The target, in business minutes (wall minutes on a 24×7 calendar). */
  targetMinutes: number;
  dueAt: string;
  /** When the clock stopped: first response, or resolution. */
  stoppedAt: string | null;
  /** true/false once stopped; null while running. */
  met: boolean | null;
  breached: boolean;
  /** Business minutes from now (or from the pause, or the stop) to the due time; negative when late. */
  remainingMinutes: number;
  state: SlaState;
}

export interface SlaView {
  firstResponse: SlaClock;
  resolution: SlaClock;
  /** The worse of the two running clocks: breached > near_breach > paused > ok; met when both are met. */
  state: SlaState;
  /** `businessHours` or `24x7`: which calendar the targets count in. */
  calendar: 'business_hours' | '24x7';
}

const RANK: Record<SlaState, number> = { breached: 4, near_breach: 3, paused: 2, ok: 1, met: 0 };

function clock(
  start: Date,
  target: number,
  stoppedAt: Date | null,
  pauses: readonly SlaPause[],
  calendar: BusinessHours | null,
  nearBreachPercent: number,
  now: Date,
): SlaClock {
  let due = addBusinessMinutes(start, target, calendar);
  let pausedAt: Date | null = null;
  for (const p of [...pauses].sort((a, b) => a.from.getTime() - b.from.getTime())) {
    // A pause after the clock stopped or after the due time changes nothing.
    if (stoppedAt && p.from >= stoppedAt) continue;
    if (p.from >= due || p.from >= now) continue;
    if (p.to === null || p.to > now) {
      pausedAt = p.from;
      break;
    }
    due = addBusinessMinutes(due, businessMinutesBetween(p.from, p.to, calendar), calendar);
  }
  const at = stoppedAt ?? pausedAt ?? now;
  const remaining = businessMinutesBetween(at, due, calendar);
  const breached = at.getTime() > due.getTime();
  let state: SlaState;
  if (stoppedAt) state = breached ? 'breached' : 'met';
  else if (breached) state = 'breached';
  else if (pausedAt) state = 'paused';
  else state = remaining <= (target * nearBreachPercent) / 100 ? 'near_breach' : 'ok';
  return {
    targetMinutes: target,
    dueAt: due.toISOString(),
    stoppedAt: stoppedAt ? stoppedAt.toISOString() : null,
    met: stoppedAt ? !breached : null,
    breached,
    remainingMinutes: Math.round(remaining),
    state,
  };
}

/** The ticket's SLA at `now` under `policy`, with the pending_client pauses known for it. */
export function slaFor(
  ticket: SlaTicket,
  policy: SlaPolicy,
  now: Date,
  pauses: readonly SlaPause[] = [],
): SlaView {
  const target = policy.targets[ticket.priority];
  const calendar = target.calendar24x7 ? null : policy.businessHours;
  const pct = policy.nearBreachPercent;
  const firstResponse = clock(
    ticket.createdAt,
    target.firstResponse,
    ticket.firstResponseAt,
    [],
    calendar,
    pct,
    now,
  );
  const done = ticket.status === 'resolved' || ticket.status === 'closed';
  const resolvedAt = done ? (ticket.resolvedAt ?? ticket.closedAt ?? now) : null;
  const resolution = clock(ticket.createdAt, target.resolution, resolvedAt, pauses, calendar, pct, now);
  const running = [firstResponse, resolution].filter((c) => c.state !== 'met');
  const state = running.reduce<SlaState>(
    (worst, c) => (RANK[c.state] > RANK[worst] ? c.state : worst),
    'met',
  );
  return { firstResponse, resolution, state, calendar: calendar ? 'business_hours' : '24x7' };
}

/** The pause the row itself shows: pending_client since its last update. */
export function currentPause(row: { status: TicketStatus; updatedAt: Date }): SlaPause[] {
  return row.status === 'pending_client' ? [{ from: row.updatedAt, to: null }] : [];
}
