/**
 * Where-clauses that scope list queries to what the actor may see, built from the same reach
 * tables as the rules (tenants.ts, platform.ts), so a list never shows a row whose detail page
 * would be a 404. `undefined` means "no restriction" and is only returned for a reach of
 * everywhere; a caller must still combine the result with its own filters using `and(...)`.
 */
import { and, eq, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import { type AnySQLiteColumn, QueryBuilder } from 'drizzle-orm/sqlite-core';
import { auditLog, memberships, tenants, tickets } from '../../storage/schema.ts';
import { type Actor, isWellPlaced } from './actor.ts';
import { has } from './matrix.ts';
import { auditReach } from './platform.ts';
import { type Reach, viewReach } from './tenants.ts';
import { ticketViewReach } from './tickets.ts';

/** A condition that matches no row: the answer for a reach of nowhere or a misplaced actor. */
function nothing(): SQL {
  return sql`0`;
}

/** Condition over the `tenants` table for the tenants within `reach` of the actor. */
function tenantsWithin(actor: Actor, reach: Reach): SQL | undefined {
  if (!isWellPlaced(actor)) return nothing();
  switch (reach) {
    case 'everywhere':
      return undefined;
    case 'below_platform':
      return ne(tenants.kind, 'platform');
    case 'own_tree':
      return or(eq(tenants.id, actor.tenantId), eq(tenants.parentId, actor.tenantId)) ?? nothing();
    case 'own_org':
      return eq(tenants.id, actor.tenantId);
    case 'nowhere':
      return nothing();
  }
}

/**
 * Condition over any `tenant_id` column for rows of tenants within `reach`. Rows without a
 * tenant (platform-level events) only match when the reach is everywhere.
 */
function tenantColumnWithin(actor: Actor, reach: Reach, column: AnySQLiteColumn): SQL | undefined {
  if (!isWellPlaced(actor)) return nothing();
  if (reach === 'everywhere') return undefined;
  if (reach === 'own_org') return eq(column, actor.tenantId);
  const inReach = tenantsWithin(actor, reach);
  const ids = new QueryBuilder().select({ id: tenants.id }).from(tenants).where(inReach);
  return inArray(column, ids);
}

/**
 * Where-clause over `tenants` selecting exactly the tenants `canViewTenant` allows;
 * undefined (no restriction) only for roles that see every tenant (super_admin, staff).
 */
export function tenantScope(actor: Actor): SQL | undefined {
  return tenantsWithin(actor, viewReach(actor.role));
}

/**
 * Where-clause over `memberships.tenantId` for user lists: the people of tenants the actor may
 * see, matching `canViewUser`.
 */
export function membershipScope(actor: Actor): SQL | undefined {
  return tenantColumnWithin(actor, viewReach(actor.role), memberships.tenantId);
}

/**
 * Where-clause over `audit_log.tenantId` for the audit list, matching `canViewAuditLog`. Callers
 * should refuse the route first with `canViewAuditLog(actor)`; for roles without an audit log
 * this clause matches nothing anyway.
 */
export function auditScope(actor: Actor): SQL | undefined {
  return tenantColumnWithin(actor, auditReach(actor.role), auditLog.tenantId);
}

/**
 * Where-clause over `tickets` selecting exactly the tickets `canViewTicket` allows, so a list
 * never shows a ticket whose detail is a 404. The org's parent is read through a sub-select of
 * `tenants`, so callers need no join. undefined (no restriction) only for super_admin and staff.
 */
export function ticketScopeWhere(actor: Actor): SQL | undefined {
  // The matrix row is checked first: a `client` without the 'tickets' section sees none.
  if (!has(actor, 'tickets.view_own')) return nothing();
  const inReach = tenantColumnWithin(actor, ticketViewReach(actor.role), tickets.tenantId);
  // A client sees their own tickets unless their client_admin shared the organisation's.
  if (actor.role === 'client' && actor.ticketScope !== 'organization') {
    return and(inReach, eq(tickets.requesterId, actor.userId)) ?? nothing();
  }
  return inReach;
}
