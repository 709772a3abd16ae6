/**
 * Starts the whole portal on one port: opens the database (migrating), seeds an empty install,
 * builds the app and listens. `npm start` and the integration tests both come through here.
 */
import type { FastifyInstance } from 'fastify';
import pino, { type Logger } from 'pino';
import { mountCollaboration } from '../collab/server/index.ts';
import { createBlobStore } from '../storage/blobs/index.ts';
import { openDatabase } from '../storage/db.ts';
import { ensurePlatform, isEmpty, seedDemo } from '../storage/seed.ts';
import { buildApp } from './app.ts';
import { RateLimiter } from './auth/rate-limit.ts';
import type { Config } from './config.ts';
import type { AppContext } from './context.ts';
import { createMailer } from './email/mailer.ts';
import { PortalEventBus } from './events.ts';
import { scheduleHousekeeping } from './housekeeping.ts';
import { startNotifications } from './modules/notifications/listeners.ts';
import { scheduleSlaAlerts } from './modules/sla/alerts.ts';
import { queueSnapshot } from './modules/tickets/queue.ts';
import { loadSecretKey } from './secret-key.ts';

export interface RunningPortal {
  app: FastifyInstance;
  ctx: AppContext;
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  seeded: boolean;
  close(): Promise<void>;
}

/**
 * Listens on HOST; the default `::` is dual-stack, so `localhost` works whether a browser
 * resolves it to 127.0.0.1 or ::1. Machines without IPv6 fall back to 0.0.0.0.
 */
async function listen(app: FastifyInstance, config: Config): Promise<void> {
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (config.host !== '::' || (code !== 'EAFNOSUPPORT' && code !== 'EADDRNOTAVAIL')) throw err;
    await app.listen({ port: config.port, host: '0.0.0.0' });
  }
}

export async function startPortal(config: Config, opts: { log?: Logger } = {}): Promise<RunningPortal> {
  const log = opts.log ?? pino({ level: config.logLevel });
  const db = openDatabase(config.dataDir);
  let seeded = false;
  if (isEmpty(db)) {
    if (config.seedDemo) {
      await seedDemo(db);
      seeded = true;
    } else {
      ensurePlatform(db);
    }
  }
  const ctx: AppContext = {
    config,
    db,
    blobs: await createBlobStore(config),
    log,
    mailer: createMailer({
      db,
      dataDir: config.dataDir,
      smtpUrl: config.smtpUrl,
      from: config.mailFrom,
      log,
    }),
    events: new PortalEventBus(),
    limiter: new RateLimiter(db, config.rateLimitScale),
    secretKey: loadSecretKey(config.dataDir, config.secretKeyHex),
    collab: null,
  };
  const app = await buildApp(ctx);
  // The collaboration WebSocket shares the HTTP server (and port): attached before listening.
  const collab = mountCollaboration(ctx, app.server);
  ctx.collab = collab;
  const stopNotifications = startNotifications(ctx);
  const stopHousekeeping = scheduleHousekeeping(ctx);
  const stopSlaAlerts = scheduleSlaAlerts(ctx);
  // Load the in-memory queue index now (seconds at 1M tickets) rather than in the first request.
  queueSnapshot(db);
  await listen(app, config);
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  return {
    app,
    ctx,
    url: `http://${host}:${port}`,
    seeded,
    async close() {
      stopHousekeeping();
      stopNotifications();
      stopSlaAlerts();
      // Sockets first: upgraded sockets would otherwise hold the HTTP server open.
      await collab.close();
      await app.close();
      ctx.mailer.close();
      db.$client.close();
    },
  };
}
