/**
 * Reading canned responses through the desk's scope: the caller's desk's shared ones and the
 * caller's own personal ones. Another agent's personal response, or another desk's, is not found.
 */
import { and, asc, eq, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../storage/db.ts';
import { cannedResponses } from '../../../storage/schema.ts';
import { type Actor, servicingTenantOf } from '../../policy/index.ts';

export type CannedRow = typeof cannedResponses.$inferSelect;

/** The where-clause matching `canViewCanned`: nothing at all for client roles. */
function cannedScope(actor: Actor): SQL {
  const deskId = servicingTenantOf(actor);
  if (!deskId) return sql`0`;
  return (
    and(
      eq(cannedResponses.tenantId, deskId),
      or(isNull(cannedResponses.ownerId), eq(cannedResponses.ownerId, actor.userId)),
    ) ?? sql`0`
  );
}

/** Every canned response the actor may use, shared first, then by title. */
export function listVisibleCanned(db: Db, actor: Actor): CannedRow[] {
  return db
    .select()
    .from(cannedResponses)
    .where(cannedScope(actor))
    .orderBy(
      sql`${cannedResponses.ownerId} IS NOT NULL`,
      sql`${cannedResponses.title} COLLATE NOCASE`,
      asc(cannedResponses.id),
    )
    .all();
}

/** One canned response through the scope, or undefined. */
export function findVisibleCanned(db: Db, actor: Actor, id: string): CannedRow | undefined {
  return db
    .select()
    .from(cannedResponses)
    .where(and(eq(cannedResponses.id, id), cannedScope(actor)))
    .get();
}
