/**
 * Reading and writing a desk's routing rules. Every read is keyed by the desk (the servicing
 * tenant), so another desk's rule id is simply not found.
 */
import { and, asc, eq, isNull, max, or } from 'drizzle-orm';
import type { Db } from '../../../storage/db.ts';
import { routingRules, tenants } from '../../../storage/schema.ts';

type Reader = Pick<Db, 'select'>;

export type RuleRow = typeof routingRules.$inferSelect;

/** The desk's rules in evaluation order. */
export function listRules(db: Reader, deskId: string): RuleRow[] {
  return db
    .select()
    .from(routingRules)
    .where(eq(routingRules.tenantId, deskId))
    .orderBy(asc(routingRules.position), asc(routingRules.id))
    .all();
}

/** The desk's enabled rules in evaluation order (what a new ticket is routed by). */
export function listEnabledRules(db: Reader, deskId: string): RuleRow[] {
  return listRules(db, deskId).filter((r) => r.enabled);
}

/** One rule of this desk, or undefined (missing, or another desk's). */
export function findDeskRule(db: Reader, deskId: string, id: string): RuleRow | undefined {
  return db
    .select()
    .from(routingRules)
    .where(and(eq(routingRules.id, id), eq(routingRules.tenantId, deskId)))
    .get();
}

/** The position after the desk's last rule: new rules go to the end. */
export function nextPosition(db: Reader, deskId: string): number {
  const row = db
    .select({ last: max(routingRules.position) })
    .from(routingRules)
    .where(eq(routingRules.tenantId, deskId))
    .get();
  return (row?.last ?? 0) + 1;
}

/** A client org the desk services, as the rule dialog lists it. */
export interface DeskOrg {
  id: string;
  name: string;
}

/**
 * The client orgs whose tickets this desk works: its own client orgs (for the platform, its
 * direct clients — a partner's clients are routed by the partner alone).
 */
export function listDeskOrgs(db: Reader, desk: { id: string; kind: string }): DeskOrg[] {
  const own = eq(tenants.parentId, desk.id);
  const parent = desk.kind === 'platform' ? or(own, isNull(tenants.parentId)) : own;
  return db
    .select({ id: tenants.id, name: tenants.name })
    .from(tenants)
    .where(and(eq(tenants.kind, 'client'), parent))
    .orderBy(asc(tenants.name), asc(tenants.id))
    .all();
}

/** The desk tenant's id, kind and name, or undefined. */
export function findDesk(db: Reader, deskId: string) {
  return db
    .select({ id: tenants.id, kind: tenants.kind, name: tenants.name })
    .from(tenants)
    .where(eq(tenants.id, deskId))
    .get();
}
