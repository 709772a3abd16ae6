import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '../../components/Button.tsx';
import { type Column, DataTable } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SkeletonCard } from '../../components/Spinner.tsx';
import { api, withQuery } from '../../lib/api.ts';
import { auditActionLabel, formatDateTime, humanize } from '../../lib/format.ts';
import type { AuditEntry } from '../../lib/types.ts';

const PAGE = 100;

/** The audit entry shape is open in docs/API.md, so each column reads the likely field names. */
function when(entry: AuditEntry): string | undefined {
  return entry.createdAt ?? entry.at;
}

function actorText(entry: AuditEntry): string {
  if (entry.actorName || entry.actorEmail) return entry.actorName ?? entry.actorEmail ?? '';
  if (typeof entry.actor === 'string') return entry.actor;
  if (entry.actor) return entry.actor.name ?? entry.actor.email ?? entry.actor.id ?? '';
  return entry.actorId ? entry.actorId : 'System';
}

function targetText(entry: AuditEntry): string {
  if (entry.targetName)
    return entry.targetType ? `${humanize(entry.targetType)}: ${entry.targetName}` : entry.targetName;
  if (typeof entry.target === 'string') return entry.target;
  if (entry.target) {
    const name = entry.target.name ?? entry.target.id ?? '';
    return entry.target.type ? `${humanize(entry.target.type)}${name ? `: ${name}` : ''}` : name;
  }
  if (entry.targetType) return `${humanize(entry.targetType)}${entry.targetId ? ` ${entry.targetId}` : ''}`;
  return '—';
}

export default function AuditPage() {
  const [limit, setLimit] = useState(PAGE);
  const audit = useQuery({
    queryKey: ['audit', limit],
    queryFn: () => api<{ entries: AuditEntry[] }>('GET', withQuery('/api/audit', { limit })),
    select: (data) => data.entries,
    placeholderData: (previous) => previous,
  });

  const columns: Column<AuditEntry>[] = [
    {
      key: 'action',
      header: 'Action',
      primary: true,
      render: (entry) => (
        <span className="list-item-title">{auditActionLabel(entry.action ?? 'unknown')}</span>
      ),
    },
    { key: 'actor', header: 'By', render: actorText },
    { key: 'target', header: 'Target', render: targetText },
    {
      key: 'time',
      header: 'Time',
      render: (entry) => {
        const at = when(entry);
        return at ? <time dateTime={at}>{formatDateTime(at)}</time> : '—';
      },
    },
    {
      key: 'ip',
      header: 'IP address',
      hideOnPhone: true,
      render: (entry) => <span className="mono">{entry.ip ?? '—'}</span>,
    },
  ];

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Sensitive actions: sign-ins, changes to people, organisations and branding."
      />
      {audit.isPending ? (
        <SkeletonCard lines={6} label="Loading the audit log…" />
      ) : audit.isError ? (
        <div className="card">
          <ErrorState error={audit.error} onRetry={() => void audit.refetch()} />
        </div>
      ) : audit.data.length === 0 ? (
        <div className="card">
          <EmptyState icon="history" title="Nothing recorded yet">
            Actions such as sign-ins and changes to people will be listed here.
          </EmptyState>
        </div>
      ) : (
        <div className="stack">
          <div className="card">
            <DataTable
              caption="Audit log entries"
              columns={columns}
              rows={audit.data}
              rowKey={(entry, index) => String(entry.id ?? index)}
            />
          </div>
          {audit.data.length >= limit ? (
            <div className="row">
              <Button onClick={() => setLimit(limit + PAGE)} pending={audit.isFetching}>
                Show more
              </Button>
            </div>
          ) : null}
        </div>
      )}
    </>
  );
}
