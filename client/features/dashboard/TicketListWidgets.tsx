/**
 * The widgets that list tickets: a client's open tickets with their queue places, and the desk's
 * "My tickets", "Unassigned" and "Near breach". Each links through to the ticket list filtered
 * the same way it counts.
 */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Badge } from '../../components/Badge.tsx';
import { ButtonLink } from '../../components/Button.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import type { DashboardTicketItem, TicketDashboardData } from '../../lib/types.ts';
import { PriorityBadge, TicketStatusBadge } from '../tickets/TicketBadges.tsx';
import { type Audience, priorityLabel } from '../tickets/words.ts';
import { WidgetCard } from './WidgetCard.tsx';
import { OPEN_STATUS_PARAM, queuePlace, slaSentence, ticketsLink } from './widget-format.ts';

function TicketRow({
  ticket,
  audience,
  extra,
}: {
  ticket: DashboardTicketItem;
  audience: Audience;
  extra?: ReactNode;
}) {
  return (
    <li className="list-item widget-ticket">
      <div className="list-item-text">
        <Link to={`/tickets/${ticket.id}`} className="list-item-title">
          {ticket.subject}
        </Link>
        <span className="list-item-meta">
          <span className="ticket-key">{ticket.key}</span>
          {audience === 'staff' ? ` · ${ticket.org.name}` : ''}
        </span>
        {extra}
      </div>
      <span className="ticket-list-badges">
        <PriorityBadge priority={ticket.priority} label={false} />
        <TicketStatusBadge status={ticket.status} audience={audience} />
      </span>
    </li>
  );
}

export function OpenTicketsWidget({ data }: { data: NonNullable<TicketDashboardData['openTickets']> }) {
  return (
    <WidgetCard
      id="dash-open-tickets"
      title="Open tickets"
      description={data.total === 0 ? undefined : `${data.total} open`}
      link={{ to: ticketsLink({ status: OPEN_STATUS_PARAM }), name: 'open tickets' }}
      className="widget-wide"
    >
      {data.items.length === 0 ? (
        <EmptyState
          icon="ticket"
          title="No open tickets"
          action={
            <ButtonLink to="/tickets/new" size="s" icon="plus">
              New ticket
            </ButtonLink>
          }
        >
          Need a hand? Open a ticket and follow its place in the queue here.
        </EmptyState>
      ) : (
        <ul className="list">
          {data.items.map((ticket) => {
            const place = queuePlace(ticket.queue, priorityLabel(ticket.queue.priority));
            return (
              <TicketRow
                key={ticket.id}
                ticket={ticket}
                audience="client"
                extra={place ? <span className="widget-queue">{place}</span> : null}
              />
            );
          })}
        </ul>
      )}
    </WidgetCard>
  );
}

interface DeskListProps {
  id: string;
  title: string;
  data: { total: number; items: DashboardTicketItem[] };
  link: string;
  empty: { title: string; body: string };
}

function DeskList({ id, title, data, link, empty }: DeskListProps) {
  return (
    <WidgetCard
      id={id}
      title={
        <>
          {title} <span className="widget-count">{data.total}</span>
        </>
      }
      description={
        data.total > data.items.length ? `The ${data.items.length} most pressing of ${data.total}` : undefined
      }
      link={{ to: link, name: title }}
    >
      {data.items.length === 0 ? (
        <EmptyState icon="check" title={empty.title}>
          {empty.body}
        </EmptyState>
      ) : (
        <ul className="list">
          {data.items.map((ticket) => (
            <TicketRow key={ticket.id} ticket={ticket} audience="staff" />
          ))}
        </ul>
      )}
    </WidgetCard>
  );
}

export function MyTicketsWidget({ data }: { data: NonNullable<TicketDashboardData['myTickets']> }) {
  return (
    <DeskList
      id="dash-my-tickets"
      title="My tickets"
      data={data}
      link={ticketsLink({ assignee: 'me', status: OPEN_STATUS_PARAM, sort: 'priority' })}
      empty={{ title: 'Nothing assigned to you', body: 'Tickets assigned to you will appear here.' }}
    />
  );
}

export function UnassignedWidget({ data }: { data: NonNullable<TicketDashboardData['unassigned']> }) {
  return (
    <DeskList
      id="dash-unassigned"
      title="Unassigned"
      data={data}
      link={ticketsLink({ assignee: 'none', status: OPEN_STATUS_PARAM, sort: 'priority' })}
      empty={{ title: 'Every ticket has an owner', body: 'New tickets nobody has taken yet show up here.' }}
    />
  );
}

export function NearBreachWidget({ data }: { data: NonNullable<TicketDashboardData['nearBreach']> }) {
  return (
    <WidgetCard
      id="dash-near-breach"
      title={
        <>
          Near breach <span className="widget-count">{data.total}</span>
        </>
      }
      description={
        data.breached > 0 ? `${data.breached} already past due; most urgent first` : 'Most urgent first'
      }
      link={{
        to: ticketsLink({ status: 'new,open,in_progress', sort: 'priority' }),
        label: 'Open queue',
        name: 'the queue',
      }}
    >
      {data.items.length === 0 ? (
        <EmptyState icon="check" title="Every ticket is on time">
          Tickets close to missing their SLA targets will appear here.
        </EmptyState>
      ) : (
        <ul className="list">
          {data.items.map((ticket) => (
            <TicketRow
              key={ticket.id}
              ticket={ticket}
              audience="staff"
              extra={
                <span
                  className={
                    ticket.sla.state === 'breached' ? 'widget-sla widget-sla-breached' : 'widget-sla'
                  }
                >
                  <Badge tone={ticket.sla.state === 'breached' ? 'danger' : 'warning'}>
                    {ticket.sla.state === 'breached' ? 'Breached' : 'Near breach'}
                  </Badge>{' '}
                  {slaSentence(ticket.sla.clock, ticket.sla.remainingMinutes)}
                </span>
              }
            />
          ))}
        </ul>
      )}
    </WidgetCard>
  );
}
