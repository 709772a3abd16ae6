/**
 * A desk member's "available for new tickets" switch: round-robin only picks people who are on.
 * Only people who work a desk have one; client roles are refused.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../../storage/db.ts';
import { memberships } from '../../../storage/schema.ts';
import type { Caller } from '../../http/caller.ts';
import { forbidden } from '../../http/errors.ts';
import { canUseDeskTools, servicingTenantOf } from '../../policy/index.ts';
import { recordDeskAudit } from './audit.ts';

/** The caller's desk, or 403 for client roles. */
export function requireDeskMember(caller: Caller): string {
  const deskId = servicingTenantOf(caller.actor);
  if (!deskId || !canUseDeskTools(caller.actor))
    throw forbidden('Availability is for people who work a desk.');
  return deskId;
}

/** Whether the caller is available for round-robin. */
export function availabilityOf(db: Db, caller: Caller): boolean {
  requireDeskMember(caller);
  const row = db
    .select({ available: memberships.available })
    .from(memberships)
    .where(eq(memberships.userId, caller.actor.userId))
    .get();
  return row?.available ?? false;
}

/** Turns the caller's availability on or off; a no-op change writes nothing. */
export function setAvailability(db: Db, caller: Caller, available: boolean): boolean {
  const deskId = requireDeskMember(caller);
  if (availabilityOf(db, caller) === available) return available;
  db.transaction((tx) => {
    tx.update(memberships).set({ available }).where(eq(memberships.userId, caller.actor.userId)).run();
    recordDeskAudit(tx, caller, {
      action: 'user.availability_changed',
      tenantId: deskId,
      targetType: 'user',
      targetId: caller.actor.userId,
      data: { available },
    });
  });
  return available;
}
