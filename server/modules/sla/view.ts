/**
 * `TicketView.sla`: what the ticket presenter adds. The service side (whoever may see the
 * ticket's internal side: provider staff, the servicing agency) gets the full clocks. Client
 * roles get them only when their org's contract says so (`tenants.sla_visible_to_client`), and
 * then only the client-safe part — targets, due times and states — never the remaining business
 * minutes or the calendar the desk works to; otherwise null.
 *
 * The org read is the ticket's own org (the row's join), and a client only ever sees tickets of
 * their own org, so one org's setting can never show another org's people anything.
 */

import { currentPause, type SlaClock, type SlaState, type SlaTicket, type SlaView, slaFor } from './state.ts';
import { activeSlaPolicy } from './store.ts';

/** One clock as a client may see it. */
export interface ClientSlaClock {
  targetMinutes: number;
  dueAt: string;
  /** When the clock stopped (first response, resolution); null while it runs. */
  stoppedAt: string | null;
  state: SlaState;
}

/** The SLA as a client may see it: the two clocks and the overall state, nothing internal. */
export interface ClientSlaView {
  firstResponse: ClientSlaClock;
  resolution: ClientSlaClock;
  state: SlaState;
}

function clientClock(c: SlaClock): ClientSlaClock {
  return { targetMinutes: c.targetMinutes, dueAt: c.dueAt, stoppedAt: c.stoppedAt, state: c.state };
}

/** The fields the SLA reads from a ticket row, plus its org's client-visibility switch. */
export type SlaRow = SlaTicket & { updatedAt: Date; tenantSlaVisibleToClient?: boolean };

/**
 * The ticket's SLA for this viewer: everything for the service side (`mayView`), the client-safe
 * part for a client whose org allows it, else null.
 */
export function slaViewFor(
  row: SlaRow,
  mayView: boolean,
  now: Date = new Date(),
): SlaView | ClientSlaView | null {
  if (!mayView && row.tenantSlaVisibleToClient !== true) return null;
  const sla = slaFor(row, activeSlaPolicy(), now, currentPause(row));
  if (mayView) return sla;
  return {
    firstResponse: clientClock(sla.firstResponse),
    resolution: clientClock(sla.resolution),
    state: sla.state,
  };
}
