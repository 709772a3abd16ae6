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
  /** S3/MinIO for files (e.g. `http://minio:9000`); unset = files on disk in DATA_DIR/files. */
  S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be a valid S3 bucket name')
    .default('portal'),
  S3_ACCESS_KEY: z.string().min(1).optional(),
  S3_SECRET_KEY: z.string().min(1).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  /** Largest single attachment, in bytes (25 MiB). */
  ATTACHMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(25 * 1024 * 1024),
  /** A ClamAV daemon to scan every upload with (`tcp://clamav:3310`); unset = built-in checks only. */
  CLAMD_URL: z.url({ protocol: /^tcp$/ }).optional(),
  /** Total attachment bytes one client org may store (5 GiB). */
  ORG_STORAGE_QUOTA_BYTES: z.coerce
    .number()
    .int()
    .min(0)
    .default(5 * 1024 ** 3),
});

/** Where files go when S3_ENDPOINT is set (storage/blobs/s3.ts). */
export interface S3Config {
  endPoint: string;
  port: number;
  useSSL: boolean;
  accessKey: string;
  secretKey: string;
  bucket: string;
  region: string;
}

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
  /** S3/MinIO for files, or null for local disk (DATA_DIR/files). */
  s3: S3Config | null;
  attachmentMaxBytes: number;
  orgStorageQuotaBytes: number;
  /** Where clamd listens, or null: uploads then get the built-in EICAR check only. */
  clamd: { host: string; port: number } | null;
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
  if (e.S3_ENDPOINT && (!e.S3_ACCESS_KEY || !e.S3_SECRET_KEY)) {
    const missing = ['S3_ACCESS_KEY', 'S3_SECRET_KEY'].filter((k) => !present[k]);
    throw new ConfigError(
      `Invalid configuration:\n${missing.map((k) => `  ${k}: required when S3_ENDPOINT is set`).join('\n')}`,
    );
  }
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
    s3: e.S3_ENDPOINT ? s3ConfigOf(e.S3_ENDPOINT, e) : null,
    attachmentMaxBytes: e.ATTACHMENT_MAX_BYTES,
    orgStorageQuotaBytes: e.ORG_STORAGE_QUOTA_BYTES,
    clamd: e.CLAMD_URL ? clamdOf(e.CLAMD_URL) : null,
  };
}

function clamdOf(url: string): { host: string; port: number } {
  const u = new URL(url);
  return { host: u.hostname, port: Number(u.port || 3310) };
}

function s3ConfigOf(
  endpoint: string,
  e: { S3_ACCESS_KEY?: string; S3_SECRET_KEY?: string; S3_BUCKET: string; S3_REGION: string },
): S3Config {
  const url = new URL(endpoint);
  const useSSL = url.protocol === 'https:';
  return {
    endPoint: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port ? Number(url.port) : useSSL ? 443 : 80,
    useSSL,
    accessKey: e.S3_ACCESS_KEY ?? '',
    secretKey: e.S3_SECRET_KEY ?? '',
    bucket: e.S3_BUCKET,
    region: e.S3_REGION,
  };
}
