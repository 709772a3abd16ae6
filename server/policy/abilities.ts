/**
 * Computed abilities sent to the client with each resource (docs/API.md: TenantView, UserView,
 * Me). The UI reads these and never works permissions out itself, so every flag here is one of
 * the policy's own rules, never a role check of its own.
 */
import type { Role } from '../../storage/schema.ts';
import { type Actor, isWellPlaced, type TenantRef, type UserRef } from './actor.ts';
import { has } from './matrix.ts';
import { canReadOutbox, canViewAuditLog } from './platform.ts';
import { canUseDeskTools } from './service-desk.ts';
import {
  canConfigureBranding,
  canCreateTenant,
  canRequestDomain,
  canUpdateTenant,
  canVerifyDomain,
  updateReach,
  viewReach,
} from './tenants.ts';
import {
  canEditTicketDescription,
  canReplyToTicket,
  canSeeInternalTicket,
  canUpdateTicket,
  type TicketRef,
} from './tickets.ts';
import { assignableRoles, canEditSections, canManageUser, canManageUsersIn } from './users.ts';

/** `TenantView.abilities`. */
export interface TenantAbilities {
  update: boolean;
  manageUsers: boolean;
  configureBranding: boolean;
  createClientOrg: boolean;
  verifyDomain: boolean;
  requestDomain: boolean;
  /** Roles the actor may give someone invited into this tenant (empty: may not invite). */
  assignableRoles: Role[];
}

/** `UserView.abilities`. */
export interface UserAbilities {
  update: boolean;
  deactivate: boolean;
  changeRole: boolean;
  assignableRoles: Role[];
  editSections: boolean;
}

/** `TicketView.abilities`. */
export interface TicketAbilities {
  /** Change status, priority and category. */
  update: boolean;
  /** Change the assignee. */
  assign: boolean;
  /** Read internal notes, internal timeline entries and the internal document. */
  seeInternal: boolean;
  /** Co-edit the description document (read-only otherwise). */
  editDescription: boolean;
  /** Post a public reply. */
  reply: boolean;
  /** Post an internal note. */
  replyInternal: boolean;
}

/** `Me.abilities`. */
export interface MeAbilities {
  manageUsers: boolean;
  manageOrganizations: boolean;
  configureBranding: boolean;
  readOutbox: boolean;
  viewAuditLog: boolean;
}

/** Navigation entries, in display order. */
export const NAVIGATION = [
  'dashboard',
  'tickets',
  'organizations',
  'users',
  'branding',
  'outbox',
  'audit',
  'desk',
  'profile',
  'security',
] as const;
export type NavEntry = (typeof NAVIGATION)[number];

/** What the actor may do to tenant `t`. */
export function tenantAbilities(actor: Actor, t: TenantRef): TenantAbilities {
  return {
    update: canUpdateTenant(actor, t),
    manageUsers: canManageUsersIn(actor, t),
    configureBranding: canConfigureBranding(actor, t),
    createClientOrg: canCreateTenant(actor, 'client', t),
    verifyDomain: canVerifyDomain(actor, t),
    requestDomain: canRequestDomain(actor, t),
    assignableRoles: assignableRoles(actor, t),
  };
}

/**
 * What the actor may do to user `u`. `deactivate` covers reactivation too (the UI shows whichever
 * fits the status); `changeRole` is only true when there is another role to move them to.
 */
export function userAbilities(actor: Actor, u: UserRef): UserAbilities {
  const manage = canManageUser(actor, u);
  const roles = manage ? assignableRoles(actor, u.tenant) : [];
  return {
    update: manage,
    deactivate: manage,
    changeRole: roles.some((role) => role !== u.role),
    assignableRoles: roles,
    editSections: canEditSections(actor, u),
  };
}

/** What the actor may do to ticket `t`; assigning is part of working the ticket. */
export function ticketAbilities(actor: Actor, t: TicketRef): TicketAbilities {
  const update = canUpdateTicket(actor, t);
  return {
    update,
    assign: update,
    seeInternal: canSeeInternalTicket(actor, t),
    editDescription: canEditTicketDescription(actor, t),
    reply: canReplyToTicket(actor, t, 'client'),
    replyInternal: canReplyToTicket(actor, t, 'internal'),
  };
}

/** Whether the actor manages people anywhere: any user-management row of the matrix. */
function managesSomeUsers(actor: Actor): boolean {
  return (
    has(actor, 'users.manage_staff') ||
    has(actor, 'users.manage_partners') ||
    has(actor, 'users.manage_partner_clients') ||
    has(actor, 'users.manage_own_org')
  );
}

/** The actor's own abilities, for `GET /api/me`. */
export function meAbilities(actor: Actor): MeAbilities {
  return {
    manageUsers: managesSomeUsers(actor),
    // Organizations are managed by whoever may rename or activate some tenant.
    manageOrganizations: isWellPlaced(actor) && updateReach(actor.role) !== 'nowhere',
    configureBranding: has(actor, 'branding.configure'),
    readOutbox: canReadOutbox(actor),
    viewAuditLog: canViewAuditLog(actor),
  };
}

/**
 * The navigation entries the actor may use, in display order. "Organizations" lists tenants
 * beyond one's own, so it shows for everyone who can see more than their own org.
 */
export function navigationFor(actor: Actor): NavEntry[] {
  const me = meAbilities(actor);
  const shown: Record<NavEntry, boolean> = {
    dashboard: true,
    tickets: has(actor, 'tickets.view_own'),
    desk: canUseDeskTools(actor),
    organizations:
      isWellPlaced(actor) && ['everywhere', 'below_platform', 'own_tree'].includes(viewReach(actor.role)),
    users: me.manageUsers,
    branding: me.configureBranding,
    outbox: me.readOutbox,
    audit: me.viewAuditLog,
    profile: true,
    security: true,
  };
  return NAVIGATION.filter((entry) => shown[entry]);
}
