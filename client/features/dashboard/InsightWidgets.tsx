/**
 * The widgets that summarise: a client's recent updates, an agency's open tickets per client org,
 * and a super_admin's volume (tickets filed per day) and SLA compliance.
 */
import { Link } from 'react-router';
import { useMe } from '../../app/me.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { formatDateTime, formatRelative } from '../../lib/format.ts';
import type { TicketDashboardData } from '../../lib/types.ts';
import { describeEvent } from '../tickets/words.ts';
import { WidgetCard } from './WidgetCard.tsx';
import { dayOfMonth, longDay, OPEN_STATUS_PARAM, ticketsLink } from './widget-format.ts';

export function RecentUpdatesWidget({ data }: { data: NonNullable<TicketDashboardData['recentUpdates']> }) {
  const me = useMe();
  return (
    <WidgetCard
      id="dash-recent-updates"
      title="Recent updates"
      link={{ to: ticketsLink({ sort: 'updated' }), name: 'tickets' }}
    >
      {data.items.length === 0 ? (
        <EmptyState icon="history" title="No updates yet">
          Replies and status changes on your tickets will appear here.
        </EmptyState>
      ) : (
        <ol className="list widget-updates">
          {data.items.map(({ ticket, event }) => (
            <li key={`${ticket.id}-${event.id}`} className="list-item">
              <div className="list-item-text">
                <Link to={`/tickets/${ticket.id}`} className="list-item-title">
                  {ticket.subject}
                </Link>
                <span className="widget-update-text">{describeEvent(event, 'client', me.user.id)}</span>
                <span className="list-item-meta">
                  <span className="ticket-key">{ticket.key}</span> ·{' '}
                  <time dateTime={event.createdAt} title={formatDateTime(event.createdAt)}>
                    {formatRelative(event.createdAt)}
                  </time>
                </span>
              </div>
            </li>
          ))}
        </ol>
      )}
    </WidgetCard>
  );
}

export function ByOrgWidget({ data }: { data: NonNullable<TicketDashboardData['byOrg']> }) {
  const total = data.orgs.reduce((sum, org) => sum + org.open, 0);
  return (
    <WidgetCard
      id="dash-by-org"
      title="Open tickets by client"
      description={`${total} open across ${data.orgs.length} ${data.orgs.length === 1 ? 'client' : 'clients'}`}
      link={{ to: ticketsLink({ status: OPEN_STATUS_PARAM }), name: 'open tickets' }}
      className="widget-wide"
    >
      {data.orgs.length === 0 ? (
        <EmptyState icon="building" title="No client organisations yet">
          Clients you add will appear here with their open tickets.
        </EmptyState>
      ) : (
        <ul className="list">
          {data.orgs.map((org) => (
            <li key={org.id} className="list-item">
              <span className="list-item-icon">
                <span aria-hidden>{org.name.slice(0, 1).toUpperCase()}</span>
              </span>
              <div className="list-item-text">
                <Link
                  to={ticketsLink({ orgId: org.id, status: OPEN_STATUS_PARAM })}
                  className="list-item-title"
                >
                  {org.name}
                </Link>
              </div>
              <span className={org.open > 0 ? 'widget-number' : 'widget-number widget-number-zero'}>
                {org.open}
                <span className="visually-hidden"> open</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </WidgetCard>
  );
}

export function VolumeWidget({ data }: { data: NonNullable<TicketDashboardData['volume']> }) {
  const total = data.days.reduce((sum, d) => sum + d.count, 0);
  const max = Math.max(1, ...data.days.map((d) => d.count));
  return (
    <WidgetCard
      id="dash-volume"
      title="Volume"
      description={`${total} ${total === 1 ? 'ticket' : 'tickets'} filed in the last ${data.days.length} days`}
      link={{ to: ticketsLink({ sort: 'created' }), label: 'Newest', name: 'newest tickets' }}
    >
      <ol className="volume-chart" aria-label="Tickets filed per day">
        {data.days.map((day) => (
          <li key={day.date} className="volume-day" title={`${longDay(day.date)}: ${day.count}`}>
            <span className="volume-count">{day.count > 0 ? day.count : ''}</span>
            <span
              className="volume-bar"
              style={{ height: `${Math.round((day.count / max) * 100)}%` }}
              aria-hidden
            />
            <span className="volume-label" aria-hidden>
              {dayOfMonth(day.date)}
            </span>
            <span className="visually-hidden">
              {longDay(day.date)}: {day.count} {day.count === 1 ? 'ticket' : 'tickets'}
            </span>
          </li>
        ))}
      </ol>
    </WidgetCard>
  );
}

export function SlaComplianceWidget({ data }: { data: NonNullable<TicketDashboardData['slaCompliance']> }) {
  const tone =
    data.percent === null ? '' : data.percent >= 90 ? 'good' : data.percent >= 75 ? 'fair' : 'poor';
  return (
    <WidgetCard
      id="dash-sla"
      title="SLA compliance"
      description={`Resolution targets, last ${data.days} days`}
      link={{
        to: ticketsLink({ status: 'resolved,closed', sort: 'updated' }),
        label: 'Resolved',
        name: 'resolved tickets',
      }}
    >
      <div className="card-body sla-compliance">
        {data.percent === null ? (
          <p className="subtle">No tickets were resolved in the last {data.days} days.</p>
        ) : (
          <>
            <p className={`sla-percent sla-percent-${tone}`}>{data.percent} %</p>
            <div className="sla-meter" aria-hidden>
              <span style={{ width: `${data.percent}%` }} />
            </div>
            <p className="subtle">
              {data.met} of {data.resolved} resolved {data.resolved === 1 ? 'ticket' : 'tickets'} met the
              target
            </p>
          </>
        )}
      </div>
    </WidgetCard>
  );
}
