/** Audit entries on the wire, each field picked by name. */
import type { AuditRow } from './queries.ts';

/** One audit entry; `actor` is null for system actions (housekeeping, failed sign-ins). */
export function presentAuditEntry(row: AuditRow) {
  return {
    id: row.id,
    action: row.action,
    actor: row.actorUserId ? { id: row.actorUserId, name: row.actorName ?? 'Former user' } : null,
    tenantId: row.tenantId,
    targetType: row.targetType,
    targetId: row.targetId,
    ip: row.ip,
    data: row.data,
    createdAt: row.createdAt.toISOString(),
  };
}
export type TAuditEntry = ReturnType<typeof presentAuditEntry>;
