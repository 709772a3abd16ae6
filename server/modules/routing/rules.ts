/**
 * Commands on a desk's routing rules: create, change, delete and reorder. Each runs in one
 * transaction with its audit entry; the desk is always the caller's own (never a parameter).
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../storage/db.ts';
import { routingRules } from '../../../storage/schema.ts';
import type { Caller } from '../../http/caller.ts';
import { badRequest, forbidden, notFound } from '../../http/errors.ts';
import { newId } from '../../ids.ts';
import { canConfigureDesk, servicingTenantOf } from '../../policy/index.ts';
import { recordDeskAudit } from './audit.ts';
import { findDesk, findDeskRule, listRules, nextPosition, type RuleRow } from './queries.ts';
import type { TRuleCreate, TRuleUpdate } from './schema.ts';
import { checkRuleForDesk } from './validate.ts';

/** The desk the caller configures, or 403 (client roles, partner_staff). */
export function configurableDesk(db: Db, caller: Caller): { id: string; kind: string; name: string } {
  const deskId = servicingTenantOf(caller.actor);
  if (!deskId || !canConfigureDesk(caller.actor, deskId)) {
    throw forbidden('Only your desk’s admins configure routing rules.');
  }
  const desk = findDesk(db, deskId);
  if (!desk) throw forbidden('Only your desk’s admins configure routing rules.');
  return desk;
}

/** Adds a rule at the end of the caller's desk's order. */
export function createRule(db: Db, caller: Caller, input: TRuleCreate): RuleRow {
  const desk = configurableDesk(db, caller);
  checkRuleForDesk(db, desk, input.conditions, input.actions);
  const id = newId();
  const now = new Date();
  db.transaction(
    (tx) => {
      tx.insert(routingRules)
        .values({
          id,
          tenantId: desk.id,
          name: input.name,
          position: nextPosition(tx, desk.id),
          enabled: input.enabled ?? true,
          conditions: input.conditions,
          actions: input.actions,
          updatedAt: now,
        })
        .run();
      recordDeskAudit(tx, caller, {
        action: 'routing_rule.created',
        tenantId: desk.id,
        targetType: 'routing_rule',
        targetId: id,
        data: { name: input.name },
      });
    },
    { behavior: 'immediate' },
  );
  const row = findDeskRule(db, desk.id, id);
  if (!row) throw new Error(`Rule ${id} vanished after creation`);
  return row;
}

/** Replaces the fields sent; another desk's rule is a 404. */
export function updateRule(db: Db, caller: Caller, id: string, input: TRuleUpdate): RuleRow {
  const desk = configurableDesk(db, caller);
  const before = findDeskRule(db, desk.id, id);
  if (!before) throw notFound('routing rule');
  checkRuleForDesk(db, desk, input.conditions, input.actions);
  db.transaction((tx) => {
    tx.update(routingRules)
      .set({ ...input, updatedAt: new Date() })
      .where(and(eq(routingRules.id, id), eq(routingRules.tenantId, desk.id)))
      .run();
    recordDeskAudit(tx, caller, {
      action: 'routing_rule.updated',
      tenantId: desk.id,
      targetType: 'routing_rule',
      targetId: id,
      data: { fields: Object.keys(input), name: input.name ?? before.name },
    });
  });
  const row = findDeskRule(db, desk.id, id);
  if (!row) throw notFound('routing rule');
  return row;
}

/** Deletes a rule of the caller's desk; another desk's rule is a 404. */
export function deleteRule(db: Db, caller: Caller, id: string): void {
  const desk = configurableDesk(db, caller);
  const before = findDeskRule(db, desk.id, id);
  if (!before) throw notFound('routing rule');
  db.transaction((tx) => {
    tx.delete(routingRules)
      .where(and(eq(routingRules.id, id), eq(routingRules.tenantId, desk.id)))
      .run();
    recordDeskAudit(tx, caller, {
      action: 'routing_rule.deleted',
      tenantId: desk.id,
      targetType: 'routing_rule',
      targetId: id,
      data: { name: before.name },
    });
  });
}

/**
 * Puts the desk's rules in the order given. `ids` must name every rule of the desk exactly once:
 * a partial or foreign list would leave two rules sharing a place, or probe another desk's ids.
 */
export function reorderRules(db: Db, caller: Caller, ids: string[]): RuleRow[] {
  const desk = configurableDesk(db, caller);
  db.transaction(
    (tx) => {
      const current = listRules(tx, desk.id).map((r) => r.id);
      const same =
        ids.length === current.length &&
        new Set(ids).size === ids.length &&
        ids.every((id) => current.includes(id));
      if (!same)
        throw badRequest('invalid_order', 'Send every rule of this desk exactly once, in the new order.');
      ids.forEach((id, index) => {
        tx.update(routingRules)
          .set({ position: index + 1 })
          .where(and(eq(routingRules.id, id), eq(routingRules.tenantId, desk.id)))
          .run();
      });
      recordDeskAudit(tx, caller, {
        action: 'routing_rule.reordered',
        tenantId: desk.id,
        targetType: 'tenant',
        targetId: desk.id,
        data: { ids },
      });
    },
    { behavior: 'immediate' },
  );
  return listRules(db, desk.id);
}
