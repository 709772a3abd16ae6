/**
 * The dashboard: the caller's own organization and its people, the organizations below it that
 * they may see, how much they can see in all, and the ticket widgets of their role. Every read
 * goes through the policy's scopes.
 */
import type { AppContext } from '../../context.ts';
import { notFound } from '../../http/errors.ts';
import { type Actor, type DashboardWidget, dashboardWidgetsFor, has } from '../../policy/index.ts';
import {
  countVisibleTenants,
  findVisibleTenant,
  listVisibleChildOrgs,
  unsafeTenantName,
} from '../tenants/queries.ts';
import { countVisibleMembers, listNewestMembers } from '../users/queries.ts';
import { openTicketsWidget, recentUpdatesWidget } from './client-widgets.ts';
import { byOrgWidget, myTicketsWidget, nearBreachWidget, unassignedWidget } from './desk-widgets.ts';
import { slaComplianceWidget, volumeWidget } from './report-widgets.ts';

/** At most this many of the caller's own org's people, newest first. */
export const DASHBOARD_PEOPLE_LIMIT = 50;
/** At most this many child organizations; `counts.childOrganizations` has the full number. */
export const DASHBOARD_CHILD_LIMIT = 200;

/** Builds `GET /api/dashboard` for the actor (docs/API.md). */
export function dashboardFor(ctx: AppContext, actor: Actor) {
  const own = findVisibleTenant(ctx.db, actor, actor.tenantId);
  // Only a misplaced membership (a role that does not belong in its tenant) gets here.
  if (!own) throw notFound('organization');
  const people = listNewestMembers(ctx.db, actor, own.id, DASHBOARD_PEOPLE_LIMIT);
  const children = listVisibleChildOrgs(ctx.db, actor, DASHBOARD_CHILD_LIMIT);
  const members = countVisibleMembers(ctx.db, actor, [own.id, ...children.map((c) => c.id)]);
  const tenantCounts = countVisibleTenants(ctx.db, actor);
  return {
    organization: {
      id: own.id,
      name: own.name,
      kind: own.kind,
      // The caller's own parent (their agency or the provider): a name they already know.
      parentName: unsafeTenantName(ctx.db, own.parentId),
    },
    people: people.map((p) => ({ id: p.id, name: p.name, email: p.email, role: p.role, status: p.status })),
    childOrganizations: children.map((c) => ({
      id: c.id,
      name: c.name,
      kind: c.kind,
      people: members.byTenant.get(c.id) ?? 0,
    })),
    counts: {
      people: members.byTenant.get(own.id) ?? 0,
      childOrganizations: tenantCounts.childOrganizations,
      tenants: tenantCounts.tenants,
      users: members.total,
    },
  };
}
export type TDashboard = ReturnType<typeof dashboardFor>;

/**
 * Builds `GET /api/dashboard/tickets`: the ticket widgets the policy gives the actor's role, each
 * read through the ticket scope. A client without the tickets section gets none.
 */
export function ticketDashboardFor(ctx: AppContext, actor: Actor) {
  const widgets = has(actor, 'tickets.view_own') ? dashboardWidgetsFor(actor) : [];
  const on = (w: DashboardWidget) => widgets.includes(w);
  const db = ctx.db;
  return {
    widgets,
    openTickets: on('open_tickets') ? openTicketsWidget(db, actor) : undefined,
    recentUpdates: on('recent_updates') ? recentUpdatesWidget(db, actor) : undefined,
    myTickets: on('my_tickets') ? myTicketsWidget(db, actor) : undefined,
    unassigned: on('unassigned') ? unassignedWidget(db, actor) : undefined,
    nearBreach: on('near_breach') ? nearBreachWidget(db, actor) : undefined,
    byOrg: on('by_org') ? byOrgWidget(db, actor) : undefined,
    volume: on('volume') ? volumeWidget(db, actor) : undefined,
    slaCompliance: on('sla_compliance') ? slaComplianceWidget(db, actor) : undefined,
  };
}
export type TTicketDashboard = ReturnType<typeof ticketDashboardFor>;
