/** Deactivating and reactivating a person. A deactivated user's sessions end at once. */
import { eq, sql } from 'drizzle-orm';
import { users } from '../../../storage/schema.ts';
import { recordAudit } from '../../audit/audit.ts';
import { invalidateUserSessions } from '../../auth/sessions.ts';
import type { AppContext } from '../../context.ts';
import type { Caller } from '../../http/caller.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { canManageUser } from '../../policy/index.ts';
import { findVisibleUser, type UserRow, userRefOf } from './queries.ts';

/** The user, if the caller may see (else 404) and manage (else 403) them. */
function managedUser(ctx: AppContext, caller: Caller, id: string): UserRow {
  const user = findVisibleUser(ctx.db, caller.actor, id);
  if (!user) throw notFound('user');
  if (!canManageUser(caller.actor, userRefOf(user))) throw forbidden('You cannot change this person.');
  return user;
}

/**
 * Sets the user `deactivated` and deletes all their sessions in one transaction, then tells the
 * collaboration server to close their live connections. Deactivating twice changes nothing.
 */
export function deactivateUser(ctx: AppContext, caller: Caller, id: string): void {
  const user = managedUser(ctx, caller, id);
  if (user.status === 'deactivated') return;
  const revoked = ctx.db.transaction((tx) => {
    tx.update(users).set({ status: 'deactivated' }).where(eq(users.id, id)).run();
    // ctx.db shares tx's connection, so the deletes commit or roll back with the status.
    const revoked = invalidateUserSessions(ctx.db, id);
    recordAudit(tx, {
      action: 'user.deactivated',
      tenantId: user.tenantId,
      actorUserId: caller.actor.userId,
      targetType: 'user',
      targetId: id,
      ip: caller.ip,
      data: { previousStatus: user.status, sessionsRevoked: revoked.length },
    });
    return revoked;
  });
  ctx.events.emit('sessions.revoked', { userId: id, sessionIds: revoked });
  ctx.events.emit('user.rights_changed', { userId: id });
}

/**
 * Lets a deactivated user back in. Someone who never set a password goes back to `invited`
 * (they still sign in by link); anyone else to `active`. Reactivating an active user changes nothing.
 */
export function reactivateUser(ctx: AppContext, caller: Caller, id: string): void {
  const user = managedUser(ctx, caller, id);
  if (user.status !== 'deactivated') return;
  const row = ctx.db
    .select({ hasPassword: sql<number>`${users.passwordHash} IS NOT NULL` })
    .from(users)
    .where(eq(users.id, id))
    .get();
  const status = row?.hasPassword ? 'active' : 'invited';
  ctx.db.transaction((tx) => {
    tx.update(users).set({ status }).where(eq(users.id, id)).run();
    recordAudit(tx, {
      action: 'user.reactivated',
      tenantId: user.tenantId,
      actorUserId: caller.actor.userId,
      targetType: 'user',
      targetId: id,
      ip: caller.ip,
      data: { status },
    });
  });
  ctx.events.emit('user.rights_changed', { userId: id });
}
