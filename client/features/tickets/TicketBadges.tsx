import { Badge } from '../../components/Badge.tsx';
import type { Ticket } from '../../lib/types.ts';
import { SlaBadge, slaOf } from './SlaBadge.tsx';
import { type Audience, priorityLabel, ticketStatusLabel, ticketStatusTone } from './words.ts';

export function TicketStatusBadge({ status, audience }: { status: string; audience: Audience }) {
  return <Badge tone={ticketStatusTone(status)}>{ticketStatusLabel(status, audience)}</Badge>;
}

/** Priority in words beside a small bar meter, so it never relies on colour alone. */
export function PriorityBadge({ priority, label = true }: { priority: string; label?: boolean }) {
  return (
    <span className={`priority priority-${priority}`}>
      <span className="priority-bars" aria-hidden>
        <span />
        <span />
        <span />
      </span>
      <span className={label ? undefined : 'visually-hidden'}>{priorityLabel(priority)}</span>
      <span className="visually-hidden"> priority</span>
    </span>
  );
}

/** The SLA flag of a list row: the clock that matters now, or a dash when there is none. */
export function TicketSlaBadge({ ticket }: { ticket: Ticket }) {
  const sla = slaOf(ticket);
  if (!sla) return <span className="subtle">—</span>;
  return <SlaBadge sla={sla} />;
}
