/**
 * What the live queue push (queue-push.ts) remembers per connected user between batches, so a
 * batch does not re-read who they are and what they follow for every user on every change:
 *
 * - the actor behind their `user:<id>` channel (null when not a client role: never followed),
 *   forgotten when their rights change or their sessions are revoked (the same events that make
 *   the collaboration server re-check their connections, extensions/revocation.ts);
 * - the queued tickets they may see (queue.ts `listVisibleQueuedTickets`, prepared once per actor),
 *   forgotten whenever a ticket of their org changes: a client role sees only their own org's
 *   tickets (policy tickets.ts, `own_org`), so no other change can add, remove or move one of theirs;
 * - what they were last told per ticket.
 *
 * Forgotten values are re-read from the database at the watcher's next batch.
 */
import { loadActor } from '../../../server/auth/actor.ts';
import { prepareVisibleQueuedTickets, type QueueTicket } from '../../../server/modules/tickets/queue.ts';
import type { Actor } from '../../../server/policy/index.ts';
import type { Db } from '../../../storage/db.ts';

/** One connected user, as the push knows them. */
export interface Watcher {
  /** The client actor; null: not a client role; undefined: to be re-read. */
  actor: Actor | null | undefined;
  /** Reads their followed tickets: prepared for `actor`, dropped with it. */
  listFollowed: (() => QueueTicket[]) | null;
  /** Their visible queued tickets, oldest first; null: to be re-read. */
  followed: QueueTicket[] | null;
  /** What they were last told per ticket, as `position|total|priority`. */
  told: Map<string, string>;
}

/** The actor behind a user channel, read now, if it is a client role. */
function clientActor(db: Db, userId: string): Actor | null {
  const actor = loadActor(db, userId)?.actor;
  return actor && actor.tenantKind === 'client' ? actor : null;
}

export class QueueWatchers {
  readonly #db: Db;
  readonly #watchers = new Map<string, Watcher>();

  constructor(db: Db) {
    this.#db = db;
  }

  /** Whether the user has a watcher (their baseline was taken). */
  has(userId: string): boolean {
    return this.#watchers.has(userId);
  }

  /** The user's watcher, created empty (nothing told yet) when missing. */
  watcher(userId: string): Watcher {
    let watcher = this.#watchers.get(userId);
    if (!watcher) {
      watcher = { actor: undefined, listFollowed: null, followed: null, told: new Map() };
      this.#watchers.set(userId, watcher);
    }
    return watcher;
  }

  /** The watcher's client actor, re-read when forgotten. */
  actorOf(watcher: Watcher, userId: string): Actor | null {
    if (watcher.actor === undefined) watcher.actor = clientActor(this.#db, userId);
    return watcher.actor;
  }

  /** The watcher's followed tickets, re-read when forgotten. */
  followedBy(watcher: Watcher, actor: Actor): QueueTicket[] {
    watcher.listFollowed ??= prepareVisibleQueuedTickets(this.#db, actor);
    watcher.followed ??= watcher.listFollowed();
    return watcher.followed;
  }

  /** A ticket of `tenantId` changed: its org's people may follow different tickets now. */
  ticketChanged(tenantId: string): void {
    for (const watcher of this.#watchers.values()) {
      if (watcher.actor?.tenantId === tenantId) watcher.followed = null;
    }
  }

  /** The user's rights changed or sessions went: re-read who they are and what they follow. */
  rightsChanged(userId: string): void {
    const watcher = this.#watchers.get(userId);
    if (!watcher) return;
    watcher.actor = undefined;
    watcher.listFollowed = null;
    watcher.followed = null;
  }

  /** Forgets users no longer connected (their last channel connection closed). */
  keepOnly(connected: ReadonlySet<string>): void {
    for (const userId of this.#watchers.keys()) if (!connected.has(userId)) this.#watchers.delete(userId);
  }

  forget(userId: string): void {
    this.#watchers.delete(userId);
  }

  clear(): void {
    this.#watchers.clear();
  }
}
