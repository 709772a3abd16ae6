/**
 * Builders shared by the demo seed and the test factories, so tests and the demo describe the
 * same world. Each inserts one row (or a user with their membership) and returns it.
 */
import { hash } from '@node-rs/argon2';
import { eq } from 'drizzle-orm';
import { newId } from '../server/ids.ts';
import { allocateTicketKey } from '../server/modules/tickets/numbering.ts';
import { appendTicketEvent } from '../server/modules/tickets/timeline.ts';
import type { Db } from './db.ts';
import {
  memberships,
  type Role,
  type Section,
  type StoredBranding,
  type TenantKind,
  type TicketScope,
  tenants,
  ticketReplies,
  tickets,
  type UserStatus,
  users,
  type Visibility,
} from './schema.ts';

const id = newId;

export interface TenantInput {
  kind: TenantKind;
  name: string;
  slug: string;
  keyPrefix: string;
  parentId?: string | null;
  branding?: StoredBranding;
  customDomain?: string | null;
  customDomainStatus?: 'none' | 'requested' | 'verified';
}

export function buildTenant(db: Db, input: TenantInput) {
  return db
    .insert(tenants)
    .values({
      id: id(),
      kind: input.kind,
      name: input.name,
      slug: input.slug,
      keyPrefix: input.keyPrefix,
      parentId: input.parentId ?? null,
      branding: input.branding ?? {},
      customDomain: input.customDomain ?? null,
      customDomainStatus: input.customDomainStatus ?? 'none',
    })
    .returning()
    .get();
}

export interface UserInput {
  email: string;
  name: string;
  role: Role;
  tenantId: string;
  /** Plain password to hash; omit for a passwordless (invited / magic-link) user. */
  password?: string;
  status?: UserStatus;
  sections?: Section[] | null;
  /** For a `client`: 'organization' to see the whole org's tickets; omitted = their own only. */
  ticketScope?: TicketScope | null;
}

/** Cheap argon2id parameters are for tests only; the seed and the app use the real ones. */
export async function buildUser(db: Db, input: UserInput, opts: { fastHash?: boolean } = {}) {
  const passwordHash = input.password
    ? await hash(
        input.password,
        opts.fastHash
          ? { memoryCost: 1024, timeCost: 1, parallelism: 1 }
          : { memoryCost: 19456, timeCost: 2, parallelism: 1 },
      )
    : null;
  return db.transaction((tx) => {
    const user = tx
      .insert(users)
      .values({
        id: id(),
        email: input.email.toLowerCase(),
        name: input.name,
        passwordHash,
        status: input.status ?? 'active',
      })
      .returning()
      .get();
    const membership = tx
      .insert(memberships)
      .values({
        id: id(),
        userId: user.id,
        tenantId: input.tenantId,
        role: input.role,
        sections: input.sections ?? null,
        ticketScope: input.ticketScope ?? null,
      })
      .returning()
      .get();
    return { ...user, role: membership.role, tenantId: membership.tenantId };
  });
}

type TicketInsert = typeof tickets.$inferInsert;

/** Who filed what where; every other column is optional (the demo back-dates its history). */
export type TicketInput = Pick<TicketInsert, 'tenantId' | 'requesterId' | 'subject'> &
  Partial<
    Pick<
      TicketInsert,
      | 'category'
      | 'priority'
      | 'status'
      | 'assigneeId'
      | 'updatedAt'
      | 'firstResponseAt'
      | 'resolvedAt'
      | 'closedAt'
    >
  > & {
    /** Plain text; seeds the description document and its projection. */
    description?: string;
    createdAt?: Date;
  };

/**
 * A ticket with a real key from its servicing tenant's sequence (so later tickets filed through
 * the API continue the numbering) and its `created` timeline entry.
 */
export function buildTicket(db: Db, input: TicketInput) {
  const { description, createdAt = new Date(), ...columns } = input;
  return db.transaction(
    (tx) => {
      const ticket = tx
        .insert(tickets)
        .values({
          category: 'general_inquiry',
          priority: 'medium',
          updatedAt: createdAt,
          ...columns,
          id: id(),
          key: allocateTicketKey(tx, input.tenantId),
          initialDescription: description ?? null,
          descriptionText: description ?? '',
          createdAt,
        })
        .returning()
        .get();
      const created = { type: 'created', visibility: 'client', createdAt } as const;
      appendTicketEvent(tx, {
        ticketId: ticket.id,
        tenantId: ticket.tenantId,
        actorId: ticket.requesterId,
        ...created,
      });
      return ticket;
    },
    { behavior: 'immediate' },
  );
}

export interface TicketReplyInput {
  ticketId: string;
  authorId: string;
  body: string;
  visibility?: Visibility;
  createdAt?: Date;
}

/** A reply (or internal note) on a ticket, with its `reply_added` timeline entry. */
export function buildTicketReply(db: Db, input: TicketReplyInput) {
  return db.transaction((tx) => {
    const ticket = tx
      .select({ tenantId: tickets.tenantId })
      .from(tickets)
      .where(eq(tickets.id, input.ticketId))
      .get();
    if (!ticket) throw new Error(`No ticket ${input.ticketId}`);
    const reply = tx
      .insert(ticketReplies)
      .values({
        id: id(),
        ticketId: input.ticketId,
        tenantId: ticket.tenantId,
        authorId: input.authorId,
        visibility: input.visibility ?? 'client',
        body: input.body,
        createdAt: input.createdAt ?? new Date(),
      })
      .returning()
      .get();
    appendTicketEvent(tx, {
      ticketId: input.ticketId,
      tenantId: ticket.tenantId,
      actorId: input.authorId,
      type: 'reply_added',
      visibility: reply.visibility,
      data: { replyId: reply.id },
      createdAt: reply.createdAt,
    });
    return reply;
  });
}
