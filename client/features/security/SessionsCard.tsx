import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useToast } from '../../app/toast.tsx';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { Card } from '../../components/Card.tsx';
import { ConfirmDialog } from '../../components/Dialog.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Icon } from '../../components/Icon.tsx';
import { Skeleton } from '../../components/Spinner.tsx';
import { api } from '../../lib/api.ts';
import { describeError } from '../../lib/errors.ts';
import { describeUserAgent, formatDateTime, formatRelative } from '../../lib/format.ts';
import type { SessionView } from '../../lib/types.ts';

const SESSIONS_KEY = ['sessions'] as const;

function isPhone(userAgent: string | null): boolean {
  return userAgent !== null && /iPhone|Android.+Mobile|Mobile Safari|iPod/.test(userAgent);
}

/** The current session first, then the most recently used. */
function sortSessions(sessions: SessionView[]): SessionView[] {
  return [...sessions].sort((a, b) =>
    a.current !== b.current ? (a.current ? -1 : 1) : b.lastSeenAt.localeCompare(a.lastSeenAt),
  );
}

export function SessionsCard() {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [confirmOthers, setConfirmOthers] = useState(false);
  const sessions = useQuery({
    queryKey: SESSIONS_KEY,
    queryFn: () => api<{ sessions: SessionView[] }>('GET', '/api/me/sessions'),
  });

  const revoke = useMutation({
    mutationFn: (id: string) => api<void>('DELETE', `/api/me/sessions/${encodeURIComponent(id)}`),
    onSuccess: () => {
      toast('That device was signed out');
      void queryClient.invalidateQueries({ queryKey: SESSIONS_KEY });
    },
    onError: (error) => toast(describeError(error), 'danger'),
  });

  const revokeOthers = useMutation({
    mutationFn: () => api<void>('POST', '/api/me/sessions/revoke-others'),
    onSuccess: () => {
      setConfirmOthers(false);
      toast('All your other sessions were signed out');
      void queryClient.invalidateQueries({ queryKey: SESSIONS_KEY });
    },
  });

  const list = sessions.data ? sortSessions(sessions.data.sessions) : [];
  const others = list.filter((session) => !session.current).length;

  return (
    <Card
      title="Where you’re signed in"
      id="security-sessions"
      description="Sign out any device you don’t recognise, then change your password."
      actions={
        others > 0 ? (
          <Button size="s" variant="danger" onClick={() => setConfirmOthers(true)}>
            Sign out all other sessions
          </Button>
        ) : null
      }
      flush
    >
      {sessions.isPending ? (
        <div className="card-body stack-s" role="status" aria-busy="true">
          <span className="visually-hidden">Loading sessions…</span>
          <Skeleton width="70%" />
          <Skeleton width="50%" />
        </div>
      ) : sessions.isError ? (
        <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : (
        <ul className="list">
          {list.map((session) => (
            <li key={session.id} className="list-item">
              <span className="list-item-icon">
                <Icon name={isPhone(session.userAgent) ? 'smartphone' : 'monitor'} size={18} />
              </span>
              <div className="list-item-text">
                <span className="list-item-title">
                  {describeUserAgent(session.userAgent)}{' '}
                  {session.current ? <Badge tone="success">This device</Badge> : null}
                </span>
                <span className="list-item-meta">
                  {session.ip ? `${session.ip} · ` : ''}
                  <span title={formatDateTime(session.lastSeenAt)}>
                    {session.current ? 'Active now' : `Last active ${formatRelative(session.lastSeenAt)}`}
                  </span>
                  {' · '}signed in {formatDateTime(session.createdAt)}
                </span>
              </div>
              {session.current ? null : (
                <Button
                  size="s"
                  onClick={() => revoke.mutate(session.id)}
                  pending={revoke.isPending && revoke.variables === session.id}
                  aria-label={`Sign out ${describeUserAgent(session.userAgent)}, last active ${formatRelative(session.lastSeenAt)}`}
                >
                  Revoke
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={confirmOthers}
        onClose={() => {
          setConfirmOthers(false);
          revokeOthers.reset();
        }}
        onConfirm={() => revokeOthers.mutate()}
        title="Sign out all other sessions?"
        confirmLabel="Sign out others"
        danger
        pending={revokeOthers.isPending}
        error={revokeOthers.error ? describeError(revokeOthers.error) : null}
      >
        <p>
          {others === 1 ? 'One other device' : `${others} other devices`} will be signed out at once. This
          device stays signed in.
        </p>
      </ConfirmDialog>
    </Card>
  );
}
