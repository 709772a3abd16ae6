/**
 * Rules for tickets. A ticket lives in a client org; who reaches that org is a typed table per
 * role (like tenants.ts), the matrix says whether the role holds the right at all, and two more
 * things narrow a `client`: the 'tickets' section and their ticket scope (own or organisation).
 * The same functions serve REST, the collaboration server (which document may be opened, and
 * written), search and email; scopes.ts turns the view rule into a where-clause.
 */
import type { Role, TicketStatus, Visibility } from '../../storage/schema.ts';
import { type Actor, isWellPlaced, type TenantRef } from './actor.ts';
import { has } from './matrix.ts';
import { type Reach, reaches } from './tenants.ts';

/** A ticket as the rules need it: where it lives, who asked, and whether it is still open. */
export interface TicketRef {
  id: string;
  /** The client org the ticket belongs to. */
  tenantId: string;
  /** That org's parent: the agency for a partner's client, the platform for a direct client. */
  tenantParentId: string | null;
  requesterId: string;
  status: TicketStatus;
}

/**
 * Per role: how far into the tree they see, change and file tickets, and whether they read
 * internal content (internal notes, the internal document, internal timeline events). A client
 * role never reads internal content and never changes a ticket's relational fields.
 */
// biome-ignore format: one row per role, read as a table.
const TICKET_REACH = {
  super_admin: { view: 'everywhere', update: 'everywhere', create: 'everywhere', internal: true },
  staff: { view: 'everywhere', update: 'everywhere', create: 'everywhere', internal: true },
  partner: { view: 'own_tree', update: 'own_tree', create: 'own_tree', internal: true },
  partner_staff: { view: 'own_tree', update: 'own_tree', create: 'own_tree', internal: true },
  client_admin: { view: 'own_org', update: 'nowhere', create: 'own_org', internal: false },
  client: { view: 'own_org', update: 'nowhere', create: 'own_org', internal: false },
} as const satisfies Record<Role, { view: Reach; update: Reach; create: Reach; internal: boolean }>;

/** The reach of a role's ticket visibility; scopes.ts turns it into a where-clause. */
export function ticketViewReach(role: Role): Reach {
  return TICKET_REACH[role].view;
}

/** Whether the role reads internal ticket content at all (before any tenant check). */
export function readsInternalTickets(role: Role): boolean {
  return TICKET_REACH[role].internal;
}

/**
 * The ticket's org as a TenantRef. Tickets only ever live in client orgs (canCreateTicketIn), and
 * the reaches used for tickets look at id and parent only, never at the kind.
 */
function orgOf(t: TicketRef): TenantRef {
  return { id: t.tenantId, kind: 'client', parentId: t.tenantParentId };
}

/** The `client` role's own narrowing: only their own tickets unless given the whole org's. */
function withinClientScope(actor: Actor, t: TicketRef): boolean {
  if (actor.role !== 'client') return true;
  return t.requesterId === actor.userId || actor.ticketScope === 'organization';
}

/**
 * An actor may see a ticket whose org lies within their view reach: staff every org, an agency
 * its client orgs, a client_admin their own org, a client their own org's tickets they filed
 * (or all of them when their client_admin shares the org's) — and a client only with the
 * 'tickets' section (`has` checks it).
 */
export function canViewTicket(actor: Actor, t: TicketRef): boolean {
  return (
    has(actor, 'tickets.view_own') &&
    reaches(actor, TICKET_REACH[actor.role].view, orgOf(t)) &&
    withinClientScope(actor, t)
  );
}

/**
 * Status, priority, category and assignee are changed by the provider's people anywhere and by an
 * agency's team within its tree; never by a client role (they reply instead).
 */
export function canUpdateTicket(actor: Actor, t: TicketRef): boolean {
  return canViewTicket(actor, t) && canManageTicketsIn(actor, orgOf(t));
}

/**
 * Whether the actor works the tickets of client org `org` (changes them, assigns them, sees who
 * may be assigned): the provider's people in any client org, an agency's team in its own.
 */
export function canManageTicketsIn(actor: Actor, org: TenantRef): boolean {
  return (
    org.kind === 'client' &&
    has(actor, 'tickets.manage_tenant') &&
    reaches(actor, TICKET_REACH[actor.role].update, org)
  );
}

/** Internal notes, events and the `ticket:<id>:internal` document: never for a client role. */
export function canSeeInternalTicket(actor: Actor, t: TicketRef): boolean {
  return readsInternalTickets(actor.role) && canViewTicket(actor, t);
}

/**
 * Whoever sees a ticket co-edits its description (DESIGN.md rule 4: equally trusted prose) until
 * it is closed; a closed ticket's description is the record and opens read-only.
 */
export function canEditTicketDescription(actor: Actor, t: TicketRef): boolean {
  return canViewTicket(actor, t) && t.status !== 'closed';
}

/**
 * A public reply needs sight of the ticket and an unclosed ticket (a closed conversation is over;
 * open a new ticket). An internal note is for those who read internal content, closed or not.
 */
export function canReplyToTicket(actor: Actor, t: TicketRef, visibility: Visibility): boolean {
  if (visibility === 'internal') return canSeeInternalTicket(actor, t);
  return canViewTicket(actor, t) && t.status !== 'closed';
}

/**
 * Tickets are filed in client orgs only: a client into their own org (with the 'tickets'
 * section), an agency's team into its client orgs, the provider's people into any client org.
 */
export function canCreateTicketIn(actor: Actor, org: TenantRef): boolean {
  return (
    isWellPlaced(actor) &&
    org.kind === 'client' &&
    has(actor, 'tickets.submit') &&
    reaches(actor, TICKET_REACH[actor.role].create, org)
  );
}
