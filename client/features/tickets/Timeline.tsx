/** The ticket's history as sentences: "Sam changed status from New to In progress". */
import { useMe } from '../../app/me.tsx';
import { Card } from '../../components/Card.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Skeleton } from '../../components/Spinner.tsx';
import { formatDateTime, formatRelative } from '../../lib/format.ts';
import type { Ticket, TicketEvent } from '../../lib/types.ts';
import { useTicketEvents } from './api.ts';
import { type Audience, describeEvent } from './words.ts';

export function Timeline({ ticket, audience }: { ticket: Ticket; audience: Audience }) {
  const me = useMe();
  const events = useTicketEvents(ticket.id);
  return (
    <Card title="Activity" id="ticket-activity">
      {events.isPending ? (
        <div className="stack-s" role="status" aria-busy="true">
          <span className="visually-hidden">Loading activity…</span>
          <Skeleton width="80%" />
          <Skeleton width="60%" />
        </div>
      ) : events.isError ? (
        <ErrorState
          error={events.error}
          onRetry={() => void events.refetch()}
          title="Activity couldn’t be loaded"
        />
      ) : events.data.length === 0 ? (
        <p className="subtle">Nothing has happened yet.</p>
      ) : (
        <ol className="timeline">
          {newestFirst(events.data).map((event) => (
            <li
              key={event.id}
              className={
                event.visibility === 'internal' ? 'timeline-item timeline-internal' : 'timeline-item'
              }
            >
              <span className="timeline-dot" aria-hidden />
              <p>
                {describeEvent(event, audience, me.user.id)}
                {event.visibility === 'internal' ? (
                  <span className="visually-hidden"> (internal)</span>
                ) : null}
              </p>
              <time className="subtle" dateTime={event.createdAt} title={formatDateTime(event.createdAt)}>
                {formatRelative(event.createdAt)}
              </time>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}

/** Newest first; entries of the same moment (a reply that also moved the status) by id, newest first. */
function newestFirst(events: readonly TicketEvent[]): TicketEvent[] {
  const byId = (a: TicketEvent['id'], b: TicketEvent['id']) =>
    typeof a === 'number' && typeof b === 'number' ? b - a : String(b).localeCompare(String(a));
  return [...events].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || byId(a.id, b.id));
}
