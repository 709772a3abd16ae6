/**
 * Queue positions, live (DESIGN.md "Data that must never be wrong"). When a client-visible ticket
 * change lands (`ticket.changed` with visibility 'client': filing, status, priority, a reply that
 * reopens), the queue positions of *other* tickets may move. For every client-side user with their
 * channel `user:<id>` open on this node, the places of the tickets they may see that wait in a
 * queue are read from the queue index (queue.ts: a rank in O(log n), not a count), compared with
 * what that user was last told, and only the ones that moved are pushed as `{type: 'queue.changed',
 * ticketId, position, total, priority}` — counts only, never anything of the other tenants'
 * tickets in the queue.
 *
 * - Who: client roles only (client_admin, client). The provider's and agencies' people see every
 *   ticket of many orgs and do not read "your ticket is #3"; following all of those is unbounded.
 * - Bounded work: the followed tickets are those of connected viewers (queue.ts caps each at
 *   FOLLOWED_TICKETS_LIMIT), each placed once per slice however many viewers share it; who each
 *   viewer is and what they follow is remembered between batches (queue-watchers.ts) and re-read
 *   only for the orgs whose tickets changed, or after a rights change.
 * - All four queues are re-checked per batch: the event does not carry a ticket's previous
 *   priority, and a ticket moving from High to Low moves the High queue too. With the index that
 *   is a lookup per followed ticket.
 * - What the user was told starts as a snapshot when their channel connects (they read the REST
 *   answer on load) and is forgotten when their last channel connection closes.
 * - Events are batched per turn of the event loop, like live.ts. A batch yields to the event loop
 *   every SLICE_MS, so the first pushes leave (and requests are served) while it goes on; batches
 *   never overlap, so a user's pushes arrive in the order the queue moved.
 */
import type { Extension, Hocuspocus } from '@hocuspocus/server';
import type { AppContext } from '../../../server/context.ts';
import { findVisibleTicket } from '../../../server/modules/tickets/access.ts';
import { type QueueTicket, queueSnapshot } from '../../../server/modules/tickets/queue.ts';
import type { Db } from '../../../storage/db.ts';
import type { TicketPriority } from '../../../storage/schema.ts';
import { parseDocumentName } from '../../names.ts';
import type { QueueChangedPush } from '../../stateless.ts';
import type { CollabContext } from '../context.ts';
import { pushToUser } from '../push.ts';
import { QueueWatchers } from './queue-watchers.ts';

/** Longest a batch holds the event loop before yielding. */
const SLICE_MS = 4;

/** The place of one ticket, looked up at most once per counter. */
type Counter = (ticket: QueueTicket) => QueueChangedPush;

/** A counter over the queues as they are now, with a cache: totals per priority, places per ticket. */
function counter(db: Db): Counter {
  const queues = queueSnapshot(db);
  const totals = new Map<TicketPriority, number>();
  const places = new Map<string, QueueChangedPush>();
  return (ticket) => {
    const known = places.get(ticket.id);
    if (known) return known;
    let total = totals.get(ticket.priority);
    if (total === undefined) {
      total = queues.total(ticket.priority);
      totals.set(ticket.priority, total);
    }
    const place: QueueChangedPush = {
      type: 'queue.changed',
      ticketId: ticket.id,
      position: queues.rank(ticket),
      total,
      priority: ticket.priority,
    };
    places.set(ticket.id, place);
    return place;
  };
}

const keyOf = (p: QueueChangedPush): string => `${p.position}|${p.total}|${p.priority}`;

/** The user ids with a `user:<id>` channel loaded on this node. */
function connectedUsers(hocuspocus: Hocuspocus<CollabContext>): Set<string> {
  const ids = new Set<string>();
  for (const documentName of hocuspocus.documents.keys()) {
    const name = parseDocumentName(documentName);
    if (name?.kind === 'user') ids.add(name.id);
  }
  return ids;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The queue-push extension: subscribes on configure, unsubscribes on destroy. */
export function ticketQueuePushExtension(ctx: AppContext): Extension<CollabContext> {
  const log = ctx.log.child({ module: 'collab' });
  const watchers = new QueueWatchers(ctx.db);
  const unsubscribes: (() => void)[] = [];
  let destroyed = false;

  /** Pushes what moved to one user; `changed` maps the batch's tickets to their org. */
  const deliverTo = (
    hocuspocus: Hocuspocus<CollabContext>,
    userId: string,
    changed: ReadonlyMap<string, string>,
    place: Counter,
  ): void => {
    const watcher = watchers.watcher(userId);
    const actor = watchers.actorOf(watcher, userId);
    if (!actor) return;
    const tickets = watchers.followedBy(watcher, actor);
    const extra: QueueTicket[] = [];
    const ids = new Set(tickets.map((t) => t.id));
    for (const [id, tenantId] of changed) {
      // Only their own org's tickets can be visible to a client role; the policy still decides.
      if (tenantId !== actor.tenantId || ids.has(id)) continue;
      // A ticket that just left its queue (resolved, pending_client): one last push, position null.
      const row = findVisibleTicket(ctx.db, actor, id);
      if (row) extra.push(row);
    }
    for (const ticket of extra.length > 0 ? [...tickets, ...extra] : tickets) {
      const now = place(ticket);
      const key = keyOf(now);
      if (watcher.told.get(ticket.id) === key) continue;
      pushToUser(hocuspocus, userId, now);
      // Out of the queue: forget it, so re-entering is news again.
      if (now.position === null) watcher.told.delete(ticket.id);
      else watcher.told.set(ticket.id, key);
    }
  };

  const deliver = async (hocuspocus: Hocuspocus<CollabContext>, changed: ReadonlyMap<string, string>) => {
    const connected = connectedUsers(hocuspocus);
    watchers.keepOnly(connected);
    let place = counter(ctx.db);
    let sliceStart = performance.now();
    for (const userId of connected) {
      if (destroyed) return;
      deliverTo(hocuspocus, userId, changed, place);
      if (performance.now() - sliceStart > SLICE_MS) {
        await nextTurn();
        // The queue may have moved meanwhile: place afresh (that change's own batch follows this one).
        place = counter(ctx.db);
        sliceStart = performance.now();
      }
    }
  };

  return {
    extensionName: 'ticket-queue-push',

    async onConfigure({ instance }) {
      const hocuspocus = instance as Hocuspocus<CollabContext>;
      /** Changed ticket → its org, waiting for the next batch. */
      let pending = new Map<string, string>();
      let running = false;
      const run = async () => {
        running = true;
        try {
          while (pending.size > 0 && !destroyed) {
            const due = pending;
            pending = new Map();
            try {
              await deliver(hocuspocus, due);
            } catch (err) {
              log.error({ err }, 'collab: pushing queue positions failed');
            }
          }
        } finally {
          running = false;
        }
      };
      unsubscribes.push(
        ctx.events.on('ticket.changed', ({ ticketId, tenantId, visibility }) => {
          watchers.ticketChanged(tenantId);
          // An internal-only change (an assignment) moves no queue.
          if (visibility !== 'client') return;
          // A running batch picks the change up when it ends; otherwise the next turn starts one.
          if (pending.size === 0 && !running) setImmediate(run);
          pending.set(ticketId, tenantId);
        }),
        ctx.events.on('user.rights_changed', ({ userId }) => watchers.rightsChanged(userId)),
        ctx.events.on('sessions.revoked', ({ userId }) => watchers.rightsChanged(userId)),
      );
    },

    /** The baseline: what the user's REST answer says as their channel connects. */
    async connected({ documentName }) {
      const name = parseDocumentName(documentName);
      if (name?.kind !== 'user' || watchers.has(name.id)) return;
      const watcher = watchers.watcher(name.id);
      const actor = watchers.actorOf(watcher, name.id);
      if (!actor) return;
      const place = counter(ctx.db);
      for (const t of watchers.followedBy(watcher, actor)) watcher.told.set(t.id, keyOf(place(t)));
    },

    async onDisconnect({ documentName, clientsCount }) {
      const name = parseDocumentName(documentName);
      if (name?.kind === 'user' && clientsCount === 0) watchers.forget(name.id);
    },

    async onDestroy() {
      destroyed = true;
      for (const unsubscribe of unsubscribes.splice(0)) unsubscribe();
      watchers.clear();
    },
  };
}
