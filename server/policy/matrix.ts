/**
 * The permission matrix: PRD §3.2 (seeds/003) as a typed table, with its "Client" column split
 * into `client_admin` and `client` (seeds/002: client employees are read-restricted; their
 * client_admin grants portal sections). Where DESIGN.md disagrees with the PRD, DESIGN.md stands:
 * partner_staff is "like partner, without branding, billing or user management".
 *
 * `satisfies Record<Role, Grant>` on every row makes adding a role a compile error until every
 * permission is decided for it. Scope (which tenant) is not decided here but in the per-resource
 * rules (tenants.ts, users.ts, …): the matrix says *whether* a role may, the rules say *where*.
 */
import type { Role, Section } from '../../storage/schema.ts';
import { type Actor, isWellPlaced } from './actor.ts';

/**
 * - `yes`: allowed. - `no`: refused.
 * - `own`: allowed, but only for their own tenant's records (PRD "✓ (own)").
 * - `request`: may ask; an admin approves (custom domain).
 * - `scoped`: staff's scoped API access.
 * - `optional`: client read-only API, off unless enabled (counts as refused until then).
 * - `section`: a `client` has it only when their client_admin granted the matching Section.
 */
export type Grant = 'yes' | 'no' | 'own' | 'request' | 'scoped' | 'optional' | 'section';

// biome-ignore format: one row per permission, so the matrix reads like the PRD's table.
export const PERMISSIONS = {
  // Tenant management
  'tenants.view_all': { super_admin: 'yes', staff: 'no', partner: 'no', partner_staff: 'no', client_admin: 'no', client: 'no' },
  'system.manage_settings': { super_admin: 'yes', staff: 'no', partner: 'no', partner_staff: 'no', client_admin: 'no', client: 'no' },
  // User management. partner_staff: PRD ✓ on partner's clients, but DESIGN.md: no user management.
  'users.manage_staff': { super_admin: 'yes', staff: 'no', partner: 'no', partner_staff: 'no', client_admin: 'no', client: 'no' },
  'users.manage_partners': { super_admin: 'yes', staff: 'yes', partner: 'no', partner_staff: 'no', client_admin: 'no', client: 'no' },
  'users.manage_partner_clients': { super_admin: 'yes', staff: 'yes', partner: 'yes', partner_staff: 'no', client_admin: 'no', client: 'no' },
  // Not in the PRD: the people of one's own org (DESIGN.md: a client_admin "manages their org's
  // users"; a partner is the agency's owner/manager). users.ts narrows what each may hand out.
  'users.manage_own_org': { super_admin: 'yes', staff: 'no', partner: 'yes', partner_staff: 'no', client_admin: 'yes', client: 'no' },
  // Branding
  'branding.configure': { super_admin: 'yes', staff: 'no', partner: 'yes', partner_staff: 'no', client_admin: 'no', client: 'no' },
  'branding.custom_domain': { super_admin: 'yes', staff: 'no', partner: 'request', partner_staff: 'no', client_admin: 'no', client: 'no' },
  // Tickets
  'tickets.submit': { super_admin: 'yes', staff: 'yes', partner: 'yes', partner_staff: 'yes', client_admin: 'yes', client: 'section' },
  'tickets.view_own': { super_admin: 'yes', staff: 'yes', partner: 'yes', partner_staff: 'yes', client_admin: 'yes', client: 'section' },
  'tickets.view_queue_position': { super_admin: 'yes', staff: 'yes', partner: 'yes', partner_staff: 'yes', client_admin: 'yes', client: 'section' },
  'tickets.manage_all': { super_admin: 'yes', staff: 'yes', partner: 'no', partner_staff: 'no', client_admin: 'no', client: 'no' },
  'tickets.manage_tenant': { super_admin: 'yes', staff: 'yes', partner: 'yes', partner_staff: 'yes', client_admin: 'no', client: 'no' },
  // Invoicing
  'invoices.create': { super_admin: 'yes', staff: 'yes', partner: 'yes', partner_staff: 'no', client_admin: 'no', client: 'no' },
  'invoices.view_own': { super_admin: 'yes', staff: 'no', partner: 'yes', partner_staff: 'no', client_admin: 'yes', client: 'section' },
  'invoices.configure_terms': { super_admin: 'yes', staff: 'no', partner: 'no', partner_staff: 'no', client_admin: 'no', client: 'no' },
  // Contracts
  'contracts.create': { super_admin: 'yes', staff: 'yes', partner: 'yes', partner_staff: 'no', client_admin: 'no', client: 'no' },
  'contracts.sign': { super_admin: 'yes', staff: 'yes', partner: 'yes', partner_staff: 'yes', client_admin: 'yes', client: 'section' },
  // Knowledge base
  'kb.manage_system': { super_admin: 'yes', staff: 'yes', partner: 'no', partner_staff: 'no', client_admin: 'no', client: 'no' },
  'kb.manage_tenant': { super_admin: 'yes', staff: 'yes', partner: 'yes', partner_staff: 'no', client_admin: 'no', client: 'no' },
  'kb.view': { super_admin: 'yes', staff: 'yes', partner: 'yes', partner_staff: 'yes', client_admin: 'yes', client: 'section' },
  // Forms. PRD §4.7: "All roles can submit forms", so employees need no section for it.
  'forms.create': { super_admin: 'yes', staff: 'yes', partner: 'no', partner_staff: 'no', client_admin: 'no', client: 'no' },
  'forms.submit': { super_admin: 'yes', staff: 'yes', partner: 'yes', partner_staff: 'yes', client_admin: 'yes', client: 'yes' },
  'forms.view_submissions': { super_admin: 'yes', staff: 'yes', partner: 'own', partner_staff: 'no', client_admin: 'no', client: 'no' },
  // Communication
  'chat.agent': { super_admin: 'yes', staff: 'yes', partner: 'yes', partner_staff: 'yes', client_admin: 'no', client: 'no' },
  'chat.client': { super_admin: 'no', staff: 'no', partner: 'no', partner_staff: 'no', client_admin: 'yes', client: 'section' },
  'messages.direct': { super_admin: 'yes', staff: 'yes', partner: 'yes', partner_staff: 'yes', client_admin: 'yes', client: 'section' },
  // Time tracking
  'time.log': { super_admin: 'yes', staff: 'yes', partner: 'no', partner_staff: 'no', client_admin: 'no', client: 'no' },
  'time.view_reports': { super_admin: 'yes', staff: 'yes', partner: 'no', partner_staff: 'no', client_admin: 'no', client: 'no' },
  // Reporting
  'reports.view_all': { super_admin: 'yes', staff: 'yes', partner: 'no', partner_staff: 'no', client_admin: 'no', client: 'no' },
  'reports.view_tenant': { super_admin: 'yes', staff: 'yes', partner: 'yes', partner_staff: 'no', client_admin: 'no', client: 'no' },
  'reports.partner_volume': { super_admin: 'yes', staff: 'yes', partner: 'own', partner_staff: 'no', client_admin: 'no', client: 'no' },
  // API access
  'api.full': { super_admin: 'yes', staff: 'scoped', partner: 'no', partner_staff: 'no', client_admin: 'no', client: 'no' },
  'api.tenant_scoped': { super_admin: 'yes', staff: 'yes', partner: 'yes', partner_staff: 'no', client_admin: 'no', client: 'no' },
  'api.read_only': { super_admin: 'yes', staff: 'yes', partner: 'yes', partner_staff: 'yes', client_admin: 'optional', client: 'optional' },
} as const satisfies Record<string, Record<Role, Grant>>;

/** A permission name, `area.verb_object`. */
export type Permission = keyof typeof PERMISSIONS;

/** Every permission, in matrix order. */
export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

/** Permissions that some role holds only through a portal section. */
type SectionGated = {
  [P in Permission]: 'section' extends (typeof PERMISSIONS)[P][Role] ? P : never;
}[Permission];

/**
 * The portal section behind each section-gated permission. Typed so that a new `section` cell
 * without a matching section here is a compile error rather than a silent refusal.
 */
export const PERMISSION_SECTION = {
  'tickets.submit': 'tickets',
  'tickets.view_own': 'tickets',
  'tickets.view_queue_position': 'tickets',
  'invoices.view_own': 'invoices',
  'contracts.sign': 'contracts',
  'kb.view': 'kb',
  'chat.client': 'chat',
  'messages.direct': 'messages',
} as const satisfies Record<SectionGated, Section>;

/** The matrix cell for a role and a permission. */
export function grantOf(role: Role, permission: Permission): Grant {
  return PERMISSIONS[permission][role];
}

/** The section a permission needs when granted as `section`, if any. */
export function sectionOf(permission: Permission): Section | undefined {
  return (PERMISSION_SECTION as Partial<Record<Permission, Section>>)[permission];
}

/**
 * Whether the actor holds the permission at all (the rules then decide in which tenant).
 * `yes`, `own` and `scoped` hold; `section` holds when the actor was granted the section;
 * `request`, `optional` and `no` do not — a request is its own rule, an option is off by default.
 */
export function has(actor: Actor, permission: Permission): boolean {
  if (!isWellPlaced(actor)) return false;
  const grant = grantOf(actor.role, permission);
  switch (grant) {
    case 'yes':
    case 'own':
    case 'scoped':
      return true;
    case 'section': {
      const section = sectionOf(permission);
      return section !== undefined && actor.sections.includes(section);
    }
    case 'request':
    case 'optional':
    case 'no':
      return false;
  }
}
