/** The dashboard's "Recent tickets": the five most recently updated, kept fresh by the user channel. */
import { Link } from 'react-router';
import { useMe } from '../../app/me.tsx';
import { ButtonLink } from '../../components/Button.tsx';
import { Card } from '../../components/Card.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Skeleton } from '../../components/Spinner.tsx';
import { formatDateTime, formatRelative } from '../../lib/format.ts';
import { useTickets } from './api.ts';
import { QueuePosition } from './QueuePosition.tsx';
import { PriorityBadge, TicketStatusBadge } from './TicketBadges.tsx';
import { audienceOf } from './words.ts';

const RECENT = { sort: 'updated' } as const;

export function RecentTicketsCard() {
  const me = useMe();
  const audience = audienceOf(me.user.role);
  const tickets = useTickets(RECENT);
  const shown = tickets.data?.slice(0, 5) ?? [];
  return (
    <Card
      title="Recent tickets"
      id="dash-tickets"
      actions={
        <Link to="/tickets" className="card-link">
          View all
        </Link>
      }
      flush
    >
      {tickets.isPending ? (
        <div className="card-body stack-s" role="status" aria-busy="true">
          <span className="visually-hidden">Loading tickets…</span>
          <Skeleton width="80%" />
          <Skeleton width="65%" />
          <Skeleton width="70%" />
        </div>
      ) : tickets.isError && !tickets.data ? (
        <ErrorState error={tickets.error} onRetry={() => void tickets.refetch()} />
      ) : shown.length === 0 ? (
        <EmptyState
          icon="ticket"
          title="No tickets yet"
          action={
            <ButtonLink to="/tickets/new" size="s" icon="plus">
              New ticket
            </ButtonLink>
          }
        >
          {audience === 'client'
            ? 'Need a hand? Open a ticket and follow it here.'
            : 'Tickets from your clients will show up here.'}
        </EmptyState>
      ) : (
        <ul className="list">
          {shown.map((ticket) => (
            <li key={ticket.id} className="list-item ticket-list-item">
              <div className="list-item-text">
                <Link to={`/tickets/${ticket.id}`} className="list-item-title">
                  {ticket.subject}
                </Link>
                <span className="list-item-meta">
                  <span className="ticket-key">{ticket.key}</span>
                  {audience === 'staff' ? ` · ${ticket.org.name}` : ''} · updated{' '}
                  <time dateTime={ticket.updatedAt} title={formatDateTime(ticket.updatedAt)}>
                    {formatRelative(ticket.updatedAt)}
                  </time>
                </span>
                {audience === 'client' ? (
                  <QueuePosition ticketId={ticket.id} status={ticket.status} compact />
                ) : null}
              </div>
              <span className="ticket-list-badges">
                <PriorityBadge priority={ticket.priority} label={false} />
                <TicketStatusBadge status={ticket.status} audience={audience} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
