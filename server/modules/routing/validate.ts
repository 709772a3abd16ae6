/**
 * The checks of a rule that need the database: every org a condition names must be a client
 * org of this desk, and a named assignee must work this desk's tickets. Refusals use the same
 * `validation_failed` shape as zod's, with the path of the wrong field, so the dialog can show
 * the message beside it.
 */

import type { Db } from '../../../storage/db.ts';
import type { RoutingActions, RoutingConditions } from '../../../storage/schema-service-desk.ts';
import { AppError } from '../../http/errors.ts';
import { findDeskAgent } from './agents.ts';
import { listDeskOrgs } from './queries.ts';

function invalid(path: string, message: string): AppError {
  return new AppError(400, 'validation_failed', `${path}: ${message}`, { details: [{ path, message }] });
}

/** Throws a 400 naming the first condition or action this desk cannot use. */
export function checkRuleForDesk(
  db: Db,
  desk: { id: string; kind: string },
  conditions: RoutingConditions | undefined,
  actions: RoutingActions | undefined,
): void {
  if (conditions?.orgIds) {
    const own = new Set(listDeskOrgs(db, desk).map((o) => o.id));
    const index = conditions.orgIds.findIndex((id) => !own.has(id));
    // Same answer for "another desk's client" and "no such org": nothing about other desks leaks.
    if (index >= 0) {
      throw invalid(`conditions.orgIds.${index}`, 'That organization is not a client of this desk.');
    }
  }
  if (actions?.assigneeId && !findDeskAgent(db, desk.id, actions.assigneeId)) {
    throw invalid('actions.assigneeId', 'That person cannot work this desk’s tickets.');
  }
}
