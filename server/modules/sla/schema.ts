/** Inputs of the SLA routes. The policy body is `ZSlaPolicy` (policy.ts). */
import { z } from 'zod';
import { ZTicketListQuery } from '../tickets/schema.ts';
import { SLA_STATES } from './state.ts';

/** `GET /api/sla/tickets`: the ticket list's filters plus `state=near_breach,breached` (default). */
export const ZSlaTicketsQuery = ZTicketListQuery.extend({
  state: z
    .string()
    .transform((s) => s.split(',').map((v) => v.trim()))
    .pipe(z.array(z.enum(SLA_STATES)).min(1).max(SLA_STATES.length))
    .default(['near_breach', 'breached']),
});
export type TSlaTicketsQuery = z.infer<typeof ZSlaTicketsQuery>;
