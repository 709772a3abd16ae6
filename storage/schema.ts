/**
 * The relational truth: tenants, people, sign-in state and the audit trail.
 * Every row that belongs to someone carries `tenant_id` (DESIGN.md). Times are epoch milliseconds.
 */
import { sql } from 'drizzle-orm';
import {
  type AnySQLiteColumn,
  blob,
  index,
  integer,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';

export const TENANT_KINDS = ['platform', 'partner', 'client'] as const;
export type TenantKind = (typeof TENANT_KINDS)[number];

export const ROLES = ['super_admin', 'staff', 'partner', 'partner_staff', 'client_admin', 'client'] as const;
export type Role = (typeof ROLES)[number];

export const SECTIONS = ['tickets', 'invoices', 'contracts', 'kb', 'chat', 'messages', 'files'] as const;
export type Section = (typeof SECTIONS)[number];

export const USER_STATUSES = ['active', 'invited', 'deactivated'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export const DOMAIN_STATUSES = ['none', 'requested', 'verified'] as const;
export type DomainStatus = (typeof DOMAIN_STATUSES)[number];

/** Stored branding: every field optional; a missing field is inherited from the parent tenant. */
export interface StoredBranding {
  portalName?: string;
  logoDataUrl?: string;
  primaryColor?: string;
  accentColor?: string;
  loginText?: string;
}

const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(CAST(unixepoch('subsec') * 1000 AS INTEGER))`);

export const tenants = sqliteTable(
  'tenants',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: TENANT_KINDS }).notNull(),
    parentId: text('parent_id').references((): AnySQLiteColumn => tenants.id),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    /** Prefix of this tenant's ticket keys (`KT`, `ACME`), unique across the platform. */
    keyPrefix: text('key_prefix').notNull(),
    branding: text('branding', { mode: 'json' }).$type<StoredBranding>().notNull().default({}),
    customDomain: text('custom_domain'),
    customDomainStatus: text('custom_domain_status', { enum: DOMAIN_STATUSES }).notNull().default('none'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('tenants_slug_unique').on(t.slug),
    uniqueIndex('tenants_key_prefix_unique').on(t.keyPrefix),
    uniqueIndex('tenants_custom_domain_unique').on(t.customDomain),
    index('tenants_parent_idx').on(t.parentId),
  ],
);

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    /** Lower-cased, trimmed; unique across the platform. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash'),
    status: text('status', { enum: USER_STATUSES }).notNull().default('active'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_email_unique').on(t.email)],
);

export const memberships = sqliteTable(
  'memberships',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    role: text('role', { enum: ROLES }).notNull(),
    /** Portal sections a `client` may use, chosen by their client_admin; null = the role's default. */
    sections: text('sections', { mode: 'json' }).$type<Section[]>(),
    createdAt: createdAt(),
  },
  // One membership per user for now: a person belongs to exactly one tenant.
  (t) => [
    uniqueIndex('memberships_user_unique').on(t.userId),
    index('memberships_tenant_idx').on(t.tenantId),
  ],
);

export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** SHA-256 of the token's secret half; the secret itself is never stored. */
    secretHash: blob('secret_hash', { mode: 'buffer' }).notNull(),
    /** False while a password sign-in still waits for its TOTP code. */
    twoFactorVerified: integer('two_factor_verified', { mode: 'boolean' }).notNull(),
    createdAt: createdAt(),
    lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

export const MAGIC_LINK_PURPOSES = ['login', 'invite'] as const;
export type MagicLinkPurpose = (typeof MAGIC_LINK_PURPOSES)[number];

export const magicLinkTokens = sqliteTable(
  'magic_link_tokens',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: blob('token_hash', { mode: 'buffer' }).notNull(),
    purpose: text('purpose', { enum: MAGIC_LINK_PURPOSES }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    usedAt: integer('used_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('magic_link_token_hash_unique').on(t.tokenHash),
    index('magic_link_user_idx').on(t.userId),
  ],
);

export const totpCredentials = sqliteTable('totp_credentials', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** AES-256-GCM of the TOTP key under the server's secret key: iv ‖ tag ‖ ciphertext. */
  secretEncrypted: blob('secret_encrypted', { mode: 'buffer' }).notNull(),
  /** Null until the user confirms enrolment with a first valid code. */
  enabledAt: integer('enabled_at', { mode: 'timestamp_ms' }),
  /** Highest 30-second time step accepted so far: a code is never accepted twice. */
  lastUsedStep: integer('last_used_step').notNull().default(0),
  /** Failed code attempts inside the current window (5 per 30 minutes). */
  failedAttempts: integer('failed_attempts').notNull().default(0),
  failedWindowStart: integer('failed_window_start', { mode: 'timestamp_ms' }),
  createdAt: createdAt(),
});

export const recoveryCodes = sqliteTable(
  'recovery_codes',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: blob('code_hash', { mode: 'buffer' }).notNull(),
    usedAt: integer('used_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
);

/**
 * Token buckets for rate limits, keyed like `ip:login:1.2.3.4`, and failure counters for the
 * growing per-account delay (`login-fail:<email>`: tokens = failures, lockedUntil set).
 * Keyed by the email typed, not the user id, so unknown emails behave exactly like known ones.
 */
export const rateLimitBuckets = sqliteTable('rate_limit_buckets', {
  key: text('key').primaryKey(),
  tokens: real('tokens').notNull(),
  updatedAt: integer('updated_at').notNull(),
  lockedUntil: integer('locked_until'),
});

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tenantId: text('tenant_id'),
    actorUserId: text('actor_user_id'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    ip: text('ip'),
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [index('audit_created_idx').on(t.createdAt), index('audit_tenant_idx').on(t.tenantId, t.createdAt)],
);

/** Every email the portal sent or would have sent; the .eml file lies in DATA_DIR/outbox/. */
export const outboxEmails = sqliteTable(
  'outbox_emails',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id'),
    toAddress: text('to_address').notNull(),
    fromAddress: text('from_address').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html'),
    transport: text('transport', { enum: ['outbox', 'smtp'] }).notNull(),
    file: text('file'),
    error: text('error'),
    createdAt: createdAt(),
  },
  (t) => [index('outbox_created_idx').on(t.createdAt)],
);
