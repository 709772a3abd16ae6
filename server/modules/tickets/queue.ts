/**
 * The provider's ticket queue (DESIGN.md "Data that must never be wrong"). One queue per priority,
 * shared by every tenant: a ticket waits in it while the ball is in the provider's court —
 * status `new`, `open` or `in_progress`. `pending_client` is NOT queued (the provider waits for
 * the client), nor are `resolved` and `closed`.
 *
 * Order within a queue: (SLA due, created). There is no SLA due column yet, so the order is
 * (created_at, id); `aheadOf` is the one place that defines it, so SLA due slots in there (and in
 * `compareQueueOrder`, its JS twin for tests and in-memory use).
 *
 * A position is the number of tickets ahead, plus one. It is answered by the in-memory queue index
 * (queue-index.ts: a rank in O(log n), kept equal to the table by a connection-local trigger), and
 * by the SQL `COUNT(*)` over the `tickets_queue_idx` (status, priority, created_at) range whenever
 * the index may not answer (inside a transaction) — the counts are also the reference the index is
 * tested against. Nothing but counts of other tenants' tickets ever leaves this module.
 */
import { and, asc, count, desc, eq, inArray, isNotNull, lt, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../storage/db.ts';
import { type TicketPriority, type TicketStatus, tickets } from '../../../storage/schema.ts';
import { type Actor, ticketScopeWhere } from '../../policy/index.ts';
import { changeStamp, perDatabase } from '../../prepared.ts';
import { compareKeys } from './ordered-queue.ts';
import { currentQueueIndex, type QueueIndex } from './queue-index.ts';

/** The statuses in which a ticket waits in its priority's queue. */
export const QUEUE_STATUSES = ['new', 'open', 'in_progress'] as const satisfies readonly TicketStatus[];

/** How many recent first responses the estimate is the median of. */
export const ESTIMATE_SAMPLE = 50;

/** What the queue needs of a ticket. */
export interface QueueTicket {
  id: string;
  status: TicketStatus;
  priority: TicketPriority;
  createdAt: Date;
}

/** The published contract of `GET /api/tickets/:id/queue`. */
export interface QueuePosition {
  /** 1-based; null when the ticket is not waiting in a queue (pending_client, resolved, closed). */
  position: number | null;
  /** Open tickets of this priority across all tenants. */
  total: number;
  priority: TicketPriority;
  /** Null when there is no first-response history for the priority, or no position. */
  estimatedResponseMinutes: number | null;
}

/** Whether a ticket of this status waits in a queue. */
export function isQueued(status: TicketStatus): boolean {
  return (QUEUE_STATUSES as readonly TicketStatus[]).includes(status);
}

/**
 * The queue order in JS: negative when `a` is served before `b`. Must agree with `aheadOf`.
 * (Plain code-unit comparison for the id, as SQLite's BINARY collation does.)
 */
export function compareQueueOrder(
  a: Pick<QueueTicket, 'id' | 'createdAt'>,
  b: Pick<QueueTicket, 'id' | 'createdAt'>,
): number {
  return compareKeys({ at: a.createdAt.getTime(), id: a.id }, { at: b.createdAt.getTime(), id: b.id });
}

/**
 * The tickets ahead of a ticket in the queue order, as two disjoint conditions whose counts add
 * up: created strictly earlier (answered from the index alone), and created in the same
 * millisecond with a smaller id (only the ties touch the table). Split rather than one OR, so
 * SQLite keeps the range scan on created_at. Bound to the `createdAt` (ms) and `id` placeholders.
 * SLA due goes here, first in the order, when the SLA clock lands (and into the index's key).
 */
function aheadOf(): [SQL, SQL] {
  const createdAt = sql.placeholder('createdAt');
  return [
    lt(tickets.createdAt, createdAt),
    and(eq(tickets.createdAt, createdAt), lt(tickets.id, sql.placeholder('id'))) as SQL,
  ];
}

/** Open tickets of the priority bound to the `priority` placeholder. */
function inQueue(): SQL {
  return and(
    inArray(tickets.status, [...QUEUE_STATUSES]),
    eq(tickets.priority, sql.placeholder('priority')),
  ) as SQL;
}

/** The three counts and the estimate's sample as prepared statements, built once per database. */
function buildStatements(db: Db) {
  const counting = (where: SQL) => db.select({ n: count() }).from(tickets).where(where).prepare();
  const [earlier, ties] = aheadOf();
  return {
    total: counting(inQueue()),
    earlier: counting(and(inQueue(), earlier) as SQL),
    ties: counting(and(inQueue(), ties) as SQL),
    firstResponses: db
      .select({ createdAt: tickets.createdAt, firstResponseAt: tickets.firstResponseAt })
      .from(tickets)
      .where(and(eq(tickets.priority, sql.placeholder('priority')), isNotNull(tickets.firstResponseAt)))
      .orderBy(desc(tickets.firstResponseAt), desc(tickets.id))
      .limit(ESTIMATE_SAMPLE)
      .prepare(),
  };
}

/** The statements of this database, prepared once. */
const statementsFor = perDatabase(buildStatements);

/** The queue index of this database when it may answer now; null inside a transaction. */
function indexOf(db: Db): QueueIndex | null {
  return currentQueueIndex(db.$client, QUEUE_STATUSES);
}

/** Every queue as it is at one moment. */
export interface QueueSnapshot {
  /** The ticket's 1-based place in its priority's queue, or null when it is not queued. */
  rank(ticket: QueueTicket): number | null;
  /** Open tickets of the priority, across every tenant. */
  total(priority: TicketPriority): number;
}

/**
 * The queues now, for placing many tickets at once (the live push): the index is brought up to
 * date once rather than per ticket. Use it at once, synchronously: it does not see later writes.
 */
export function queueSnapshot(db: Db): QueueSnapshot {
  const index = indexOf(db);
  return {
    rank(ticket) {
      if (!isQueued(ticket.status)) return null;
      if (!index) return countQueueRank(db, ticket);
      return index.rank(ticket.priority, { at: ticket.createdAt.getTime(), id: ticket.id }) + 1;
    },
    total: (priority) => index?.total(priority) ?? countQueueTotal(db, priority),
  };
}

/** Open tickets of the priority, across every tenant. */
export function queueTotal(db: Db, priority: TicketPriority): number {
  return queueSnapshot(db).total(priority);
}

/** The ticket's 1-based place in its priority's queue, or null when it is not queued. */
export function queueRank(db: Db, ticket: QueueTicket): number | null {
  return queueSnapshot(db).rank(ticket);
}

/** `queueTotal` counted in SQL, whatever the index says: the reference the index is tested against. */
export function countQueueTotal(db: Db, priority: TicketPriority): number {
  return statementsFor(db).total.get({ priority })?.n ?? 0;
}

/** `queueRank` counted in SQL, whatever the index says: the reference the index is tested against. */
export function countQueueRank(db: Db, ticket: QueueTicket): number | null {
  if (!isQueued(ticket.status)) return null;
  const { earlier, ties } = statementsFor(db);
  const params = { priority: ticket.priority, createdAt: ticket.createdAt.getTime(), id: ticket.id };
  return (earlier.get(params)?.n ?? 0) + (ties.get(params)?.n ?? 0) + 1;
}

/**
 * Median minutes from filing to first response over the last `ESTIMATE_SAMPLE` tickets of the
 * priority that got one (most recent first responses), or null with no history. Any status:
 * a resolved ticket's first response is history too.
 */
export function medianFirstResponseMinutes(db: Db, priority: TicketPriority): number | null {
  // Every queue position asks for it, and it changes only when a row does: reuse the last answer
  // while the database's change stamp is the same.
  const stamp = changeStamp(db);
  const cached = medianCache.get(db)?.get(priority);
  if (cached?.stamp === stamp) return cached.median;
  const median = computeMedianFirstResponse(db, priority);
  const byPriority = medianCache.get(db) ?? new Map<TicketPriority, CachedMedian>();
  medianCache.set(db, byPriority.set(priority, { stamp, median }));
  return median;
}

interface CachedMedian {
  stamp: string;
  median: number | null;
}

const medianCache = new WeakMap<Db, Map<TicketPriority, CachedMedian>>();

function computeMedianFirstResponse(db: Db, priority: TicketPriority): number | null {
  const rows = statementsFor(db).firstResponses.all({ priority });
  const minutes = rows
    .map((r) => Math.max(0, ((r.firstResponseAt?.getTime() ?? 0) - r.createdAt.getTime()) / 60_000))
    .sort((a, b) => a - b);
  if (minutes.length === 0) return null;
  const mid = Math.floor(minutes.length / 2);
  return minutes.length % 2 === 1 ? (minutes[mid] ?? 0) : ((minutes[mid - 1] ?? 0) + (minutes[mid] ?? 0)) / 2;
}

/**
 * The estimate: the median first-response time scaled by the place in the queue
 * (median × position, one ticket served per median interval — deliberately simple), rounded to
 * whole minutes and at least one. Null without a position or without history.
 */
export function estimateMinutes(median: number | null, position: number | null): number | null {
  if (median === null || position === null) return null;
  return Math.max(1, Math.round(median * position));
}

/**
 * The queue position of a ticket the caller has already loaded *through the policy*. `median`
 * may be passed in when many tickets of one priority are computed at once (the live push).
 */
export function queuePosition(
  db: Db,
  ticket: QueueTicket,
  median: number | null = medianFirstResponseMinutes(db, ticket.priority),
): QueuePosition {
  const queues = queueSnapshot(db);
  const position = queues.rank(ticket);
  return {
    position,
    total: queues.total(ticket.priority),
    priority: ticket.priority,
    estimatedResponseMinutes: estimateMinutes(median, position),
  };
}

/** Most queued tickets the live push follows per viewer (a client org's open tickets). */
export const FOLLOWED_TICKETS_LIMIT = 200;

/**
 * The queued tickets the actor may see, oldest first, through the policy's ticket scope: what the
 * live push follows for a connected client. Only the columns the queue needs.
 */
export function listVisibleQueuedTickets(db: Db, actor: Actor): QueueTicket[] {
  return visibleQueuedTickets(db, actor).all();
}

/**
 * `listVisibleQueuedTickets` prepared once for this actor, for a caller that asks again and again
 * (the live push re-reads a connected user's list whenever their org's tickets change). The actor
 * is fixed into the statement: prepare anew when it changes.
 */
export function prepareVisibleQueuedTickets(db: Db, actor: Actor): () => QueueTicket[] {
  const statement = visibleQueuedTickets(db, actor).prepare();
  return () => statement.all();
}

function visibleQueuedTickets(db: Db, actor: Actor) {
  return db
    .select({
      id: tickets.id,
      status: tickets.status,
      priority: tickets.priority,
      createdAt: tickets.createdAt,
    })
    .from(tickets)
    .where(and(ticketScopeWhere(actor), inArray(tickets.status, [...QUEUE_STATUSES])))
    .orderBy(asc(tickets.createdAt), asc(tickets.id))
    .limit(FOLLOWED_TICKETS_LIMIT);
}
