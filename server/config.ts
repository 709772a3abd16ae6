/**
 * Typed configuration, read once from the environment and validated at boot.
 * A bad value stops the process with a message naming the variable (see main.ts).
 */
import { join, resolve } from 'node:path';
import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const ZEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('::'),
  DATA_DIR: z.string().min(1).default('./data'),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  SEED_DEMO: booleanFlag.default(true),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z.string().min(3).default('Portal <no-reply@portal.local>'),
  /** 64 hex chars; encrypts TOTP secrets at rest. Generated into DATA_DIR when absent. */
  SECRET_KEY: z
    .string()
    .regex(/^[0-9a-f]{64}$/i, 'must be 64 hexadecimal characters (32 bytes)')
    .optional(),
  AUDIT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  SESSION_IDLE_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Trust X-Forwarded-* from a reverse proxy (needed for client IPs and https behind one). */
  TRUST_PROXY: booleanFlag.default(false),
  /** Multiplier on rate limits; tests raise it so parallel suites do not trip them. */
  RATE_LIMIT_SCALE: z.coerce.number().min(0.01).max(10000).default(1),
  /** Where the built web client lies (vite's outDir). */
  CLIENT_DIR: z.string().min(1).optional(),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** The portal's own origin, e.g. `http://localhost:3000`; same-origin checks compare to it. */
  publicUrl: URL;
  seedDemo: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
  secretKeyHex: string | undefined;
  auditRetentionDays: number;
  sessionIdleDays: number;
  logLevel: z.infer<typeof ZEnv>['LOG_LEVEL'];
  trustProxy: boolean;
  rateLimitScale: number;
  clientDir: string;
}

export class ConfigError extends Error {}

/** Parses the environment into a Config, or throws a ConfigError listing each bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ZEnv.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const publicUrl = new URL(e.PUBLIC_URL ?? `http://localhost:${e.PORT}`);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.DATA_DIR),
    publicUrl,
    seedDemo: e.SEED_DEMO,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    secretKeyHex: e.SECRET_KEY,
    auditRetentionDays: e.AUDIT_RETENTION_DAYS,
    sessionIdleDays: e.SESSION_IDLE_DAYS,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    rateLimitScale: e.RATE_LIMIT_SCALE,
    clientDir: resolve(e.CLIENT_DIR ?? join(import.meta.dirname, '..', 'dist', 'client')),
  };
}
