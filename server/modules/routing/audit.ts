/**
 * Audit entries for desk configuration: routing rules, shared canned responses and a person's
 * availability for round-robin, written through the one audit log (server/audit).
 */
import type { Db } from '../../../storage/db.ts';
import { type AuditAction, recordAudit } from '../../audit/audit.ts';
import type { Caller } from '../../http/caller.ts';

export type DeskAuditAction = Extract<
  AuditAction,
  `routing_rule.${string}` | `canned_response.${string}` | 'user.availability_changed'
>;

export interface DeskAuditEntry {
  action: DeskAuditAction;
  /** The desk (servicing tenant) the change belongs to. */
  tenantId: string;
  targetType: 'routing_rule' | 'canned_response' | 'user' | 'tenant';
  targetId: string;
  data?: Record<string, unknown>;
}

/** Appends an entry for `caller`. Callers inside a transaction pass its handle as `db`. */
export function recordDeskAudit(db: Pick<Db, 'insert'>, caller: Caller, entry: DeskAuditEntry): void {
  recordAudit(db, { ...entry, actorUserId: caller.actor.userId, ip: caller.ip });
}
