/** The ticket's facts under its title, and the sentence announced when one of them changes. */
import { useEffect, useRef, useState } from 'react';
import { formatDateTime, formatRelative } from '../../lib/format.ts';
import type { Ticket } from '../../lib/types.ts';
import { type Audience, categoryLabel, priorityLabel, ticketStatusLabel } from './words.ts';

export function TicketFacts({ ticket, audience }: { ticket: Ticket; audience: Audience }) {
  const manage = ticket.abilities.update;
  return (
    <dl className="ticket-facts">
      {!manage ? (
        <div>
          <dt>Status</dt>
          <dd>{ticketStatusLabel(ticket.status, audience)}</dd>
        </div>
      ) : null}
      <div>
        <dt>Organisation</dt>
        <dd>{ticket.org.name}</dd>
      </div>
      <div>
        <dt>Requested by</dt>
        <dd>{ticket.requester.name}</dd>
      </div>
      {!ticket.abilities.assign ? (
        <div>
          <dt>Assigned to</dt>
          <dd>
            {ticket.assignee?.name ??
              (ticket.assigned
                ? 'Someone on the team'
                : audience === 'client'
                  ? 'Not yet assigned'
                  : 'Unassigned')}
          </dd>
        </div>
      ) : null}
      {!manage ? (
        <div>
          <dt>Category</dt>
          <dd>{categoryLabel(ticket.category)}</dd>
        </div>
      ) : null}
      <div>
        <dt>Opened</dt>
        <dd>
          <time dateTime={ticket.createdAt} title={formatDateTime(ticket.createdAt)}>
            {formatRelative(ticket.createdAt)}
          </time>
        </dd>
      </div>
      <div>
        <dt>Updated</dt>
        <dd>
          <time dateTime={ticket.updatedAt} title={formatDateTime(ticket.updatedAt)}>
            {formatRelative(ticket.updatedAt)}
          </time>
        </dd>
      </div>
    </dl>
  );
}

/**
 * A sentence for screen readers whenever status, priority, category or assignee changes while
 * the page is open, whether by this person (optimistically) or by someone else (pushed).
 */
export function useChangeAnnouncement(ticket: Ticket, audience: Audience): string {
  const previous = useRef(ticket);
  const [message, setMessage] = useState('');
  useEffect(() => {
    const before = previous.current;
    previous.current = ticket;
    const parts: string[] = [];
    if (before.status !== ticket.status)
      parts.push(`Status is now ${ticketStatusLabel(ticket.status, audience)}`);
    if (before.priority !== ticket.priority) parts.push(`Priority is now ${priorityLabel(ticket.priority)}`);
    if (before.category !== ticket.category) parts.push(`Category is now ${categoryLabel(ticket.category)}`);
    if ((before.assignee?.id ?? null) !== (ticket.assignee?.id ?? null)) {
      parts.push(ticket.assignee ? `Assigned to ${ticket.assignee.name}` : 'Now unassigned');
    }
    if (parts.length > 0) setMessage(`${parts.join('. ')}.`);
  }, [ticket, audience]);
  return message;
}
