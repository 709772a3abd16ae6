/** Renaming and (de)activating a tenant. Deactivation ends its people's sessions at once. */
import { eq } from 'drizzle-orm';
import { memberships, tenants } from '../../../storage/schema.ts';
import { recordAudit } from '../../audit/audit.ts';
import { invalidateUserSessions } from '../../auth/sessions.ts';
import type { AppContext } from '../../context.ts';
import type { Caller } from '../../http/caller.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { canDeactivateTenant, canUpdateTenant } from '../../policy/index.ts';
import { findVisibleTenant, TENANT_COLUMNS, type TenantRow, tenantRefOf } from './queries.ts';
import type { TTenantUpdate } from './schema.ts';

/**
 * Applies `{name?, active?}` to a tenant the caller may update. Deactivating deletes every
 * session of the tenant's members in the same transaction and then tells live connections
 * (`sessions.revoked`, `user.rights_changed`) so nobody keeps working in a closed organization.
 */
export function updateTenant(ctx: AppContext, caller: Caller, id: string, input: TTenantUpdate): TenantRow {
  const { actor } = caller;
  const before = findVisibleTenant(ctx.db, actor, id);
  if (!before) throw notFound('organization');
  const ref = tenantRefOf(before);
  if (!canUpdateTenant(actor, ref)) throw forbidden('You cannot change this organization.');
  const activeChanges = input.active !== undefined && input.active !== before.active;
  if (activeChanges && !canDeactivateTenant(actor, ref)) {
    throw forbidden('You cannot deactivate or reactivate this organization.');
  }
  const deactivating = activeChanges && input.active === false;

  const { after, revoked } = ctx.db.transaction((tx) => {
    const after = tx
      .update(tenants)
      .set({ name: input.name ?? before.name, active: input.active ?? before.active })
      .where(eq(tenants.id, id))
      .returning(TENANT_COLUMNS)
      .get();
    const revoked: { userId: string; sessionIds: string[] }[] = [];
    if (deactivating) {
      const members = tx
        .select({ userId: memberships.userId })
        .from(memberships)
        .where(eq(memberships.tenantId, id))
        .all();
      // ctx.db and tx share the one better-sqlite3 connection, so these deletes commit or roll
      // back with the tenant update.
      for (const { userId } of members)
        revoked.push({ userId, sessionIds: invalidateUserSessions(ctx.db, userId) });
    }
    recordAudit(tx, {
      action: 'tenant.updated',
      tenantId: id,
      actorUserId: actor.userId,
      targetType: 'tenant',
      targetId: id,
      ip: caller.ip,
      data: {
        ...(input.name !== undefined && input.name !== before.name
          ? { name: { from: before.name, to: input.name } }
          : {}),
        ...(activeChanges ? { active: { from: before.active, to: input.active } } : {}),
        ...(deactivating ? { sessionsRevoked: revoked.reduce((n, r) => n + r.sessionIds.length, 0) } : {}),
      },
    });
    return { after, revoked };
  });

  for (const r of revoked) {
    if (r.sessionIds.length > 0) ctx.events.emit('sessions.revoked', r);
    ctx.events.emit('user.rights_changed', { userId: r.userId });
  }
  return after;
}
