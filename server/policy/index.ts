/**
 * The one place that answers "may this actor do this to that?". REST routes, the collaboration
 * server's onAuthenticate, search, notifications and file download all call `can(...)` or the
 * named rules it dispatches to, and scope their lists with the helpers in scopes.ts.
 *
 * To add a resource type: add its variant to `Resource`, its actions to
 * `ActionsOf`, and its rules to `RULES` — the compiler refuses until all three agree.
 */
import type { Actor, TenantRef, UserRef } from './actor.ts';
import { canReadOutbox, canViewAuditLog } from './platform.ts';
import {
  canConfigureBranding,
  canRequestDomain,
  canUpdateTenant,
  canVerifyDomain,
  canViewTenant,
} from './tenants.ts';
import {
  canEditTicketDescription,
  canReplyToTicket,
  canSeeInternalTicket,
  canUpdateTicket,
  canViewTicket,
  type TicketRef,
} from './tickets.ts';
import { canEditSections, canManageUser, canManageUsersIn, canViewUser } from './users.ts';

export * from './abilities.ts';
export * from './actor.ts';
export * from './matrix.ts';
export * from './platform.ts';
export * from './scopes.ts';
export * from './service-desk.ts';
export * from './tenants.ts';
export * from './tickets.ts';
export * from './users.ts';

/** What a rule can be about. */
export type Resource =
  | { type: 'tenant'; tenant: TenantRef }
  | { type: 'user'; user: UserRef }
  | { type: 'outbox' }
  | { type: 'audit'; tenant?: TenantRef }
  | { type: 'ticket'; ticket: TicketRef };

/** The actions each resource type knows. */
export interface ActionsOf {
  tenant: 'view' | 'update' | 'configure_branding' | 'request_domain' | 'verify_domain' | 'manage_users';
  user: 'view' | 'update' | 'deactivate' | 'reactivate' | 'edit_sections';
  outbox: 'read';
  audit: 'view';
  ticket: 'view' | 'update' | 'see_internal' | 'edit_description' | 'reply' | 'reply_internal';
}

export type ResourceType = Resource['type'];
export type ResourceOf<T extends ResourceType> = Extract<Resource, { type: T }>;
export type Action<T extends ResourceType = ResourceType> = ActionsOf[T];

type Rule<T extends ResourceType> = (actor: Actor, resource: ResourceOf<T>) => boolean;
type AnyRule = (actor: Actor, resource: Resource) => boolean;

/**
 * Runs a ticket rule only when the resource really carries a ticket: untyped callers (the
 * collaboration server's parsed names, JSON) may pass `{type: 'ticket'}` alone, which is refused.
 */
function withTicket(r: ResourceOf<'ticket'>, rule: (t: TicketRef) => boolean): boolean {
  const t: unknown = r.ticket;
  return typeof t === 'object' && t !== null && rule(r.ticket);
}

/** Every action of every resource type, mapped to its rule. */
const RULES: { [T in ResourceType]: Record<ActionsOf[T], Rule<T>> } = {
  tenant: {
    view: (actor, r) => canViewTenant(actor, r.tenant),
    update: (actor, r) => canUpdateTenant(actor, r.tenant),
    configure_branding: (actor, r) => canConfigureBranding(actor, r.tenant),
    request_domain: (actor, r) => canRequestDomain(actor, r.tenant),
    verify_domain: (actor, r) => canVerifyDomain(actor, r.tenant),
    manage_users: (actor, r) => canManageUsersIn(actor, r.tenant),
  },
  user: {
    view: (actor, r) => canViewUser(actor, r.user),
    update: (actor, r) => canManageUser(actor, r.user),
    deactivate: (actor, r) => canManageUser(actor, r.user),
    reactivate: (actor, r) => canManageUser(actor, r.user),
    edit_sections: (actor, r) => canEditSections(actor, r.user),
  },
  outbox: {
    read: (actor) => canReadOutbox(actor),
  },
  audit: {
    view: (actor, r) => canViewAuditLog(actor, r.tenant),
  },
  ticket: {
    view: (actor, r) => withTicket(r, (t) => canViewTicket(actor, t)),
    update: (actor, r) => withTicket(r, (t) => canUpdateTicket(actor, t)),
    see_internal: (actor, r) => withTicket(r, (t) => canSeeInternalTicket(actor, t)),
    edit_description: (actor, r) => withTicket(r, (t) => canEditTicketDescription(actor, t)),
    reply: (actor, r) => withTicket(r, (t) => canReplyToTicket(actor, t, 'client')),
    reply_internal: (actor, r) => withTicket(r, (t) => canReplyToTicket(actor, t, 'internal')),
  },
};

/**
 * May `actor` do `action` to `resource`? E.g. `can(actor, 'update', { type: 'tenant', tenant })`.
 * Unknown resource types or actions (from untyped callers such as a parsed document name) are
 * refused: the policy fails closed.
 */
export function can<R extends Resource>(actor: Actor, action: ActionsOf[R['type']], resource: R): boolean {
  if (!Object.hasOwn(RULES, resource.type)) return false;
  // The mapped type of RULES pairs each rule set with its resource variant; TypeScript cannot
  // follow that pairing through an indexed access, so widen once here.
  const rules = RULES[resource.type] as unknown as Partial<Record<string, AnyRule>>;
  // hasOwn, not `in`: an action named 'constructor' or 'toString' must not reach Object.prototype.
  if (!Object.hasOwn(rules, action)) return false;
  return rules[action]?.(actor, resource) === true;
}
