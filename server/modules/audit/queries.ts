/** Reading the audit trail through the policy's audit scope. */
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../../storage/db.ts';
import { auditLog, users } from '../../../storage/schema.ts';
import { type Actor, auditScope } from '../../policy/index.ts';

/** The newest `limit` entries the actor may read, with the acting user's name. */
export function listAuditEntries(db: Db, actor: Actor, limit: number) {
  return db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      actorUserId: auditLog.actorUserId,
      actorName: users.name,
      tenantId: auditLog.tenantId,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      ip: auditLog.ip,
      data: auditLog.data,
      createdAt: auditLog.createdAt,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(auditScope(actor))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(limit)
    .all();
}
export type AuditRow = ReturnType<typeof listAuditEntries>[number];
