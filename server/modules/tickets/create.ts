/**
 * Filing a ticket: key, routing, row and first timeline entries in one transaction, then
 * announced.
 */
import type { Db } from '../../../storage/db.ts';
import { tickets } from '../../../storage/schema.ts';
import type { PortalEventBus } from '../../events.ts';
import type { Caller } from '../../http/caller.ts';
import { AppError, badRequest, forbidden, notFound } from '../../http/errors.ts';
import { newId } from '../../ids.ts';
import { canCreateTicketIn } from '../../policy/index.ts';
import { recordRouting, routeNewTicket } from '../routing/apply.ts';
import { findVisibleTenant, tenantRefOf } from '../tenants/queries.ts';
import { findVisibleTicket, type TicketRow } from './access.ts';
import { allocateTicketKey } from './numbering.ts';
import type { TTicketCreate } from './schema.ts';
import { appendTicketEvent } from './timeline.ts';

/** What a ticket command needs of the app: the database and the event bus. */
export interface TicketDeps {
  db: Db;
  events: PortalEventBus;
}

/**
 * Files a ticket for the caller in `input.orgId` (a client's own org when they omit it). An org
 * the caller cannot see is a 404; a visible one they may not file in is a 403. Staff and partners
 * must name the org: their own tenant is never a client org.
 */
export function createTicket(deps: TicketDeps, caller: Caller, input: TTicketCreate): TicketRow {
  const { actor } = caller;
  const isClientRole = actor.tenantKind === 'client';
  if (!isClientRole && input.orgId === undefined) {
    throw badRequest('org_required', 'Choose the client organization this ticket is for.');
  }
  // Through the tenant scope: a client naming another org gets the same 404 as a missing one.
  const org = findVisibleTenant(deps.db, actor, input.orgId ?? actor.tenantId);
  if (!org) throw notFound('organization');
  if (!canCreateTicketIn(actor, tenantRefOf(org))) throw forbidden('You cannot file tickets there.');
  if (!org.active) throw new AppError(409, 'conflict', 'That organization is deactivated.');

  const description = input.description?.trim() ?? '';
  const now = new Date();
  // Immediate: the write lock is held from the first statement, so the key's sequence upsert
  // never races another process's creating transaction.
  const { id, assigneeId } = deps.db.transaction(
    (tx) => {
      const ticketId = newId();
      // Routed before the insert, so the row is written once with the rule's priority, team and
      // assignee; the round-robin cursor moves in this same transaction.
      const routing = routeNewTicket(tx, {
        orgId: org.id,
        category: input.category,
        priority: input.priority,
        subject: input.subject,
        description,
      });
      tx.insert(tickets)
        .values({
          id: ticketId,
          tenantId: org.id,
          key: allocateTicketKey(tx, org.id),
          subject: input.subject,
          category: input.category,
          priority: routing?.priority ?? input.priority,
          status: 'new',
          requesterId: actor.userId,
          assigneeId: routing?.assignee?.id ?? null,
          team: routing?.team ?? null,
          initialDescription: description || null,
          // Until the document is first stored, lists and search read the plain text filed.
          descriptionText: description,
          createdAt: now,
          updatedAt: now,
        })
        .run();
      appendTicketEvent(tx, {
        ticketId,
        tenantId: org.id,
        actorId: actor.userId,
        type: 'created',
        visibility: 'client',
      });
      if (routing) recordRouting(tx, { id: ticketId, tenantId: org.id }, routing);
      return { id: ticketId, assigneeId: routing?.assignee?.id ?? null };
    },
    { behavior: 'immediate' },
  );

  deps.events.emit('ticket.changed', { ticketId: id, tenantId: org.id, visibility: 'client' });
  deps.events.emit('ticket.created', { ticketId: id, tenantId: org.id, actorId: actor.userId });
  if (assigneeId) {
    deps.events.emit('ticket.assigned', { ticketId: id, tenantId: org.id, actorId: null, assigneeId });
  }
  const row = findVisibleTicket(deps.db, actor, id);
  // canCreateTicketIn implies the requester sees their own ticket; anything else is a policy bug.
  if (!row) throw new Error(`Created ticket ${id} is not visible to its requester`);
  return row;
}
