/**
 * Who hears what about a ticket. Each trigger picks its candidates from the ticket, drops the
 * person who caused it, loads the ticket through each candidate's own policy scope (readerOf)
 * and writes the words for that reader. Internal content (notes, assignments, SLA alerts) is
 * only ever addressed to readers of internal content.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../storage/db.ts';
import {
  memberships,
  type Role,
  type TicketStatus,
  tenants,
  ticketReplies,
  tickets,
  users,
} from '../../../storage/schema.ts';
import type { AppContext } from '../../context.ts';
import { canUpdateTicket } from '../../policy/index.ts';
import { ticketRefOf } from '../tickets/access.ts';
import { mentionedDeskPeople } from './mentions.ts';
import {
  assignmentMessage,
  type Message,
  mentionMessage,
  replyMessage,
  slaMessage,
  statusMessage,
} from './messages.ts';
import { notify } from './notify.ts';
import { nameFor, type Reader, readerOf } from './reader.ts';

/** Creates the notification for a reader, in the reader's own tenant. */
function send(ctx: AppContext, reader: Reader, message: Message): void {
  notify(ctx, {
    userId: reader.actor.userId,
    tenantId: reader.actor.tenantId,
    type: message.type,
    ticketId: reader.ticket.id,
    title: message.title,
    body: message.body,
  });
}

/** The ticket's people and place, read without a scope: only ids, never shown to anyone. */
function ticketFacts(db: Db, ticketId: string) {
  return db
    .select({
      requesterId: tickets.requesterId,
      assigneeId: tickets.assigneeId,
      // The org's parent is the servicing desk: the agency, or the platform for a direct client.
      deskId: tenants.parentId,
    })
    .from(tickets)
    .innerJoin(tenants, eq(tenants.id, tickets.tenantId))
    .where(eq(tickets.id, ticketId))
    .get();
}

/**
 * A reply or internal note: mentioned desk people get `mention`; the requester (public replies
 * only) and the assignee get `reply`; the author gets nothing. An internal note reaches only
 * readers of internal content, so its text never lands in a client's inbox or email.
 */
export function onReplyAdded(ctx: AppContext, replyId: string): void {
  const reply = ctx.db
    .select({
      ticketId: ticketReplies.ticketId,
      authorId: ticketReplies.authorId,
      visibility: ticketReplies.visibility,
      body: ticketReplies.body,
      authorName: users.name,
      authorTenantId: memberships.tenantId,
    })
    .from(ticketReplies)
    .innerJoin(users, eq(users.id, ticketReplies.authorId))
    .leftJoin(memberships, eq(memberships.userId, ticketReplies.authorId))
    .where(eq(ticketReplies.id, replyId))
    .get();
  if (!reply) return;
  const facts = ticketFacts(ctx.db, reply.ticketId);
  if (!facts) return;
  const internal = reply.visibility === 'internal';
  const author = { id: reply.authorId, name: reply.authorName, tenantId: reply.authorTenantId };
  const done = new Set<string>([reply.authorId]);

  for (const person of mentionedDeskPeople(ctx.db, reply.body, facts.deskId)) {
    if (done.has(person.id)) continue;
    const reader = readerOf(ctx.db, person.id, reply.ticketId);
    // A mention is for the desk; an internal one only for those who read internal notes.
    if (!reader?.internal) continue;
    done.add(person.id);
    send(ctx, reader, mentionMessage(reader, nameFor(reader, author), reply.body));
  }

  const candidates = internal ? [facts.assigneeId] : [facts.requesterId, facts.assigneeId];
  for (const userId of candidates) {
    if (!userId || done.has(userId)) continue;
    done.add(userId);
    const reader = readerOf(ctx.db, userId, reply.ticketId);
    if (!reader || (internal && !reader.internal)) continue;
    send(ctx, reader, replyMessage(reader, nameFor(reader, author), reply.body, internal));
  }
}

/** A status move tells the requester (unless they made it); pending_client asks for their reply. */
export function onStatusChanged(
  ctx: AppContext,
  ticketId: string,
  actorId: string | null,
  to: TicketStatus,
): void {
  const facts = ticketFacts(ctx.db, ticketId);
  if (!facts || facts.requesterId === actorId) return;
  const reader = readerOf(ctx.db, facts.requesterId, ticketId);
  if (reader) send(ctx, reader, statusMessage(reader, to));
}

/** The new assignee hears of it, unless they took the ticket themselves. */
export function onAssigned(
  ctx: AppContext,
  ticketId: string,
  actorId: string | null,
  assigneeId: string | null,
): void {
  if (!assigneeId || assigneeId === actorId) return;
  const reader = readerOf(ctx.db, assigneeId, ticketId);
  if (!reader?.internal) return;
  const by = actorId
    ? ctx.db.select({ name: users.name }).from(users).where(eq(users.id, actorId)).get()
    : undefined;
  send(ctx, reader, assignmentMessage(reader, by?.name ?? null));
}

const DESK_ROLES: Record<'platform' | 'partner', Role[]> = {
  platform: ['super_admin', 'staff'],
  partner: ['partner', 'partner_staff'],
};

/**
 * An SLA alert goes to the assignee; an unassigned ticket's alert goes to everyone at the
 * servicing desk (the platform's admins and staff, or the agency's team) who may work it.
 */
export function onSlaAlert(
  ctx: AppContext,
  ticketId: string,
  target: 'first_response' | 'resolution',
  level: 'near_breach' | 'breached',
): void {
  const facts = ticketFacts(ctx.db, ticketId);
  if (!facts) return;
  const people = facts.assigneeId ? [facts.assigneeId] : deskPeopleOf(ctx.db, facts.deskId);
  for (const userId of people) {
    const reader = readerOf(ctx.db, userId, ticketId);
    if (!reader?.internal || !canUpdateTicket(reader.actor, ticketRefOf(reader.ticket))) continue;
    send(ctx, reader, slaMessage(reader, target, level));
  }
}

/** The working roles of desk tenant `deskId` (the platform's admins and staff, or the agency's team). */
function deskPeopleOf(db: Db, deskId: string | null): string[] {
  if (!deskId) return [];
  const desk = db.select({ kind: tenants.kind }).from(tenants).where(eq(tenants.id, deskId)).get();
  if (!desk || desk.kind === 'client') return [];
  return db
    .select({ id: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.tenantId, deskId), inArray(memberships.role, DESK_ROLES[desk.kind])))
    .all()
    .map((m) => m.id);
}
