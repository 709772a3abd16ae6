/**
 * Who is asking, and the shapes of what they ask about. The policy works on these small
 * references, not on database rows, so REST, the collaboration server, search and email can all
 * build them from whatever they have loaded.
 */
import type { Role, Section, TenantKind, TicketScope } from '../../storage/schema.ts';
import { SECTIONS } from '../../storage/schema.ts';

/** The signed-in person, as the server resolved them from their session and membership. */
export interface Actor {
  userId: string;
  role: Role;
  tenantId: string;
  tenantKind: TenantKind;
  /** The actor's tenant's parent: the platform for partners and direct clients, an agency for its clients. */
  tenantParentId: string | null;
  /** Portal sections this actor may use; only gates the `client` role (see `sectionsFor`). */
  sections: Section[];
  /**
   * Which tickets of their org a `client` sees: their own, or the whole organisation's (chosen by
   * their client_admin). Absent means 'own', so an Actor built without it fails closed. Every
   * other role reads it as 'organization' (loadActor sets that); the ticket rules only consult it
   * for `client`.
   */
  ticketScope?: TicketScope;
}

/** A tenant as the rules need it: where it sits in the tree. */
export interface TenantRef {
  id: string;
  kind: TenantKind;
  parentId: string | null;
}

/** A user as the rules need it: their role and the tenant they belong to. */
export interface UserRef {
  id: string;
  role: Role;
  tenant: TenantRef;
  status: 'active' | 'invited' | 'deactivated';
}

/** Which roles live in which kind of tenant. A typed table: a new role or kind must be placed. */
export const ROLES_BY_TENANT_KIND = {
  platform: ['super_admin', 'staff'],
  partner: ['partner', 'partner_staff'],
  client: ['client_admin', 'client'],
} as const satisfies Record<TenantKind, readonly Role[]>;

/** The roles a user in a tenant of this kind may hold. */
export function rolesForTenantKind(kind: TenantKind): readonly Role[] {
  return ROLES_BY_TENANT_KIND[kind];
}

/**
 * True when the actor's role belongs in their tenant's kind. Every rule refuses an actor that
 * fails this: a `partner` role on the platform tenant would otherwise "own" every partner and
 * direct client below it, so a bad membership row must fail closed, not widen access.
 */
export function isWellPlaced(actor: Actor): boolean {
  return rolesForTenantKind(actor.tenantKind).includes(actor.role);
}

/**
 * Sections a `client` gets when their client_admin has not chosen any: client employees are
 * read-restricted by default, so only their own tickets and the knowledge base. Billing,
 * contracts and conversations are opened per person by the client_admin.
 */
export const DEFAULT_CLIENT_SECTIONS: readonly Section[] = ['tickets', 'kb'];

/**
 * The sections a member effectively has, from the stored value (`memberships.sections`, null =
 * the role's default). Only `client` is gated by sections; every other role uses them all.
 */
export function sectionsFor(role: Role, stored: readonly Section[] | null): Section[] {
  if (role !== 'client') return [...SECTIONS];
  const chosen = stored ?? DEFAULT_CLIENT_SECTIONS;
  // Keep the canonical order and drop anything unknown that an old row might still hold.
  return SECTIONS.filter((s) => chosen.includes(s));
}
