/**
 * Rules for the service desk's tools: routing rules, canned responses, saved filters,
 * notifications, CSAT, and the service settings of a client org (storage quota, SLA visibility).
 * A "servicing tenant" is the one whose people work a ticket: the platform for provider staff,
 * the agency for partner people; client roles have none.
 */
import type { Role } from '../../storage/schema.ts';
import { type Actor, isWellPlaced, type TenantRef } from './actor.ts';
import { canSeeInternalTicket, canUpdateTicket, canViewTicket, type TicketRef } from './tickets.ts';

/** The tenant whose desk the actor works at, or null for client roles (and misplaced actors). */
export function servicingTenantOf(actor: Actor): string | null {
  if (!isWellPlaced(actor)) return null;
  return actor.tenantKind === 'client' ? null : actor.tenantId;
}

/** Roles that configure their desk (routing rules, shared canned responses). */
// biome-ignore format: one row per role, read as a table.
const CONFIGURES_DESK = {
  super_admin: true, staff: true, partner: true, partner_staff: false, client_admin: false, client: false,
} as const satisfies Record<Role, boolean>;

/** May the actor manage the routing rules (and shared canned responses) of `tenantId`'s desk? */
export function canConfigureDesk(actor: Actor, tenantId: string): boolean {
  return CONFIGURES_DESK[actor.role] && servicingTenantOf(actor) === tenantId;
}

/** Everyone working a desk uses its canned responses and keeps personal ones. */
export function canUseDeskTools(actor: Actor): boolean {
  return servicingTenantOf(actor) !== null;
}

/** A canned response as the rules need it. */
export interface CannedRef {
  tenantId: string;
  /** null: shared with the desk. */
  ownerId: string | null;
}

/** Sees a canned response: the desk's shared ones, and one's own personal ones. */
export function canViewCanned(actor: Actor, c: CannedRef): boolean {
  if (servicingTenantOf(actor) !== c.tenantId) return false;
  return c.ownerId === null || c.ownerId === actor.userId;
}

/** Changes a canned response: its owner, or for shared ones whoever configures the desk. */
export function canEditCanned(actor: Actor, c: CannedRef): boolean {
  if (servicingTenantOf(actor) !== c.tenantId) return false;
  return c.ownerId === null ? canConfigureDesk(actor, c.tenantId) : c.ownerId === actor.userId;
}

/** Saved filters and notifications belong to one user: only they read or change them. */
export function ownsPersonalRecord(actor: Actor, ownerUserId: string): boolean {
  return isWellPlaced(actor) && actor.userId === ownerUserId;
}

/**
 * Rates a ticket's resolution: a client role who may see the ticket, once it is resolved or
 * closed. (Only once: the store's unique index refuses a second rating.)
 */
export function canRateTicket(actor: Actor, t: TicketRef): boolean {
  if (actor.tenantKind !== 'client') return false;
  if (t.status !== 'resolved' && t.status !== 'closed') return false;
  return canViewTicket(actor, t);
}

/** Links, merges and bulk changes: whoever may change both (each) ticket's fields. */
export function canLinkTickets(actor: Actor, a: TicketRef, b: TicketRef): boolean {
  return a.tenantId === b.tenantId && canUpdateTicket(actor, a) && canUpdateTicket(actor, b);
}

/**
 * Sets a client org's service settings (attachment quota, whether its people see SLA
 * countdowns): provider admins and staff for any client org, a partner for its own clients.
 */
export function canConfigureServiceSettings(actor: Actor, org: TenantRef): boolean {
  if (!isWellPlaced(actor) || org.kind !== 'client') return false;
  if (actor.role === 'super_admin' || actor.role === 'staff') return true;
  return actor.role === 'partner' && org.parentId === actor.tenantId;
}

/** The ticket widgets of the dashboard (GET /api/dashboard/tickets). */
export type DashboardWidget =
  | 'open_tickets'
  | 'recent_updates'
  | 'my_tickets'
  | 'unassigned'
  | 'near_breach'
  | 'by_org'
  | 'volume'
  | 'sla_compliance';

/**
 * Which ticket widgets each role's dashboard shows: clients follow their own requests; the desk
 * (provider staff, an agency's team) works queues; only a super_admin sees the provider-wide
 * figures (volume, SLA compliance). Every widget's data is still read through the ticket scope.
 */
// biome-ignore format: one row per role, read as a table.
const DASHBOARD_WIDGETS = {
  super_admin: ['my_tickets', 'unassigned', 'near_breach', 'volume', 'sla_compliance'],
  staff: ['my_tickets', 'unassigned', 'near_breach'],
  partner: ['by_org', 'my_tickets', 'unassigned'],
  partner_staff: ['by_org', 'my_tickets', 'unassigned'],
  client_admin: ['open_tickets', 'recent_updates'],
  client: ['open_tickets', 'recent_updates'],
} as const satisfies Record<Role, readonly DashboardWidget[]>;

/** The actor's dashboard ticket widgets (callers also require `tickets.view_own`). */
export function dashboardWidgetsFor(actor: Actor): readonly DashboardWidget[] {
  return isWellPlaced(actor) ? DASHBOARD_WIDGETS[actor.role] : [];
}

/**
 * Reads a ticket's CSAT rating: the service side (whoever sees the ticket's internal side) and
 * the client who gave it; other people of the client org learn only that it was rated.
 */
export function canSeeCsatRating(actor: Actor, t: TicketRef, raterId: string): boolean {
  if (!canViewTicket(actor, t)) return false;
  return canSeeInternalTicket(actor, t) || actor.userId === raterId;
}
