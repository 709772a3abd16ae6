/**
 * The audit trail: every sign-in, failed sign-in, 2FA change, role and membership change and
 * branding change, with actor, tenant, IP and time. Kept for AUDIT_RETENTION_DAYS, pruned daily.
 */
import { lt } from 'drizzle-orm';
import type { Db } from '../../storage/db.ts';
import { auditLog } from '../../storage/schema.ts';

export type AuditAction =
  | 'auth.sign_in'
  | 'auth.sign_in_failed'
  | 'auth.sign_out'
  | 'auth.magic_link_sent'
  | 'auth.password_changed'
  | 'auth.session_revoked'
  | 'auth.locked_out'
  | 'two_factor.enabled'
  | 'two_factor.disabled'
  | 'two_factor.failed'
  | 'two_factor.recovery_codes_regenerated'
  | 'two_factor.recovery_code_used'
  | 'user.invited'
  | 'user.updated'
  | 'user.role_changed'
  | 'user.sections_changed'
  | 'user.deactivated'
  | 'user.reactivated'
  | 'tenant.created'
  | 'tenant.updated'
  | 'tenant.branding_changed'
  | 'tenant.domain_requested'
  | 'tenant.domain_verified'
  | 'ticket.csat_rated'
  | 'routing_rule.created'
  | 'routing_rule.updated'
  | 'routing_rule.deleted'
  | 'routing_rule.reordered'
  | 'canned_response.created'
  | 'canned_response.updated'
  | 'canned_response.deleted'
  | 'user.availability_changed'
  | 'notification.preferences_changed';

export interface AuditEntry {
  action: AuditAction;
  tenantId: string | null;
  actorUserId: string | null;
  targetType?: 'user' | 'tenant' | 'session' | 'ticket' | 'routing_rule' | 'canned_response';
  targetId?: string;
  ip: string | null;
  data?: Record<string, unknown>;
}

/** Appends an entry. Callers inside a transaction pass the transaction's handle as `db`. */
export function recordAudit(db: Pick<Db, 'insert'>, entry: AuditEntry): void {
  db.insert(auditLog)
    .values({
      action: entry.action,
      tenantId: entry.tenantId,
      actorUserId: entry.actorUserId,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      ip: entry.ip,
      data: entry.data ?? null,
    })
    .run();
}

/** Deletes entries older than the retention period; returns how many went. */
export function pruneAudit(db: Db, retentionDays: number, now = Date.now()): number {
  const cutoff = new Date(now - retentionDays * 24 * 60 * 60 * 1000);
  return db.delete(auditLog).where(lt(auditLog.createdAt, cutoff)).run().changes;
}
