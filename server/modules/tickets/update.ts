/**
 * Working a ticket: status, priority, category and assignee. Each changed field becomes one
 * timeline entry with {from, to}; the row and its entries change in one transaction.
 */
import { eq } from 'drizzle-orm';
import { type TicketStatus, tickets } from '../../../storage/schema.ts';
import type { Caller } from '../../http/caller.ts';
import { AppError, badRequest, forbidden, notFound } from '../../http/errors.ts';
import { canUpdateTicket } from '../../policy/index.ts';
import { findVisibleTicket, type TicketRow, ticketRefOf } from './access.ts';
import { findAssignee } from './assignees.ts';
import type { TicketDeps } from './create.ts';
import type { TTicketUpdate } from './schema.ts';
import { appendTicketEvent, type TicketEventInput } from './timeline.ts';

/**
 * The resolution times a move to `to` implies: resolving stamps resolvedAt, closing stamps
 * closedAt (and resolvedAt if the ticket skipped "resolved"), reopening clears both so reports
 * measure the latest resolution, not a stale one.
 */
function resolutionTimes(row: TicketRow, to: TicketStatus, now: Date) {
  if (to === 'resolved') return { resolvedAt: now, closedAt: null };
  if (to === 'closed') return { resolvedAt: row.resolvedAt ?? now, closedAt: now };
  return { resolvedAt: null, closedAt: null };
}

/**
 * Applies `{status?, priority?, category?, assigneeId?}` to a ticket. Not visible: 404; visible
 * but not the caller's to change (every client role): 403; an assignee who may not work this
 * org's tickets, is inactive, or whom the caller may not see: 400 `invalid_assignee`.
 * A request that changes nothing writes nothing and announces nothing.
 */
export function updateTicket(deps: TicketDeps, caller: Caller, id: string, input: TTicketUpdate): TicketRow {
  const { actor } = caller;
  const visible = findVisibleTicket(deps.db, actor, id);
  if (!visible) throw notFound('ticket');
  if (!canUpdateTicket(actor, ticketRefOf(visible))) throw forbidden('You cannot change this ticket.');
  const org = { id: visible.tenantId, parentId: visible.tenantParentId };
  const assignee = input.assigneeId ? findAssignee(deps.db, actor, org, input.assigneeId) : null;
  if (input.assigneeId && !assignee) {
    throw badRequest('invalid_assignee', 'That person cannot be assigned to this ticket.');
  }

  const changed = deps.db.transaction(
    (tx) => {
      // Re-read inside the write lock: the {from, to} entries must describe the row replaced.
      const before = findVisibleTicket(deps.db, actor, id);
      if (!before) throw notFound('ticket');
      if (before.mergedIntoId && input.status !== undefined && input.status !== before.status) {
        // A merged ticket lives on in the survivor: reopening it would split the conversation again.
        throw new AppError(409, 'merged', 'This ticket was merged into another; work on that one instead.');
      }
      const now = new Date();
      const base = { ticketId: id, tenantId: before.tenantId, actorId: actor.userId } as const;
      const events: TicketEventInput[] = [];
      const set: Partial<typeof tickets.$inferInsert> = {};
      if (input.status !== undefined && input.status !== before.status) {
        Object.assign(set, { status: input.status }, resolutionTimes(before, input.status, now));
        const data = { from: before.status, to: input.status };
        events.push({ ...base, type: 'status_changed', visibility: 'client', data });
      }
      if (input.priority !== undefined && input.priority !== before.priority) {
        set.priority = input.priority;
        const data = { from: before.priority, to: input.priority };
        events.push({ ...base, type: 'priority_changed', visibility: 'client', data });
      }
      if (input.category !== undefined && input.category !== before.category) {
        set.category = input.category;
        const data = { from: before.category, to: input.category };
        events.push({ ...base, type: 'category_changed', visibility: 'client', data });
      }
      if (input.assigneeId !== undefined && input.assigneeId !== before.assigneeId) {
        set.assigneeId = input.assigneeId;
        const from = before.assigneeId ? { id: before.assigneeId, name: before.assigneeName } : null;
        const to = assignee ? { id: assignee.id, name: assignee.name } : null;
        // Who works a ticket is internal (agent identities never reach a client).
        events.push({ ...base, type: 'assignee_changed', visibility: 'internal', data: { from, to } });
      }
      if (events.length === 0) return [];
      tx.update(tickets)
        .set({ ...set, updatedAt: now })
        .where(eq(tickets.id, id))
        .run();
      for (const event of events) appendTicketEvent(tx, event);
      return events;
    },
    { behavior: 'immediate' },
  );

  if (changed.length > 0) {
    const visibility = changed.some((e) => e.visibility === 'client') ? 'client' : 'internal';
    deps.events.emit('ticket.changed', { ticketId: id, tenantId: visible.tenantId, visibility });
    const base = { ticketId: id, tenantId: visible.tenantId, actorId: actor.userId };
    for (const event of changed) {
      const data = event.data as { from: unknown; to: unknown };
      if (event.type === 'status_changed') {
        const { from, to } = data as { from: TicketStatus; to: TicketStatus };
        deps.events.emit('ticket.status_changed', { ...base, from, to });
      }
      if (event.type === 'assignee_changed') {
        const to = data.to as { id: string } | null;
        deps.events.emit('ticket.assigned', { ...base, assigneeId: to?.id ?? null });
      }
    }
  }
  const after = findVisibleTicket(deps.db, actor, id);
  if (!after) throw notFound('ticket');
  return after;
}
