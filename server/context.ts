/** What every route and service gets: configuration and the process's shared services. */
import type { Logger } from 'pino';
import type { Collaboration } from '../collab/server/index.ts';
import type { BlobStore } from '../storage/blobs/types.ts';
import type { Db } from '../storage/db.ts';
import type { RateLimiter } from './auth/rate-limit.ts';
import type { Config } from './config.ts';
import type { Mailer } from './email/mailer.ts';
import type { PortalEventBus } from './events.ts';

export interface AppContext {
  config: Config;
  db: Db;
  /** File bytes: local disk, or S3/MinIO when configured. */
  blobs: BlobStore;
  log: Logger;
  mailer: Mailer;
  events: PortalEventBus;
  limiter: RateLimiter;
  /** 32 bytes; encrypts TOTP secrets at rest. */
  secretKey: Buffer;
  /** The collaboration server once mounted; /healthz asks it. */
  collab: Collaboration | null;
}
