/**
 * How the rest of the portal reaches a ticket: the REST routes and the collaboration server
 * (onAuthenticate, the Y → SQL projection, the thread writer) load tickets only through these,
 * so a ticket the actor may not see is simply not found.
 */
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../../storage/db.ts';
import {
  memberships,
  tenants,
  ticketReplies,
  tickets,
  users,
  type Visibility,
} from '../../../storage/schema.ts';
import { type Actor, type TicketRef, ticketScopeWhere } from '../../policy/index.ts';
import { perKey, rowReader } from '../../prepared.ts';

const requester = alias(users, 'requester');
const assignee = alias(users, 'assignee');
const servicer = alias(tenants, 'servicer');
const requesterMembership = alias(memberships, 'requester_membership');

/** The columns a ticket view is built from, with its org and people resolved. */
const TICKET_COLUMNS = {
  id: tickets.id,
  tenantId: tickets.tenantId,
  key: tickets.key,
  subject: tickets.subject,
  category: tickets.category,
  priority: tickets.priority,
  status: tickets.status,
  requesterId: tickets.requesterId,
  assigneeId: tickets.assigneeId,
  team: tickets.team,
  mergedIntoId: tickets.mergedIntoId,
  initialDescription: tickets.initialDescription,
  descriptionText: tickets.descriptionText,
  createdAt: tickets.createdAt,
  updatedAt: tickets.updatedAt,
  firstResponseAt: tickets.firstResponseAt,
  resolvedAt: tickets.resolvedAt,
  closedAt: tickets.closedAt,
  tenantName: tenants.name,
  tenantParentId: tenants.parentId,
  tenantSlaVisibleToClient: tenants.slaVisibleToClient,
  servicingName: servicer.name,
  requesterName: requester.name,
  requesterTenantId: requesterMembership.tenantId,
  assigneeName: assignee.name,
};

/**
 * A ticket row with its org's name and parent, the servicing tenant's name (the org's parent:
 * the agency, or the provider for a direct client) and its requester's and assignee's names.
 */
export type TicketRow = typeof tickets.$inferSelect & {
  tenantName: string;
  tenantParentId: string | null;
  /** The org's contract lets its client people see SLA countdowns. */
  tenantSlaVisibleToClient: boolean;
  servicingName: string | null;
  requesterName: string;
  /** The requester's org: a client viewer sees a requester from outside it as the servicer. */
  requesterTenantId: string | null;
  assigneeName: string | null;
};

/** A raw row of `selectTickets` (fetched with `.values()`) as a TicketRow. */
export const readTicketRow = rowReader<TicketRow>(TICKET_COLUMNS);

/** Tickets joined to what every view needs; callers add the scope and their filters. */
export function selectTickets(db: Db) {
  return db
    .select(TICKET_COLUMNS)
    .from(tickets)
    .innerJoin(tenants, eq(tenants.id, tickets.tenantId))
    .leftJoin(servicer, eq(servicer.id, tenants.parentId))
    .innerJoin(requester, eq(requester.id, tickets.requesterId))
    .leftJoin(requesterMembership, eq(requesterMembership.userId, tickets.requesterId))
    .leftJoin(assignee, eq(assignee.id, tickets.assigneeId));
}

/**
 * The cache key of a statement whose where-clause is the policy's ticket scope for this actor:
 * the whole actor, so a statement is only shared by callers for whom `ticketScopeWhere` builds
 * the same clause. A changed role, org, section or ticket scope is a new key (loadActor builds
 * the actor afresh), never a stale statement.
 */
export function scopeKey(actor: Actor): string {
  return JSON.stringify(actor);
}

function buildFindVisible(db: Db, actor: Actor) {
  return selectTickets(db)
    .where(and(eq(tickets.id, sql.placeholder('id')), ticketScopeWhere(actor)))
    .prepare();
}

/**
 * `findVisibleTicket`'s statement per database and actor, the most recent 2,048: live pushes look
 * a ticket up for every connected user, so the cache must hold a busy node's users.
 */
const findStatements = perKey<ReturnType<typeof buildFindVisible>>(2048);

/**
 * Loads a ticket by id *through* the actor's ticket scope: undefined when it does not exist or
 * the actor may not see it, so callers answer 404 either way and never confirm existence.
 */
export function findVisibleTicket(db: Db, actor: Actor, id: string): TicketRow | undefined {
  const [row] = findStatements(db, scopeKey(actor), () => buildFindVisible(db, actor)).values({ id });
  return row ? readTicketRow(row) : undefined;
}

/** The policy's view of a ticket row. */
export function ticketRefOf(row: TicketRow): TicketRef {
  return {
    id: row.id,
    tenantId: row.tenantId,
    tenantParentId: row.tenantParentId,
    requesterId: row.requesterId,
    status: row.status,
  };
}

/**
 * The Y → SQL projection of the description document (DESIGN.md rule 3), called by the
 * collaboration server when it stores `ticket:<id>`. Only a real change touches the row (and its
 * updatedAt), so re-storing an unchanged document does not reorder "recently updated" lists.
 * Returns whether the text changed, for a caller that wants to announce it.
 */
export function setTicketDescriptionText(db: Db, ticketId: string, text: string): boolean {
  const result = db
    .update(tickets)
    .set({ descriptionText: text, updatedAt: new Date() })
    .where(and(eq(tickets.id, ticketId), ne(tickets.descriptionText, text)))
    .run();
  return result.changes > 0;
}

/** A reply as the thread document shows it. */
export interface ThreadReply {
  id: string;
  authorId: string;
  authorName: string;
  /**
   * The author as a client may see them (docs/API.md TicketPerson): people of the ticket's own
   * org by id and name; the provider's and the agency's people as the servicing organisation,
   * `{id: null, name: 'Acme Agency'}`. A document a client can open should carry these.
   */
  publicAuthor: { id: string | null; name: string };
  visibility: Visibility;
  body: string;
  createdAt: Date;
}

/**
 * A person on a ticket as a client may see them: people of the ticket's own org as themselves,
 * anyone else (the provider's or the agency's people) as the servicing organisation — so agents'
 * ids never reach a client, and a white-label agency's clients never learn who stands behind it.
 */
export function clientFacingPerson(
  person: { id: string; name: string; tenantId: string | null },
  ticket: { tenantId: string; servicingName: string | null },
): { id: string | null; name: string } {
  if (person.tenantId === ticket.tenantId) return { id: person.id, name: person.name };
  return { id: null, name: ticket.servicingName ?? 'Support' };
}

const author = alias(users, 'author');
const authorMembership = alias(memberships, 'author_membership');

/**
 * A ticket's replies of the given audiences, oldest first: the collaboration server builds the
 * read-only `ticket:<id>:thread` document from it. The caller decides the audiences with
 * `canSeeInternalTicket`; a client's thread must be built with `['client']` only.
 */
export function listTicketReplies(db: Db, ticketId: string, visibilities: Visibility[]): ThreadReply[] {
  // An empty audience list selects nothing, rather than an `IN ()` a driver might mis-handle.
  if (visibilities.length === 0) return [];
  const rows = db
    .select({
      id: ticketReplies.id,
      authorId: ticketReplies.authorId,
      authorName: author.name,
      authorTenantId: authorMembership.tenantId,
      ticketTenantId: ticketReplies.tenantId,
      servicingName: servicer.name,
      visibility: ticketReplies.visibility,
      body: ticketReplies.body,
      createdAt: ticketReplies.createdAt,
    })
    .from(ticketReplies)
    .innerJoin(author, eq(author.id, ticketReplies.authorId))
    .leftJoin(authorMembership, eq(authorMembership.userId, ticketReplies.authorId))
    .innerJoin(tenants, eq(tenants.id, ticketReplies.tenantId))
    .leftJoin(servicer, eq(servicer.id, tenants.parentId))
    .where(and(eq(ticketReplies.ticketId, ticketId), inArray(ticketReplies.visibility, visibilities)))
    .orderBy(asc(ticketReplies.createdAt), asc(ticketReplies.id))
    .all();
  return rows.map((r) => ({
    id: r.id,
    authorId: r.authorId,
    authorName: r.authorName,
    publicAuthor: clientFacingPerson(
      { id: r.authorId, name: r.authorName, tenantId: r.authorTenantId },
      { tenantId: r.ticketTenantId, servicingName: r.servicingName },
    ),
    visibility: r.visibility,
    body: r.body,
    createdAt: r.createdAt,
  }));
}
