/**
 * Bulk changes from the ticket list: one `updateTicket` per ticket, so every ticket gets exactly
 * the policy checks, timeline entries and events a single change would. Each ticket stands alone:
 * one refused or invisible id never stops the others, and the answer says what became of each.
 */
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { z } from 'zod';
import { TICKET_PRIORITIES, TICKET_STATUSES } from '../../../storage/schema.ts';
import type { AppContext } from '../../context.ts';
import { type Caller, callerOf } from '../../http/caller.ts';
import { AppError } from '../../http/errors.ts';
import { parse } from '../../http/validate.ts';
import { ZId } from '../tenants/schema.ts';
import type { TicketDeps } from './create.ts';
import { updateTicket } from './update.ts';

/** Most tickets one request may change: a page of the list, with room to spare. */
export const BULK_LIMIT = 100;

export const ZTicketBulkUpdate = z
  .object({
    ids: z
      .array(ZId)
      .min(1, 'Choose at least one ticket.')
      .max(BULK_LIMIT, `Change at most ${BULK_LIMIT} tickets at a time.`),
    changes: z
      .object({
        status: z.enum(TICKET_STATUSES).optional(),
        priority: z.enum(TICKET_PRIORITIES).optional(),
        /** null unassigns. */
        assigneeId: ZId.nullable().optional(),
      })
      .strict()
      .refine((v) => Object.values(v).some((x) => x !== undefined), 'Choose a status, priority or assignee.'),
  })
  .strict();
export type TTicketBulkUpdate = z.infer<typeof ZTicketBulkUpdate>;

/** What became of one ticket. `error` is a code; `message` explains it, except for `not_found`. */
export interface BulkResult {
  id: string;
  ok: boolean;
  error?: string;
  message?: string;
}

/**
 * Applies `changes` to each ticket in turn (each in its own transaction). An invisible ticket
 * answers `not_found` and nothing else, the same as a missing one; a refusal its code and reason.
 */
export function bulkUpdateTickets(
  deps: TicketDeps,
  caller: Caller,
  input: TTicketBulkUpdate,
  log: FastifyBaseLogger,
): BulkResult[] {
  // The same id twice would be changed once anyway; answer once per ticket.
  const ids = [...new Set(input.ids)];
  return ids.map((id) => {
    try {
      updateTicket(deps, caller, id, input.changes);
      return { id, ok: true };
    } catch (err) {
      if (!(err instanceof AppError)) {
        // One broken ticket must not hide what happened to the rest.
        log.error({ err, ticketId: id }, 'bulk ticket update failed');
        return { id, ok: false, error: 'internal', message: 'Something went wrong with this ticket.' };
      }
      if (err.code === 'not_found') return { id, ok: false, error: 'not_found' };
      return { id, ok: false, error: err.code, message: err.message };
    }
  });
}

/** Registers `POST /api/tickets/bulk`. */
export function ticketBulkRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post('/api/tickets/bulk', async (req) => {
    const caller = callerOf(req);
    const input = parse(ZTicketBulkUpdate, req.body);
    return { results: bulkUpdateTickets(ctx, caller, input, req.log) };
  });
}
