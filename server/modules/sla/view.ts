/**
 * `TicketView.sla`: what the ticket presenter adds. The service side (whoever may see the
 * ticket's internal side: provider staff, the servicing agency) gets the clocks; client roles
 * get null for now — showing them the countdown when their org's contract allows it is left for
 * when contracts exist.
 */

import { currentPause, type SlaTicket, type SlaView, slaFor } from './state.ts';
import { activeSlaPolicy } from './store.ts';

/** The ticket's SLA for a viewer who may see it, else null. */
export function slaViewFor(
  row: SlaTicket & { updatedAt: Date },
  mayView: boolean,
  now: Date = new Date(),
): SlaView | null {
  return mayView ? slaFor(row, activeSlaPolicy(), now, currentPause(row)) : null;
}
