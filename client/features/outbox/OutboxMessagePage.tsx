import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { Card } from '../../components/Card.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SkeletonCard } from '../../components/Spinner.tsx';
import { api } from '../../lib/api.ts';
import { formatDateTime, linkify } from '../../lib/format.ts';
import type { OutboxEmail } from '../../lib/types.ts';

export default function OutboxMessagePage() {
  const { id = '' } = useParams();
  const email = useQuery({
    queryKey: ['outbox', id],
    queryFn: () => api<{ email: OutboxEmail }>('GET', `/api/outbox/${encodeURIComponent(id)}`),
    select: (data) => data.email,
  });
  const back = { to: '/outbox', label: 'Outbox' };

  if (email.isPending) {
    return (
      <>
        <PageHeader title="Email" back={back} />
        <SkeletonCard lines={6} label="Loading email…" />
      </>
    );
  }
  if (email.isError) {
    return (
      <>
        <PageHeader title="Email" back={back} />
        <div className="card">
          <ErrorState error={email.error} onRetry={() => void email.refetch()} />
        </div>
      </>
    );
  }
  const message = email.data;
  return (
    <>
      <PageHeader title={message.subject || '(no subject)'} back={back} />
      <div className="stack-l">
        <Card>
          <dl className="details details-inline">
            <div>
              <dt>From</dt>
              <dd className="break">{message.from}</dd>
            </div>
            <div>
              <dt>To</dt>
              <dd className="break">{message.to}</dd>
            </div>
            <div>
              <dt>Sent</dt>
              <dd>{formatDateTime(message.createdAt)}</dd>
            </div>
          </dl>
        </Card>
        <MessageBody email={message} />
      </div>
    </>
  );
}

function MessageBody({ email }: { email: OutboxEmail }) {
  const [view, setView] = useState<'text' | 'html'>('text');
  const hasHtml = Boolean(email.html);
  return (
    <Card
      title="Message"
      id="outbox-message"
      actions={
        hasHtml ? (
          <fieldset className="segmented">
            <legend className="visually-hidden">Show the message as</legend>
            {(['text', 'html'] as const).map((option) => (
              <label
                key={option}
                className={view === option ? 'segmented-option active' : 'segmented-option'}
              >
                <input
                  type="radio"
                  name="outbox-view"
                  value={option}
                  checked={view === option}
                  onChange={() => setView(option)}
                />
                {option === 'text' ? 'Text' : 'HTML'}
              </label>
            ))}
          </fieldset>
        ) : null
      }
    >
      {view === 'html' && email.html ? (
        // An empty sandbox: no scripts, no forms, no same-origin access, so stored mail can't act on the portal.
        <iframe
          className="email-frame"
          sandbox=""
          srcDoc={email.html}
          title={`HTML version of “${email.subject}”`}
        />
      ) : (
        <pre className="email-text">
          {linkify(email.text).map((part, index) =>
            part.kind === 'link' ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: parts of one immutable text, never reordered
              <a key={index} href={part.value}>
                {part.value}
              </a>
            ) : (
              // biome-ignore lint/suspicious/noArrayIndexKey: parts of one immutable text, never reordered
              <span key={index}>{part.value}</span>
            ),
          )}
        </pre>
      )}
    </Card>
  );
}
