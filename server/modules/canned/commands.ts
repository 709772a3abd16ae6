/**
 * Creating, changing and deleting canned responses. Personal ones belong to their author;
 * shared ones to the desk, changed only by those who configure it. Changes to shared responses
 * are audited (they are desk configuration); personal ones are the author's own notebook.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../../storage/db.ts';
import { cannedResponses } from '../../../storage/schema.ts';
import type { Caller } from '../../http/caller.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { newId } from '../../ids.ts';
import { canConfigureDesk, canEditCanned, canUseDeskTools, servicingTenantOf } from '../../policy/index.ts';
import { recordDeskAudit } from '../routing/audit.ts';
import { type CannedRow, findVisibleCanned } from './queries.ts';
import type { TCannedCreate, TCannedUpdate } from './schema.ts';

/** The caller's desk, or 403: client roles have no canned responses. */
export function deskOfCaller(caller: Caller): string {
  const deskId = servicingTenantOf(caller.actor);
  if (!deskId || !canUseDeskTools(caller.actor))
    throw forbidden('Canned responses are for the service desk.');
  return deskId;
}

/** Loads a canned response the caller may see, or 404 (another agent's, another desk's, missing). */
function visibleOr404(db: Db, caller: Caller, id: string): CannedRow {
  const row = findVisibleCanned(db, caller.actor, id);
  if (!row) throw notFound('canned response');
  return row;
}

/** Saves a new canned response: shared with the desk (desk admins only) or the caller's own. */
export function createCanned(db: Db, caller: Caller, input: TCannedCreate): CannedRow {
  const deskId = deskOfCaller(caller);
  if (input.shared && !canConfigureDesk(caller.actor, deskId)) {
    throw forbidden('Only your desk’s admins can share canned responses; save it as your own instead.');
  }
  const id = newId();
  db.transaction((tx) => {
    tx.insert(cannedResponses)
      .values({
        id,
        tenantId: deskId,
        ownerId: input.shared ? null : caller.actor.userId,
        title: input.title,
        body: input.body,
        updatedAt: new Date(),
      })
      .run();
    if (input.shared) {
      recordDeskAudit(tx, caller, {
        action: 'canned_response.created',
        tenantId: deskId,
        targetType: 'canned_response',
        targetId: id,
        data: { title: input.title },
      });
    }
  });
  return visibleOr404(db, caller, id);
}

/** Changes the title or body; seen but not editable (a shared one, for partner_staff) is 403. */
export function updateCanned(db: Db, caller: Caller, id: string, input: TCannedUpdate): CannedRow {
  deskOfCaller(caller);
  const before = visibleOr404(db, caller, id);
  if (!canEditCanned(caller.actor, before))
    throw forbidden('Only your desk’s admins change shared responses.');
  db.transaction((tx) => {
    tx.update(cannedResponses)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(cannedResponses.id, before.id))
      .run();
    if (before.ownerId === null) {
      recordDeskAudit(tx, caller, {
        action: 'canned_response.updated',
        tenantId: before.tenantId,
        targetType: 'canned_response',
        targetId: id,
        data: { title: input.title ?? before.title, fields: Object.keys(input) },
      });
    }
  });
  return visibleOr404(db, caller, id);
}

/** Deletes a canned response the caller may edit. */
export function deleteCanned(db: Db, caller: Caller, id: string): void {
  deskOfCaller(caller);
  const before = visibleOr404(db, caller, id);
  if (!canEditCanned(caller.actor, before))
    throw forbidden('Only your desk’s admins delete shared responses.');
  db.transaction((tx) => {
    tx.delete(cannedResponses).where(eq(cannedResponses.id, before.id)).run();
    if (before.ownerId === null) {
      recordDeskAudit(tx, caller, {
        action: 'canned_response.deleted',
        tenantId: before.tenantId,
        targetType: 'canned_response',
        targetId: id,
        data: { title: before.title },
      });
    }
  });
}
