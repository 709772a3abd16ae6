/**
 * Adding to a ticket's conversation: a public reply or an internal note. The thread is
 * append-only and written by the server (DESIGN.md rule 4), so this is the only way in.
 */
import { eq } from 'drizzle-orm';
import { ticketReplies, tickets } from '../../../storage/schema.ts';
import type { Caller } from '../../http/caller.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { newId } from '../../ids.ts';
import { canReplyToTicket, readsInternalTickets } from '../../policy/index.ts';
import { findVisibleTicket, ticketRefOf } from './access.ts';
import type { TicketDeps } from './create.ts';
import type { TReplyCreate } from './schema.ts';
import { appendTicketEvent } from './timeline.ts';

/**
 * Appends a reply and returns its id. Not visible: 404. A client role posting an internal note,
 * or anyone posting what the policy refuses: 403; a public reply on a closed ticket: 409
 * `ticket_closed`. An agent's first public reply stamps firstResponseAt; a client's reply on a
 * ticket waiting for them (`pending_client`) hands it back to the team (`open`).
 */
export function addReply(deps: TicketDeps, caller: Caller, ticketId: string, input: TReplyCreate): string {
  const { actor } = caller;
  const visible = findVisibleTicket(deps.db, actor, ticketId);
  if (!visible) throw notFound('ticket');
  const ref = ticketRefOf(visible);
  if (!canReplyToTicket(actor, ref, input.visibility)) {
    if (input.visibility === 'client' && ref.status === 'closed') {
      throw new AppError(409, 'ticket_closed', 'This ticket is closed. Open a new ticket to follow up.');
    }
    throw forbidden('You cannot add that to this ticket.');
  }
  const agent = readsInternalTickets(actor.role);

  const result = deps.db.transaction(
    (tx) => {
      const before = findVisibleTicket(deps.db, actor, ticketId);
      if (!before) throw notFound('ticket');
      const now = new Date();
      const replyId = newId();
      const base = { ticketId, tenantId: before.tenantId, actorId: actor.userId } as const;
      tx.insert(ticketReplies)
        .values({
          id: replyId,
          ticketId,
          tenantId: before.tenantId,
          authorId: actor.userId,
          visibility: input.visibility,
          body: input.body,
          createdAt: now,
        })
        .run();
      appendTicketEvent(tx, {
        ...base,
        type: 'reply_added',
        visibility: input.visibility,
        data: { replyId },
      });
      const set: Partial<typeof tickets.$inferInsert> = { updatedAt: now };
      if (agent && input.visibility === 'client' && before.firstResponseAt === null) {
        set.firstResponseAt = now;
      }
      const reopens = !agent && before.status === 'pending_client';
      if (reopens) {
        set.status = 'open';
        const data = { from: before.status, to: 'open' };
        appendTicketEvent(tx, { ...base, type: 'status_changed', visibility: 'client', data });
      }
      tx.update(tickets).set(set).where(eq(tickets.id, ticketId)).run();
      return { replyId, tenantId: before.tenantId };
    },
    { behavior: 'immediate' },
  );

  const { visibility } = input;
  deps.events.emit('ticket.reply_added', { ticketId, replyId: result.replyId, visibility });
  deps.events.emit('ticket.changed', { ticketId, tenantId: result.tenantId, visibility });
  return result.replyId;
}
