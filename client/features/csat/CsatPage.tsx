/**
 * The page a CSAT email opens (`/csat/:token`), outside the signed-in shell and branded by the
 * host like the sign-in pages. Opening it records nothing (mail scanners follow links): only
 * pressing Submit does. States: the form, thank you, already rated, can't rate now, bad link.
 */
import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Icon } from '../../components/Icon.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { isApiError } from '../../lib/api.ts';
import { describeError } from '../../lib/errors.ts';
import { AuthLayout } from '../auth/AuthLayout.tsx';
import { useCsatLink, useRateByLink } from './api.ts';
import { RatingForm } from './RatingForm.tsx';

export default function CsatPage() {
  const { token = '' } = useParams();
  const link = useCsatLink(token);
  const rate = useRateByLink(token);

  if (link.isPending) {
    return (
      <AuthLayout title="How did we do?">
        <p className="row" role="status">
          <Spinner /> Loading your ticket…
        </p>
      </AuthLayout>
    );
  }
  if (link.isError) {
    if (isApiError(link.error, 'not_found')) {
      return (
        <Outcome title="This link can’t be used" icon="alert" tone="danger">
          The rating link is incomplete, has expired (links last 30 days) or isn’t yours. You can still tell
          us how it went by replying on the ticket in the portal.
        </Outcome>
      );
    }
    return (
      <AuthLayout title="How did we do?">
        <ErrorState error={link.error} onRetry={() => void link.refetch()} />
      </AuthLayout>
    );
  }

  const { ticket, servicingName } = link.data;
  const summary = (
    <p className="csat-ticket">
      <span className="ticket-key">{ticket.key}</span> {ticket.subject}
    </p>
  );
  if (rate.isSuccess) {
    return (
      <Outcome title="Thank you!" icon="check" tone="success" summary={summary}>
        Your rating went to {servicingName}. It helps them see what works.
      </Outcome>
    );
  }
  if (link.data.alreadyRated || isApiError(rate.error, 'already_rated')) {
    return (
      <Outcome title="Already rated" icon="check" tone="success" summary={summary}>
        This ticket has already been rated — thank you. Each ticket takes one rating.
      </Outcome>
    );
  }
  if (!link.data.canRate || isApiError(rate.error, 'not_resolved')) {
    return (
      <Outcome title="This ticket is open again" icon="alert" tone="warning" summary={summary}>
        It was reopened after we asked, so it can’t be rated right now. We’ll ask again once it’s resolved.
      </Outcome>
    );
  }
  return (
    <AuthLayout title="How did we do?" description={`${servicingName} resolved your request. How was it?`}>
      <div className="stack">
        {summary}
        <RatingForm
          block
          pending={rate.isPending}
          error={rate.error ? describeError(rate.error) : null}
          onSubmit={(input) => rate.mutate(input)}
        />
      </div>
    </AuthLayout>
  );
}

function Outcome({
  title,
  icon,
  tone,
  summary,
  children,
}: {
  title: string;
  icon: 'check' | 'alert';
  tone: 'success' | 'warning' | 'danger';
  summary?: ReactNode;
  children: ReactNode;
}) {
  return (
    <AuthLayout title={title}>
      <div className="stack" role="status">
        <span className={`auth-illustration auth-illustration-${tone}`}>
          <Icon name={icon} size={28} />
        </span>
        {summary}
        <p>{children}</p>
      </div>
    </AuthLayout>
  );
}
