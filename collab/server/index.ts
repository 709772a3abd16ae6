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
import { revocationExtension } from './extensions/revocation.ts';
import { pushToUser } from './push.ts';
import { RightsClock } from './rights-clock.ts';
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
    extensions: [
      // Order of the onAuthenticate hooks is by priority: authentication, then limits.
      authenticationExtension(ctx, clock),
      limitsExtension(),
      revocationExtension(ctx, clock),
      awarenessIdentityExtension(),
      // Durable persistence and projections (Y → SQL) join here with tickets: collab/README.md.
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
        // Documents store on their last disconnect; a failed store keeps a document in memory
        // (never unloaded with unsaved changes), so wait for them, but not forever.
        hocuspocus.flushPendingStores();
        await until(() => hocuspocus.getDocumentsCount() === 0, 5000);
        await hocuspocus.hooks('onDestroy', { instance: hocuspocus });
      })();
      return closing;
    },
  };
}
