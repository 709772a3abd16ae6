/**
 * SLA alerts: once a minute, every running clock of an open ticket that is near breach or
 * breached raises `sla.alert` — once per (ticket, target, level), remembered in `sla_alerts`.
 * The notifications module listens to the event; this file only decides and records.
 *
 * Bounded work: only tickets in `new`, `open` or `in_progress` are read (the status index), and
 * a ticket whose resolution breach was already raised is skipped in SQL — nothing more can be
 * raised for it. Paused (`pending_client`), resolved and closed tickets are never alerted.
 */
import { and, asc, eq, gt, inArray, notExists } from 'drizzle-orm';
import { slaAlerts, tickets } from '../../../storage/schema.ts';
import type { AppContext } from '../../context.ts';
import type { PortalEvents } from '../../events.ts';
import type { SlaPolicy } from './policy.ts';
import { type SlaClock, slaFor } from './state.ts';
import { activeSlaPolicy } from './store.ts';

/** Statuses whose clocks run: pending_client is paused, resolved/closed have stopped. */
const RUNNING_STATUSES = ['new', 'open', 'in_progress'] as const;
const MINUTE = 60_000;

export type SlaAlert = PortalEvents['sla.alert'];
type Target = SlaAlert['target'];

/** The level a running clock alerts at, or null (ok, met, stopped, paused). */
function levelOf(clock: SlaClock): SlaAlert['level'] | null {
  if (clock.stoppedAt !== null) return null;
  if (clock.state === 'breached' || clock.state === 'near_breach') return clock.state;
  return null;
}

/**
 * Records one alert; true when it is new. The primary key makes this safe against two scans
 * racing: only the insert that lands reports (and so emits).
 */
function record(ctx: Pick<AppContext, 'db'>, ticketId: string, target: Target, level: SlaAlert['level']) {
  return ctx.db.insert(slaAlerts).values({ ticketId, target, level }).onConflictDoNothing().run().changes > 0;
}

/** The open tickets the scan reads, in id order (after `afterId`, at most `limit` when given). */
function candidates(ctx: Pick<AppContext, 'db'>, afterId: string | null, limit?: number) {
  const query = ctx.db
    .select({
      id: tickets.id,
      tenantId: tickets.tenantId,
      priority: tickets.priority,
      status: tickets.status,
      createdAt: tickets.createdAt,
      firstResponseAt: tickets.firstResponseAt,
      resolvedAt: tickets.resolvedAt,
      closedAt: tickets.closedAt,
    })
    .from(tickets)
    .where(
      and(
        inArray(tickets.status, [...RUNNING_STATUSES]),
        afterId === null ? undefined : gt(tickets.id, afterId),
        notExists(
          ctx.db
            .select({ one: slaAlerts.ticketId })
            .from(slaAlerts)
            .where(
              and(
                eq(slaAlerts.ticketId, tickets.id),
                eq(slaAlerts.target, 'resolution'),
                eq(slaAlerts.level, 'breached'),
              ),
            ),
        ),
      ),
    )
    .orderBy(asc(tickets.id));
  return limit === undefined ? query.all() : query.limit(limit).all();
}

type Candidate = ReturnType<typeof candidates>[number];

/** Records and emits what one ticket's clocks call for at `now`, appending to `raised`. */
function raiseFor(
  ctx: Pick<AppContext, 'db' | 'events'>,
  row: Candidate,
  policy: SlaPolicy,
  now: Date,
  raised: SlaAlert[],
): void {
  // None of these statuses is paused, so no pause is passed.
  const sla = slaFor(row, policy, now);
  const clocks: [Target, SlaClock][] = [
    ['first_response', sla.firstResponse],
    ['resolution', sla.resolution],
  ];
  for (const [target, clock] of clocks) {
    const level = levelOf(clock);
    if (!level) continue;
    if (!record(ctx, row.id, target, level)) continue;
    // A breach supersedes the warning: mark the warning as raised too, so a clock that later
    // moves back (a longer target, a pause) never warns after it already breached.
    if (level === 'breached') record(ctx, row.id, target, 'near_breach');
    const alert: SlaAlert = { ticketId: row.id, tenantId: row.tenantId, target, level };
    raised.push(alert);
    ctx.events.emit('sla.alert', alert);
  }
}

/**
 * Scans the open tickets at `now`, records each new (ticket, target, level) and emits
 * `sla.alert` for it. Returns the alerts raised, for tests and logs.
 */
export function scanSlaAlerts(ctx: Pick<AppContext, 'db' | 'events'>, now: Date): SlaAlert[] {
  const policy = activeSlaPolicy();
  const raised: SlaAlert[] = [];
  for (const row of candidates(ctx, null)) raiseFor(ctx, row, policy, now, raised);
  return raised;
}

/** Tickets read per slice of the scheduled scan. */
const PAGE = 200;
/** Longest a slice keeps the event loop before yielding to requests. */
const SLICE_MS = 10;

/**
 * The same scan as `scanSlaAlerts`, cut into slices of about SLICE_MS with the event loop free
 * between them: with tens of thousands of open tickets a single pass blocked the whole portal for
 * seconds every minute, and for minutes when a backlog first breached (each alert writes and
 * notifies). Each slice re-reads its tickets after the last one handled, so no ticket is judged
 * on a row read before a yield. `stopped` ends the scan early (shutdown).
 */
export async function scanSlaAlertsInSlices(
  ctx: Pick<AppContext, 'db' | 'events'>,
  now: Date,
  stopped: () => boolean = () => false,
): Promise<SlaAlert[]> {
  const policy = activeSlaPolicy();
  const raised: SlaAlert[] = [];
  let after: string | null = null;
  while (!stopped()) {
    const page = candidates(ctx, after, PAGE);
    if (page.length === 0) break;
    const sliceStart = performance.now();
    for (const row of page) {
      raiseFor(ctx, row, policy, now, raised);
      after = row.id;
      if (performance.now() - sliceStart > SLICE_MS) break;
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  return raised;
}

/**
 * Runs the scan every minute (the first a minute after start, so boot stays quick); the timer
 * does not keep the process alive. Returns the stop function for shutdown. A failed scan is
 * logged and the next minute tries again.
 */
export function scheduleSlaAlerts(ctx: Pick<AppContext, 'db' | 'events' | 'log'>): () => void {
  let running = false;
  let stopped = false;
  const timer = setInterval(() => {
    // A scan still working through a backlog is not started twice.
    if (running) return;
    running = true;
    scanSlaAlertsInSlices(ctx, new Date(), () => stopped)
      .then((raised) => {
        if (raised.length > 0) ctx.log.info({ alerts: raised.length }, 'SLA alerts raised');
      })
      .catch((err: unknown) => ctx.log.error({ err }, 'SLA alert scan failed'))
      .finally(() => {
        running = false;
      });
  }, MINUTE);
  timer.unref();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
