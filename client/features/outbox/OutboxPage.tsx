import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { type Column, DataTable } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SkeletonCard } from '../../components/Spinner.tsx';
import { api } from '../../lib/api.ts';
import { formatDateTime, formatRelative, humanize } from '../../lib/format.ts';
import type { OutboxSummary } from '../../lib/types.ts';

export const OUTBOX_KEY = ['outbox'] as const;

export default function OutboxPage() {
  const outbox = useQuery({
    queryKey: OUTBOX_KEY,
    queryFn: () => api<{ emails: OutboxSummary[] }>('GET', '/api/outbox'),
    select: (data) => [...data.emails].sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
    // New mail (a magic link someone just asked for) should show up without a reload.
    refetchInterval: 10_000,
  });

  const columns: Column<OutboxSummary>[] = [
    {
      key: 'subject',
      header: 'Subject',
      primary: true,
      render: (email) => (
        <Link to={`/outbox/${email.id}`} className="row-link">
          {email.subject || '(no subject)'}
        </Link>
      ),
    },
    { key: 'to', header: 'To', render: (email) => <span className="break">{email.to}</span> },
    {
      key: 'time',
      header: 'Sent',
      render: (email) => (
        <time dateTime={email.createdAt} title={formatDateTime(email.createdAt)}>
          {formatRelative(email.createdAt)}
        </time>
      ),
    },
    {
      key: 'transport',
      header: 'Delivery',
      hideOnPhone: true,
      render: (email) => (
        <Badge tone={email.transport === 'smtp' ? 'success' : 'neutral'}>
          {transportLabel(email.transport)}
        </Badge>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="Outbox"
        description="Every email the portal sends. Without a mail server configured, this is where they go."
        actions={
          <Button
            icon="refresh"
            onClick={() => void outbox.refetch()}
            pending={outbox.isFetching && !outbox.isPending}
          >
            Refresh
          </Button>
        }
      />
      {outbox.isPending ? (
        <SkeletonCard lines={5} label="Loading emails…" />
      ) : outbox.isError ? (
        <div className="card">
          <ErrorState error={outbox.error} onRetry={() => void outbox.refetch()} />
        </div>
      ) : outbox.data.length === 0 ? (
        <div className="card">
          <EmptyState icon="inbox" title="No emails yet">
            Invitations, sign-in links and notifications will appear here as the portal sends them.
          </EmptyState>
        </div>
      ) : (
        <div className="card">
          <DataTable
            caption="Sent emails"
            columns={columns}
            rows={outbox.data}
            rowKey={(email) => email.id}
          />
        </div>
      )}
    </>
  );
}

function transportLabel(transport: string): string {
  if (transport === 'smtp') return 'Sent by SMTP';
  if (transport === 'outbox' || transport === 'file' || transport === 'local') return 'Outbox only';
  return humanize(transport);
}
