/**
 * How people appear to a client on a ticket (white-label): someone from the client's own org as
 * themselves; anyone else — the provider's staff, a partner's team — as the organisation that
 * services the ticket, without a name or an id. REST presenters, the thread document and
 * presence on client-visible documents all use this, so no channel shows more than another.
 */
import { createHmac } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../../storage/db.ts';
import { tenants } from '../../../storage/schema.ts';
import { servicingTenantOf } from './numbering.ts';

/** The servicing organisation's display name for a client org (its partner, else the platform). */
export function servicingNameOf(db: Db, orgId: string): string {
  const servicing = servicingTenantOf(db, orgId);
  return (
    db.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, servicing.id)).get()?.name ??
    'Support'
  );
}

/**
 * The presence identity of `person` on a client-visible document of a ticket in `ticketOrgId`.
 * An agent gets a pseudonymous id (HMAC of their id under the server key): stable, so their
 * caret keeps one colour, but not their user id, which a client must never learn.
 */
export function clientFacingPresence(
  db: Db,
  secretKey: Buffer,
  person: { id: string; name: string; tenantId: string },
  ticketOrgId: string,
): { id: string; name: string } {
  if (person.tenantId === ticketOrgId) return { id: person.id, name: person.name };
  const pseudonym = createHmac('sha256', secretKey)
    .update(`presence:${person.id}`)
    .digest('hex')
    .slice(0, 16);
  return { id: `team-${pseudonym}`, name: servicingNameOf(db, ticketOrgId) };
}
