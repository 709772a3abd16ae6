/**
 * Reading a ticket's timeline and conversation for REST. Callers load the ticket through the
 * scope first and pass the audiences the actor may read (`canSeeInternalTicket`): internal rows
 * are filtered out in SQL, never after the fact.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../storage/db.ts';
import {
  memberships,
  type Role,
  ticketEvents,
  ticketReplies,
  users,
  type Visibility,
} from '../../../storage/schema.ts';

/** A person as history shows them, with where they belong (the presenter decides what to reveal). */
export interface HistoryPerson {
  id: string;
  name: string;
  role: Role | null;
  tenantId: string | null;
}

/** One timeline entry with its actor resolved. */
export interface TimelineRow {
  id: number;
  type: string;
  visibility: Visibility;
  data: Record<string, unknown> | null;
  createdAt: Date;
  actor: HistoryPerson | null;
}

/** One reply with its author resolved. */
export interface ReplyRow {
  id: string;
  visibility: Visibility;
  body: string;
  createdAt: Date;
  author: HistoryPerson;
}

/** The ticket's timeline entries of the given audiences, oldest first. */
export function listTimeline(db: Db, ticketId: string, audiences: Visibility[]): TimelineRow[] {
  if (audiences.length === 0) return [];
  const rows = db
    .select({
      id: ticketEvents.id,
      type: ticketEvents.type,
      visibility: ticketEvents.visibility,
      data: ticketEvents.data,
      createdAt: ticketEvents.createdAt,
      actorId: users.id,
      actorName: users.name,
      actorRole: memberships.role,
      actorTenantId: memberships.tenantId,
    })
    .from(ticketEvents)
    .leftJoin(users, eq(users.id, ticketEvents.actorId))
    .leftJoin(memberships, eq(memberships.userId, users.id))
    .where(and(eq(ticketEvents.ticketId, ticketId), inArray(ticketEvents.visibility, audiences)))
    .orderBy(asc(ticketEvents.id))
    .all();
  return rows.map((r) => ({
    id: r.id,
    type: r.type,
    visibility: r.visibility,
    data: r.data,
    createdAt: r.createdAt,
    actor:
      r.actorId === null || r.actorName === null
        ? null
        : { id: r.actorId, name: r.actorName, role: r.actorRole, tenantId: r.actorTenantId },
  }));
}

/** The ticket's replies of the given audiences, oldest first. */
export function listConversation(db: Db, ticketId: string, audiences: Visibility[]): ReplyRow[] {
  if (audiences.length === 0) return [];
  const rows = db
    .select({
      id: ticketReplies.id,
      visibility: ticketReplies.visibility,
      body: ticketReplies.body,
      createdAt: ticketReplies.createdAt,
      authorId: users.id,
      authorName: users.name,
      authorRole: memberships.role,
      authorTenantId: memberships.tenantId,
    })
    .from(ticketReplies)
    .innerJoin(users, eq(users.id, ticketReplies.authorId))
    .leftJoin(memberships, eq(memberships.userId, users.id))
    .where(and(eq(ticketReplies.ticketId, ticketId), inArray(ticketReplies.visibility, audiences)))
    .orderBy(asc(ticketReplies.createdAt), asc(ticketReplies.id))
    .all();
  return rows.map((r) => ({
    id: r.id,
    visibility: r.visibility,
    body: r.body,
    createdAt: r.createdAt,
    author: { id: r.authorId, name: r.authorName, role: r.authorRole, tenantId: r.authorTenantId },
  }));
}
