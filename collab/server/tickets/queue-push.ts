/**
 * Queue positions, live (DESIGN.md "Data that must never be wrong"). When a client-visible ticket
 * change lands (`ticket.changed` with visibility 'client': filing, status, priority, a reply that
 * reopens), the queue positions of *other* tickets may move. For every client-side user with their
 * channel `user:<id>` open on this node, the tickets they may see that wait in a queue are
 * re-counted (two indexed COUNTs each, queue.ts), compared with what that user was last told, and
 * only the ones that moved are pushed as `{type: 'queue.changed', ticketId, position, total,
 * priority}` — counts only, never anything of the other tenants' tickets in the queue.
 *
 * - Who: client roles only (client_admin, client). The provider's and agencies' people see every
 *   ticket of many orgs and do not read "your ticket is #3"; following all of those is unbounded.
 * - Bounded work: the followed tickets are those of connected viewers (queue.ts caps each at
 *   FOLLOWED_TICKETS_LIMIT), each counted once per batch however many viewers share it.
 * - All four queues are re-checked per batch: the event does not carry a ticket's previous
 *   priority, and a ticket moving from High to Low moves the High queue too.
 * - What the user was told starts as a snapshot when their channel connects (they read the REST
 *   answer on load) and is forgotten when their last channel connection closes.
 * - Events are batched per turn of the event loop, like live.ts.
 */
import type { Extension, Hocuspocus } from '@hocuspocus/server';
import { loadActor } from '../../../server/auth/actor.ts';
import type { AppContext } from '../../../server/context.ts';
import { findVisibleTicket } from '../../../server/modules/tickets/access.ts';
import {
  listVisibleQueuedTickets,
  type QueueTicket,
  queueRank,
  queueTotal,
} from '../../../server/modules/tickets/queue.ts';
import type { Actor } from '../../../server/policy/index.ts';
import type { Db } from '../../../storage/db.ts';
import type { TicketPriority } from '../../../storage/schema.ts';
import { parseDocumentName } from '../../names.ts';
import type { QueueChangedPush } from '../../stateless.ts';
import type { CollabContext } from '../context.ts';
import { pushToUser } from '../push.ts';

/** What a user was last told per ticket, as `position|total|priority`. */
type Told = Map<string, string>;

/** The place of one ticket, counted at most once per batch. */
type Counter = (ticket: QueueTicket) => QueueChangedPush;

/** A counter with a per-batch cache: totals per priority, places per ticket. */
function counter(db: Db): Counter {
  const totals = new Map<TicketPriority, number>();
  const places = new Map<string, QueueChangedPush>();
  return (ticket) => {
    const known = places.get(ticket.id);
    if (known) return known;
    let total = totals.get(ticket.priority);
    if (total === undefined) {
      total = queueTotal(db, ticket.priority);
      totals.set(ticket.priority, total);
    }
    const place: QueueChangedPush = {
      type: 'queue.changed',
      ticketId: ticket.id,
      position: queueRank(db, ticket),
      total,
      priority: ticket.priority,
    };
    places.set(ticket.id, place);
    return place;
  };
}

const keyOf = (p: QueueChangedPush): string => `${p.position}|${p.total}|${p.priority}`;

/** The actor behind a user channel, re-read now, if it is a client role. */
function clientActor(db: Db, userId: string): Actor | null {
  const actor = loadActor(db, userId)?.actor;
  return actor && actor.tenantKind === 'client' ? actor : null;
}

/** The user ids with a `user:<id>` channel loaded on this node. */
function connectedUsers(hocuspocus: Hocuspocus<CollabContext>): string[] {
  const ids: string[] = [];
  for (const documentName of hocuspocus.documents.keys()) {
    const name = parseDocumentName(documentName);
    if (name?.kind === 'user') ids.push(name.id);
  }
  return ids;
}

/** The queue-push extension: subscribes on configure, unsubscribes on destroy. */
export function ticketQueuePushExtension(ctx: AppContext): Extension<CollabContext> {
  const log = ctx.log.child({ module: 'collab' });
  const told = new Map<string, Told>();
  let unsubscribe: (() => void) | null = null;

  /** What the user's followed tickets are now; `changed` adds the batch's tickets they may see. */
  const followed = (actor: Actor, changed: Iterable<string>): QueueTicket[] => {
    const tickets = listVisibleQueuedTickets(ctx.db, actor);
    const ids = new Set(tickets.map((t) => t.id));
    for (const id of changed) {
      if (ids.has(id)) continue;
      // A ticket that just left its queue (resolved, pending_client): one last push, position null.
      const row = findVisibleTicket(ctx.db, actor, id);
      if (row) tickets.push(row);
    }
    return tickets;
  };

  const deliver = (hocuspocus: Hocuspocus<CollabContext>, changed: Set<string>): void => {
    const place = counter(ctx.db);
    const connected = new Set(connectedUsers(hocuspocus));
    for (const userId of told.keys()) if (!connected.has(userId)) told.delete(userId);
    for (const userId of connected) {
      const actor = clientActor(ctx.db, userId);
      if (!actor) continue;
      const memory = told.get(userId) ?? new Map<string, string>();
      told.set(userId, memory);
      for (const ticket of followed(actor, changed)) {
        const now = place(ticket);
        const key = keyOf(now);
        if (memory.get(ticket.id) === key) continue;
        pushToUser(hocuspocus, userId, now);
        // Out of the queue: forget it, so re-entering is news again.
        if (now.position === null) memory.delete(ticket.id);
        else memory.set(ticket.id, key);
      }
    }
  };

  return {
    extensionName: 'ticket-queue-push',

    async onConfigure({ instance }) {
      const hocuspocus = instance as Hocuspocus<CollabContext>;
      let batch = new Set<string>();
      unsubscribe = ctx.events.on('ticket.changed', ({ ticketId, visibility }) => {
        // An internal-only change (an assignment) moves no queue.
        if (visibility !== 'client') return;
        if (batch.size === 0) {
          setImmediate(() => {
            const due = batch;
            batch = new Set();
            try {
              deliver(hocuspocus, due);
            } catch (err) {
              log.error({ err }, 'collab: pushing queue positions failed');
            }
          });
        }
        batch.add(ticketId);
      });
    },

    /** The baseline: what the user's REST answer says as their channel connects. */
    async connected({ documentName }) {
      const name = parseDocumentName(documentName);
      if (name?.kind !== 'user' || told.has(name.id)) return;
      const actor = clientActor(ctx.db, name.id);
      if (!actor) return;
      const place = counter(ctx.db);
      told.set(name.id, new Map(listVisibleQueuedTickets(ctx.db, actor).map((t) => [t.id, keyOf(place(t))])));
    },

    async onDisconnect({ documentName, clientsCount }) {
      const name = parseDocumentName(documentName);
      if (name?.kind === 'user' && clientsCount === 0) told.delete(name.id);
    },

    async onDestroy() {
      unsubscribe?.();
      unsubscribe = null;
      told.clear();
    },
  };
}
