/**
 * `@` mentions in a reply or internal note: `@Sam Staff` or `@staff@kre8ivtech.test` names a desk
 * person (the provider's people, or the agency servicing the ticket). Clients are never
 * mentioned: they are notified of replies as requesters, through the client-facing words.
 */
import { and, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../../../storage/db.ts';
import { memberships, type Role, tenants, users } from '../../../storage/schema.ts';

const DESK_ROLES: Role[] = ['super_admin', 'staff', 'partner', 'partner_staff'];

export interface Person {
  id: string;
  name: string;
  email: string;
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether `text` mentions `person` by `@name` or `@email`, as a whole word. */
export function mentions(text: string, person: Pick<Person, 'name' | 'email'>): boolean {
  const names = [person.email, person.name].filter((n) => n.trim() !== '').map(escapeRegExp);
  // The mention ends where the name ends: `@Sam Staffing` is not `@Sam Staff`.
  const pattern = new RegExp(`(^|[^\\p{L}\\p{N}_@.])@(?:${names.join('|')})(?![\\p{L}\\p{N}_@-])`, 'iu');
  return pattern.test(text);
}

/**
 * The active desk people who could work a ticket of a client org under `servicingTenantId`
 * (the platform's people, and the agency's when it is one) whom `text` mentions. The caller
 * still asks the policy whether each may see the ticket (and its internal notes).
 */
export function mentionedDeskPeople(db: Db, text: string, servicingTenantId: string | null): Person[] {
  if (!text.includes('@')) return [];
  const desks = [eq(tenants.kind, 'platform')];
  if (servicingTenantId) desks.push(eq(tenants.id, servicingTenantId));
  const candidates = db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
    .where(and(eq(users.status, 'active'), inArray(memberships.role, DESK_ROLES), or(...desks)))
    .all();
  return candidates.filter((person) => mentions(text, person));
}
