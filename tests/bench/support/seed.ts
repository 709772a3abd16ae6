/**
 * Bench worlds: client orgs under the platform, a requester per org, optional watcher users with
 * sessions, and tickets inserted with one raw prepared statement in one transaction per chunk
 * (the builders' per-ticket transaction and key allocation would take minutes at 1M).
 */
import { createSession } from '../../../server/auth/sessions.ts';
import { PortalEventBus } from '../../../server/events.ts';
import { newId } from '../../../server/ids.ts';
import { scanSlaAlerts } from '../../../server/modules/sla/alerts.ts';
import { buildTenant, buildUser } from '../../../storage/builders.ts';
import type { Db } from '../../../storage/db.ts';
import { TICKET_PRIORITIES } from '../../../storage/schema.ts';
import { ensurePlatform } from '../../../storage/seed.ts';

export interface SeedOptions {
  orgs: number;
  tickets: number;
  /** Share of tickets waiting in a queue (new/open/in_progress); the rest are resolved or closed. */
  openShare: number;
  /** Client users (own-tickets scope) per org with a session token each; each requests `ticketsPerWatcher`. */
  watchersPerOrg?: number;
  ticketsPerWatcher?: number;
  /**
   * Record the SLA alerts the seeded backlog calls for as already raised, as a portal that ran
   * while those tickets aged would have. Without it the portal under test spends its first
   * minutes raising (and notifying) thousands of alerts at once, which is a separate workload.
   */
  alertsRaised?: boolean;
}

export interface SeededOrg {
  id: string;
  adminId: string;
  /** A signed-in session of the org's client_admin (cookie `session=<token>`). */
  adminToken: string;
  /** The org's open tickets, oldest first (at most 500). */
  openTicketIds: string[];
  watchers: { id: string; token: string }[];
}

export interface SeededWorld {
  orgs: SeededOrg[];
  /** Open ticket ids, oldest first (the first is at position 1 of its queue). */
  openTicketIds: string[];
}

/** A session past sign-in (and its second factor), as a browser holds after logging in. */
function signedInSession(db: Db, userId: string): string {
  return createSession(
    db,
    { idleDays: 30 },
    { userId, twoFactorVerified: true, ip: null, userAgent: 'bench' },
  ).token;
}

const OPEN = ['new', 'open', 'in_progress'] as const;
const DONE = ['resolved', 'closed'] as const;
const CHUNK = 20_000;

export async function seedWorld(db: Db, opts: SeedOptions): Promise<SeededWorld> {
  const platformId = ensurePlatform(db);
  const orgs: SeededOrg[] = [];
  for (let i = 0; i < opts.orgs; i++) {
    const org = buildTenant(db, {
      kind: 'client',
      name: `Bench Org ${i}`,
      slug: `bench-${i}`,
      keyPrefix: `B${i}`,
      parentId: platformId,
    });
    const admin = await buildUser(db, {
      email: `admin${i}@bench.test`,
      name: `Bench Admin ${i}`,
      role: 'client_admin',
      tenantId: org.id,
    });
    const adminToken = signedInSession(db, admin.id);
    const watchers: SeededOrg['watchers'] = [];
    for (let w = 0; w < (opts.watchersPerOrg ?? 0); w++) {
      const user = await buildUser(db, {
        email: `watcher${i}-${w}@bench.test`,
        name: `Watcher ${i}.${w}`,
        role: 'client',
        tenantId: org.id,
      });
      watchers.push({ id: user.id, token: signedInSession(db, user.id) });
    }
    orgs.push({ id: org.id, adminId: admin.id, adminToken, openTicketIds: [], watchers });
  }

  const insert = db.$client.prepare(
    `INSERT INTO tickets (id, tenant_id, key, subject, category, priority, status, requester_id,
       description_text, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'general_inquiry', ?, ?, ?, '', ?, ?)`,
  );
  const openTicketIds: string[] = [];
  // Created one second apart, oldest first, ending now: queue order is insertion order.
  const start = Date.now() - opts.tickets * 1000;
  const perWatcher = opts.ticketsPerWatcher ?? 0;
  const insertChunk = db.$client.transaction((from: number, to: number) => {
    for (let n = from; n < to; n++) {
      const org = orgs[n % orgs.length] as SeededOrg;
      const round = Math.floor(n / orgs.length);
      // Each watcher's tickets come first in their org's round-robin, so they sit in the queue.
      const watcherIndex = Math.floor(round / Math.max(1, perWatcher));
      const requester =
        round < perWatcher * org.watchers.length
          ? (org.watchers[watcherIndex]?.id ?? org.adminId)
          : org.adminId;
      const open = round < perWatcher * org.watchers.length || (n * 0.6180339887) % 1 < opts.openShare;
      const status = open ? OPEN[n % OPEN.length] : DONE[n % DONE.length];
      const id = newId();
      const at = start + n * 1000;
      insert.run(
        id,
        org.id,
        `BENCH-${n + 1}`,
        `Bench ticket ${n + 1}`,
        // Spread over the four queues independently of the org (n % 4 would tie them).
        TICKET_PRIORITIES[Math.floor(((n * 0.7548776662) % 1) * TICKET_PRIORITIES.length)],
        status,
        requester,
        at,
        at,
      );
      if (open) {
        openTicketIds.push(id);
        if (org.openTicketIds.length < 500) org.openTicketIds.push(id);
      }
    }
  });
  for (let from = 0; from < opts.tickets; from += CHUNK)
    insertChunk(from, Math.min(opts.tickets, from + CHUNK));
  if (opts.alertsRaised) {
    // One transaction (one fsync) and a bus nobody listens to: recorded, never notified.
    db.$client.transaction(() => scanSlaAlerts({ db, events: new PortalEventBus() }, new Date()))();
  }
  db.$client.pragma('optimize');
  return { orgs, openTicketIds };
}
