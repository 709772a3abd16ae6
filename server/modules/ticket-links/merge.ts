/**
 * Merging a duplicate into the ticket that survives: the source is closed and points at the
 * target, a 'duplicate' link joins them, and both timelines say so — in one transaction. The
 * source keeps its conversation, documents and attachments: nothing is moved, so nothing a
 * client said or saw changes audience or disappears.
 */
import { eq } from 'drizzle-orm';
import { type TicketStatus, ticketLinks, tickets } from '../../../storage/schema.ts';
import type { Caller } from '../../http/caller.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { newId } from '../../ids.ts';
import { findVisibleTicket, type TicketRow } from '../tickets/access.ts';
import type { TicketDeps } from '../tickets/create.ts';
import { appendTicketEvent } from '../tickets/timeline.ts';
import { appendLinkEvent, ticketMention } from './link-events.ts';
import { findLinkBetween, loadPair, orderedPair } from './links.ts';
import type { TMergeCreate } from './schema.ts';

const alreadyMerged = (t: TicketRow) =>
  new AppError(409, 'already_merged', `${t.key} has already been merged into another ticket.`);

/** Refuses a pair where either side was already merged (no chains: every merge ends at a live ticket). */
function assertNotMerged(source: TicketRow, target: TicketRow): void {
  if (source.mergedIntoId) throw alreadyMerged(source);
  if (target.mergedIntoId) throw alreadyMerged(target);
}

/**
 * Merges ticket `sourceId` into the ticket `input.intoTicketId` names (an id or a key). Invisible
 * target: 404; the same ticket or another org: 400; not the caller's to change: 403; either side
 * already merged: 409 `already_merged`. Returns the source as it is now.
 */
export function mergeTicket(
  deps: TicketDeps,
  caller: Caller,
  sourceId: string,
  input: TMergeCreate,
): TicketRow {
  const { actor } = caller;
  const { source, other: target } = loadPair(deps, caller, sourceId, input.intoTicketId);
  assertNotMerged(source, target);

  const from = deps.db.transaction(
    (tx) => {
      // Re-read inside the write lock: a merge that raced us must not be merged over.
      const before = findVisibleTicket(deps.db, actor, source.id);
      const into = findVisibleTicket(deps.db, actor, target.id);
      if (!before || !into) throw notFound('ticket');
      assertNotMerged(before, into);
      const now = new Date();
      tx.update(tickets)
        .set({
          status: 'closed',
          mergedIntoId: into.id,
          closedAt: now,
          resolvedAt: before.resolvedAt ?? now,
          updatedAt: now,
        })
        .where(eq(tickets.id, before.id))
        .run();
      tx.update(tickets).set({ updatedAt: now }).where(eq(tickets.id, into.id)).run();

      const existing = findLinkBetween(deps, before.id, into.id);
      if (existing) {
        tx.update(ticketLinks).set({ kind: 'duplicate' }).where(eq(ticketLinks.id, existing.id)).run();
      } else {
        tx.insert(ticketLinks)
          .values({
            id: newId(),
            tenantId: before.tenantId,
            ...orderedPair(before.id, into.id),
            kind: 'duplicate',
            createdBy: actor.userId,
            createdAt: now,
          })
          .run();
      }

      const base = { tenantId: before.tenantId, actorId: actor.userId } as const;
      if (before.status !== 'closed') {
        appendTicketEvent(tx, {
          ...base,
          ticketId: before.id,
          type: 'status_changed',
          visibility: 'client',
          data: { from: before.status, to: 'closed' },
        });
      }
      // Client-visible on both: the people of the org live with the merge ("where did my ticket go?").
      appendLinkEvent(tx, {
        ...base,
        ticketId: before.id,
        type: 'merged_into',
        visibility: 'client',
        data: { ticket: ticketMention(into) },
      });
      appendLinkEvent(tx, {
        ...base,
        ticketId: into.id,
        type: 'merged_from',
        visibility: 'client',
        data: { ticket: ticketMention(before) },
      });
      return before.status;
    },
    { behavior: 'immediate' },
  );

  for (const t of [source, target]) {
    deps.events.emit('ticket.changed', { ticketId: t.id, tenantId: t.tenantId, visibility: 'client' });
  }
  if (from !== 'closed') {
    const to: TicketStatus = 'closed';
    // events.ts: a merge is a system move of the status, so no actor (nobody chose "closed").
    deps.events.emit('ticket.status_changed', {
      ticketId: source.id,
      tenantId: source.tenantId,
      actorId: null,
      from,
      to,
    });
  }
  const after = findVisibleTicket(deps.db, actor, source.id);
  if (!after) throw notFound('ticket');
  return after;
}
