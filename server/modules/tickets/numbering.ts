/**
 * Ticket keys (DESIGN.md "Data that must never be wrong"): `<prefix>-<n>`, where the prefix is the
 * servicing tenant's — the agency for its client orgs, the platform for direct clients — and n
 * counts up from 1001 per servicing tenant, without repeats.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../storage/db.ts';
import { tenants, ticketSequences } from '../../../storage/schema.ts';

/** The first number a servicing tenant hands out. */
export const FIRST_TICKET_NUMBER = 1001;

type Tx = Pick<Db, 'select' | 'insert'>;

/**
 * The tenant whose prefix a ticket of client org `orgId` carries: the org's parent when that is a
 * partner, otherwise the platform. Keyed to the servicer, not the org, because the agency's
 * people work one queue across all their clients and talk about "ACME-1042".
 */
export function servicingTenantOf(tx: Tx, orgId: string): { id: string; keyPrefix: string } {
  const row = tx.select({ parentId: tenants.parentId }).from(tenants).where(eq(tenants.id, orgId)).get();
  const parent = row?.parentId
    ? tx
        .select({ id: tenants.id, kind: tenants.kind, keyPrefix: tenants.keyPrefix })
        .from(tenants)
        .where(eq(tenants.id, row.parentId))
        .get()
    : undefined;
  if (parent?.kind === 'partner') return parent;
  const platform = tx
    .select({ id: tenants.id, keyPrefix: tenants.keyPrefix })
    .from(tenants)
    .where(eq(tenants.kind, 'platform'))
    .get();
  if (!platform) throw new Error('No platform tenant: the database was not initialised.');
  return platform;
}

/**
 * Takes the next key of the org's servicing tenant. Must run inside the creating transaction, so
 * a failed insert gives the number back; the upsert is a single statement, so two writers never
 * read the same number (SQLite serialises writers, and the caller opens the transaction with
 * `behavior: 'immediate'` so it holds the write lock from its first statement).
 */
export function allocateTicketKey(tx: Tx, orgId: string): string {
  const servicer = servicingTenantOf(tx, orgId);
  const row = tx
    .insert(ticketSequences)
    .values({ tenantId: servicer.id, nextNumber: FIRST_TICKET_NUMBER + 1 })
    .onConflictDoUpdate({
      target: ticketSequences.tenantId,
      set: { nextNumber: sql`${ticketSequences.nextNumber} + 1` },
    })
    .returning({ nextNumber: ticketSequences.nextNumber })
    .get();
  return `${servicer.keyPrefix}-${row.nextNumber - 1}`;
}
