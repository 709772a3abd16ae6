/**
 * "How did we do?" on a resolved ticket's page: the form for a client who may rate it, the
 * rating once given (to the service side and to the person who gave it), or a line saying it was
 * rated. Nothing for tickets that are not resolved or closed.
 */
import { Card } from '../../components/Card.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { describeError } from '../../lib/errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import type { Ticket } from '../../lib/types.ts';
import { useRateTicket, useTicketCsat } from './api.ts';
import { RatingForm, ratingLabel } from './RatingForm.tsx';

export function CsatCard({ ticket }: { ticket: Ticket }) {
  const done = ticket.status === 'resolved' || ticket.status === 'closed';
  const csat = useTicketCsat(ticket.id, done);
  const rate = useRateTicket(ticket.id);
  if (!done || csat.isPending) return null;
  if (csat.isError) {
    return (
      <Card title="Satisfaction" id="csat-card">
        <ErrorState error={csat.error} onRetry={() => void csat.refetch()} />
      </Card>
    );
  }
  const { data } = csat;
  if (data.abilities.rate) {
    return (
      <Card
        title="How did we do?"
        id="csat-card"
        description="Rate how this request was handled. It takes a moment."
      >
        <RatingForm
          pending={rate.isPending}
          error={rate.error ? describeError(rate.error) : null}
          onSubmit={(input) => rate.mutate(input)}
        />
      </Card>
    );
  }
  if (data.csat) {
    const mine = rate.isSuccess;
    return (
      <Card title="Satisfaction" id="csat-card">
        <div className="stack" role={mine ? 'status' : undefined}>
          {mine ? <p>Thank you for your rating.</p> : null}
          <p className="csat-given">
            <span className="csat-stars" aria-hidden>
              {'★'.repeat(data.csat.rating)}
              {'☆'.repeat(5 - data.csat.rating)}
            </span>
            <strong>{ratingLabel(data.csat.rating)}</strong>
          </p>
          {data.csat.comment ? <blockquote className="csat-comment">{data.csat.comment}</blockquote> : null}
          <p className="subtle">
            {data.csat.rater.name} · {formatDateTime(data.csat.createdAt)}
          </p>
        </div>
      </Card>
    );
  }
  if (data.rated) {
    return (
      <Card title="Satisfaction" id="csat-card">
        <p>This ticket has been rated. Thank you.</p>
      </Card>
    );
  }
  return null;
}
