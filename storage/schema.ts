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
    /** A client org's attachment quota in bytes; null = the configured default (5 GiB). */
    storageQuotaBytes: integer('storage_quota_bytes'),
    /** A client org's contract lets its people see SLA countdowns on their tickets. */
    slaVisibleToClient: integer('sla_visible_to_client', { mode: 'boolean' }).notNull().default(false),
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
    /** For a `client`: see only their own tickets (null/'own') or the whole organisation's. */
    ticketScope: text('ticket_scope', { enum: ['own', 'organization'] }),
    /** Staff and partner staff: whether round-robin routing may assign them new tickets. */
    available: integer('available', { mode: 'boolean' }).notNull().default(true),
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

// ---- Tickets -------------------------------------------------------------------------------

export const TICKET_STATUSES = [
  'new',
  'open',
  'in_progress',
  'pending_client',
  'resolved',
  'closed',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const TICKET_PRIORITIES = ['low', 'medium', 'high', 'critical'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

export const TICKET_CATEGORIES = [
  'technical_support',
  'billing',
  'general_inquiry',
  'bug_report',
  'feature_request',
] as const;
export type TicketCategory = (typeof TICKET_CATEGORIES)[number];

export const VISIBILITIES = ['client', 'internal'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** Which tickets of their org a `client` sees: their own (default) or the whole organisation's. */
export const TICKET_SCOPES = ['own', 'organization'] as const;
export type TicketScope = (typeof TICKET_SCOPES)[number];

export const tickets = sqliteTable(
  'tickets',
  {
    id: text('id').primaryKey(),
    /** The client org the ticket belongs to. */
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    /** `ACME-1001`: the servicing tenant's prefix (partner, or the platform for direct clients). */
    key: text('key').notNull(),
    subject: text('subject').notNull(),
    category: text('category', { enum: TICKET_CATEGORIES }).notNull(),
    priority: text('priority', { enum: TICKET_PRIORITIES }).notNull(),
    status: text('status', { enum: TICKET_STATUSES }).notNull().default('new'),
    requesterId: text('requester_id')
      .notNull()
      .references(() => users.id),
    assigneeId: text('assignee_id').references(() => users.id),
    /** The team a routing rule (or an agent) put the ticket with; a free label such as `billing`. */
    team: text('team'),
    /** Set when this ticket was merged into another: it is closed and points at the survivor. */
    mergedIntoId: text('merged_into_id').references((): AnySQLiteColumn => tickets.id),
    /** Plain text that seeds the rich-text document the first time it is loaded. */
    initialDescription: text('initial_description'),
    /** Projection Y → SQL of the description document, for lists and search. */
    descriptionText: text('description_text').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
    firstResponseAt: integer('first_response_at', { mode: 'timestamp_ms' }),
    resolvedAt: integer('resolved_at', { mode: 'timestamp_ms' }),
    closedAt: integer('closed_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    uniqueIndex('tickets_key_unique').on(t.key),
    index('tickets_tenant_status_idx').on(t.tenantId, t.status),
    index('tickets_assignee_idx').on(t.assigneeId, t.status),
    index('tickets_requester_idx').on(t.requesterId),
    index('tickets_queue_idx').on(t.status, t.priority, t.createdAt),
    // The queue's response estimate: the latest first responses of one priority, one seek.
    index('tickets_first_response_idx').on(t.priority, t.firstResponseAt),
    // An org's list, newest activity first: walked backwards and stopped at the list's limit
    // instead of sorting every ticket of the org.
    index('tickets_tenant_updated_idx').on(t.tenantId, t.updatedAt, t.id),
  ],
);

/** The next ticket number per key-owning tenant; incremented in the creating transaction. */
export const ticketSequences = sqliteTable('ticket_sequences', {
  tenantId: text('tenant_id')
    .primaryKey()
    .references(() => tenants.id),
  nextNumber: integer('next_number').notNull(),
});

/** The ticket timeline: every change, reply and note, each with its audience. */
export const ticketEvents = sqliteTable(
  'ticket_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ticketId: text('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    tenantId: text('tenant_id').notNull(),
    actorId: text('actor_id'),
    type: text('type').notNull(),
    visibility: text('visibility', { enum: VISIBILITIES }).notNull(),
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [index('ticket_events_ticket_idx').on(t.ticketId, t.id)],
);

/** Replies on a ticket's conversation: public (`client`) or internal, append-only. */
export const ticketReplies = sqliteTable(
  'ticket_replies',
  {
    id: text('id').primaryKey(),
    ticketId: text('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    tenantId: text('tenant_id').notNull(),
    authorId: text('author_id')
      .notNull()
      .references(() => users.id),
    visibility: text('visibility', { enum: VISIBILITIES }).notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('ticket_replies_ticket_idx').on(t.ticketId, t.createdAt)],
);

// ---- Collaboration persistence ----------------------------------------------------------------

/**
 * The compacted state of a collaboration document: a Yjs update that folds every logged update
 * up to `foldedSeq`. Written by `onStoreDocument` in the same transaction that deletes the
 * folded log rows.
 */
export const collabDocuments = sqliteTable('collab_documents', {
  name: text('name').primaryKey(),
  state: blob('state', { mode: 'buffer' }).notNull(),
  foldedSeq: integer('folded_seq').notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});

/**
 * Every incoming Yjs update, appended (WAL, synchronous=FULL) before Hocuspocus applies and
 * acknowledges it: an acknowledged edit survives a crash. `seq` orders replay.
 */
export const collabUpdates = sqliteTable(
  'collab_updates',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    update: blob('update', { mode: 'buffer' }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('collab_updates_name_seq_idx').on(t.name, t.seq)],
);
export * from './schema-attachments.ts';
export * from './schema-service-desk.ts';
