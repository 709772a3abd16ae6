/**
 * The collaboration server: Hocuspocus as a list of small extensions, each with one job, mounted
 * on the portal's HTTP server at `/collab`. It takes only the AppContext and an HTTP server, so
 * it could run as its own process by configuration.
 */
import type { Server } from 'node:http';
import { Hocuspocus } from '@hocuspocus/server';
import type { AppContext } from '../../server/context.ts';
import type { UserPush } from '../stateless.ts';
import type { CollabContext } from './context.ts';
import { authenticationExtension } from './extensions/authentication.ts';
import { awarenessIdentityExtension } from './extensions/awareness-identity.ts';
import { COLLAB_LIMITS, limitsExtension } from './extensions/limits.ts';
import { persistenceExtension } from './extensions/persistence.ts';
import { projectionsExtension } from './extensions/projections.ts';
import { revocationExtension } from './extensions/revocation.ts';
import { validationExtension } from './extensions/validation.ts';
import { writeOrderExtension } from './extensions/write-order.ts';
import { pushToUser } from './push.ts';
import { RightsClock } from './rights-clock.ts';
import { ticketLiveExtension } from './tickets/live.ts';
import { ticketQueuePushExtension } from './tickets/queue-push.ts';
import { ticketDescriptionSeed } from './tickets/seed.ts';
import { ticketThreadExtension } from './tickets/thread.ts';
import { until } from './until.ts';
import { attachCollabUpgrade } from './upgrade.ts';

export interface Collaboration {
  hocuspocus: Hocuspocus<CollabContext>;
  /** For /healthz: mounted, not closed, and the HTTP server is accepting upgrades. */
  isUp(): boolean;
  /** A stateless push to every tab the user has open (see push.ts); returns how many it reached. */
  pushToUser(userId: string, message: UserPush): number;
  /** Closes every socket, lets documents store and unload, then stops the extensions. */
  close(): Promise<void>;
}

/** Creates the Hocuspocus instance and attaches it to `httpServer`'s upgrades at `/collab`. */
export function mountCollaboration(ctx: AppContext, httpServer: Server): Collaboration {
  const clock = new RightsClock();
  const hocuspocus = new Hocuspocus<CollabContext>({
    name: 'portal',
    quiet: true,
    maxPendingDocuments: COLLAB_LIMITS.documentsPerSocket,
    maxUnauthenticatedQueueSize: COLLAB_LIMITS.unauthenticatedQueueBytes,
    maxUnauthenticatedQueueMessages: COLLAB_LIMITS.unauthenticatedQueueMessages,
    // Durability comes from the update log (persistence.ts), not from the debounced store: keep
    // the debounce (2 s, at most 10 s) and let a document stay loaded until its store has run.
    unloadImmediately: false,
    // Broadcasts always wait for the next turn of the event loop (never flushed early inside the
    // update), so a server-side write is logged by persistence's update listener before any
    // client can see it. A turn's worth of updates is bounded by the message and document limits.
    flushMaxBytes: Number.POSITIVE_INFINITY,
    extensions: [
      // Hooks of one kind run by priority, highest first. onAuthenticate: authentication, then
      // limits. beforeSync: write order (one client write per document at a time), limits
      // (size), validation, then persistence (the log append) — so a refused update is never
      // stored. onStoreDocument: persistence, then projections.
      authenticationExtension(ctx, clock),
      writeOrderExtension(),
      limitsExtension(),
      revocationExtension(ctx, clock),
      awarenessIdentityExtension(),
      validationExtension(ctx),
      persistenceExtension(ctx, { seed: (name, context) => ticketDescriptionSeed(ctx.db, name, context) }),
      projectionsExtension(ctx),
      ticketThreadExtension(ctx.db),
      // Queue pushes first: their batch is cheap and time-critical; live notices may query more.
      ticketQueuePushExtension(ctx),
      ticketLiveExtension(ctx),
    ],
  });
  const detach = attachCollabUpgrade(ctx, httpServer, hocuspocus);
  let closing: Promise<void> | null = null;

  return {
    hocuspocus,
    isUp: () => closing === null && httpServer.listening,
    pushToUser: (userId, message) => pushToUser(hocuspocus, userId, message),
    close() {
      closing ??= (async () => {
        await detach();
        // Stores are debounced (unloadImmediately: false): run them now, and again for any a
        // last disconnect schedules meanwhile. A failed store keeps its document in memory (its
        // log is intact either way), so wait for them, but not forever.
        await until(() => {
          hocuspocus.flushPendingStores();
          return hocuspocus.getDocumentsCount() === 0;
        }, 5000);
        await hocuspocus.hooks('onDestroy', { instance: hocuspocus });
      })();
      return closing;
    },
  };
}
