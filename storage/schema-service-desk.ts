/**
 * The service desk's tables beyond tickets themselves: routing rules and the round-robin cursor,
 * canned responses, ticket links, saved filters, notifications with their preferences, SLA alerts
 * already sent, and CSAT ratings. Every row that belongs to someone carries its tenant or user.
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
// schema.ts re-exports this file, so its values are read lazily (inside `references`) only.
import { tenants, tickets, users } from './schema.ts';

const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(CAST(unixepoch('subsec') * 1000 AS INTEGER))`);

/** What a routing rule matches on; every present field must match (AND). Validated by zod on save. */
export interface RoutingConditions {
  categories?: string[];
  priorities?: string[];
  /** Client org ids. */
  orgIds?: string[];
  /** Case-insensitive words, any of which in the subject or description matches. */
  keywords?: string[];
}

/** What a matching rule does on creation. `assignTo: 'round_robin'` picks among available staff. */
export interface RoutingActions {
  assigneeId?: string;
  assignTo?: 'round_robin';
  team?: string;
  priority?: string;
}

/**
 * Auto-routing rules, applied in `position` order on ticket creation; the first match wins.
 * Owned by the servicing tenant (the platform, or a partner for its client orgs).
 */
export const routingRules = sqliteTable(
  'routing_rules',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    name: text('name').notNull(),
    position: integer('position').notNull(),
    enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
    conditions: text('conditions', { mode: 'json' }).$type<RoutingConditions>().notNull(),
    actions: text('actions', { mode: 'json' }).$type<RoutingActions>().notNull(),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('routing_rules_tenant_idx').on(t.tenantId, t.position)],
);

/** The last person round-robin assigned, per servicing tenant (the next pick follows them). */
export const roundRobinCursors = sqliteTable('round_robin_cursors', {
  tenantId: text('tenant_id')
    .primaryKey()
    .references(() => tenants.id),
  lastUserId: text('last_user_id'),
});

/** Reply templates: personal (`ownerId` set) or shared across the servicing tenant (`ownerId` null). */
export const cannedResponses = sqliteTable(
  'canned_responses',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    ownerId: text('owner_id').references(() => users.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    /** Text with placeholders such as {{client.name}}, {{ticket.key}}, {{agent.name}}. */
    body: text('body').notNull(),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('canned_responses_tenant_idx').on(t.tenantId, t.ownerId)],
);

export const TICKET_LINK_KINDS = ['related', 'duplicate'] as const;
export type TicketLinkKind = (typeof TICKET_LINK_KINDS)[number];

/** A link between two tickets of the same client org, stored once with `ticketId < linkedId`. */
export const ticketLinks = sqliteTable(
  'ticket_links',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    ticketId: text('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    linkedId: text('linked_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: TICKET_LINK_KINDS }).notNull(),
    createdBy: text('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('ticket_links_pair_unique').on(t.ticketId, t.linkedId),
    index('ticket_links_linked_idx').on(t.linkedId),
  ],
);

/** A user's named ticket-list filter: the list's query string parameters. */
export const savedFilters = sqliteTable(
  'saved_filters',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    query: text('query', { mode: 'json' }).$type<Record<string, string>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('saved_filters_user_name_unique').on(t.userId, t.name)],
);

export const NOTIFICATION_TYPES = [
  'reply',
  'status_change',
  'assignment',
  'mention',
  'sla_near_breach',
  'action_required',
  'csat_request',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/**
 * One user's in-app notification. `title`/`body` are written for that user's audience at
 * creation (never internal content for a client); `ticketId` is the click-through target.
 */
export const notifications = sqliteTable(
  'notifications',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tenantId: text('tenant_id').notNull(),
    type: text('type', { enum: NOTIFICATION_TYPES }).notNull(),
    ticketId: text('ticket_id').references(() => tickets.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    readAt: integer('read_at', { mode: 'timestamp_ms' }),
    /** Set once the notification went out in a daily digest email. */
    digestedAt: integer('digested_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt),
    index('notifications_unread_idx').on(t.userId, t.readAt),
  ],
);

/** A user's choice per notification type; a missing row means the type's default (both on). */
export const notificationPreferences = sqliteTable(
  'notification_preferences',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: text('type', { enum: NOTIFICATION_TYPES }).notNull(),
    inApp: integer('in_app', { mode: 'boolean' }).notNull(),
    email: integer('email', { mode: 'boolean' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.type] })],
);

/** Per-user notification settings: the daily digest instead of one email per notification. */
export const notificationSettings = sqliteTable('notification_settings', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  dailyDigest: integer('daily_digest', { mode: 'boolean' }).notNull().default(false),
  lastDigestAt: integer('last_digest_at', { mode: 'timestamp_ms' }),
});

/** SLA alerts already raised, so each (ticket, target, level) notifies once. */
export const slaAlerts = sqliteTable(
  'sla_alerts',
  {
    ticketId: text('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    target: text('target', { enum: ['first_response', 'resolution'] }).notNull(),
    level: text('level', { enum: ['near_breach', 'breached'] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.ticketId, t.target, t.level] })],
);

/** The client's rating of a resolved ticket: one per ticket, by a client who may see it. */
export const csatRatings = sqliteTable(
  'csat_ratings',
  {
    id: text('id').primaryKey(),
    ticketId: text('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    tenantId: text('tenant_id').notNull(),
    raterId: text('rater_id')
      .notNull()
      .references(() => users.id),
    rating: integer('rating').notNull(),
    comment: text('comment').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('csat_ratings_ticket_unique').on(t.ticketId), index('csat_tenant_idx').on(t.tenantId)],
);
