/**
 * The inbox: every notification of the signed-in user, newest first, filtered by type or unread,
 * a page at a time. Opening one goes to its ticket and marks it read.
 */
import { useSearchParams } from 'react-router';
import { useMe } from '../../app/me.tsx';
import { Button, ButtonLink } from '../../components/Button.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SkeletonCard } from '../../components/Spinner.tsx';
import { useInbox, useMarkAllRead, useSetRead, useUnreadCount } from './api.ts';
import { type InboxFilters, NOTIFICATION_TYPES, type NotificationType } from './keys.ts';
import { NotificationItem } from './NotificationItem.tsx';
import { TYPE_WORDS, typesFor } from './words.ts';
import '../../styles/notifications.css';

function isType(value: string | null): value is NotificationType {
  return (NOTIFICATION_TYPES as readonly string[]).includes(value ?? '');
}

export default function NotificationsPage() {
  const [params, setParams] = useSearchParams();
  const type = params.get('type');
  const filters: InboxFilters = {
    type: isType(type) ? type : undefined,
    unread: params.get('unread') === 'true',
  };
  const inbox = useInbox(filters);
  const types = typesFor(useMe().user.role);
  const unread = useUnreadCount().data ?? 0;
  const setRead = useSetRead();
  const markAll = useMarkAllRead();

  const setFilter = (key: 'type' | 'unread', value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  const items = inbox.data?.pages.flatMap((page) => page.notifications) ?? [];
  const filtered = filters.type !== undefined || filters.unread;

  return (
    <>
      <PageHeader
        title="Notifications"
        description={unread > 0 ? `${unread} unread` : 'You’re all caught up.'}
        actions={
          <>
            <Button
              icon="check"
              onClick={() => markAll.mutate()}
              pending={markAll.isPending}
              disabled={unread === 0}
            >
              Mark all read
            </Button>
            <ButtonLink to="/settings/notifications" variant="ghost">
              Settings
            </ButtonLink>
          </>
        }
      />

      <div className="notif-filters">
        <fieldset className="notif-chips">
          <legend className="visually-hidden">Show</legend>
          <button
            type="button"
            className="notif-chip"
            aria-pressed={filters.type === undefined}
            onClick={() => setFilter('type', null)}
          >
            All types
          </button>
          {types.map((t) => (
            <button
              key={t}
              type="button"
              className="notif-chip"
              aria-pressed={filters.type === t}
              onClick={() => setFilter('type', filters.type === t ? null : t)}
            >
              {TYPE_WORDS[t].label}
            </button>
          ))}
        </fieldset>
        <label className="notif-unread-toggle">
          <input
            type="checkbox"
            checked={Boolean(filters.unread)}
            onChange={(e) => setFilter('unread', e.target.checked ? 'true' : null)}
          />
          <span>Unread only</span>
        </label>
      </div>

      {inbox.isPending ? (
        <SkeletonCard lines={5} label="Loading notifications…" />
      ) : inbox.isError ? (
        <div className="card">
          <ErrorState error={inbox.error} onRetry={() => void inbox.refetch()} />
        </div>
      ) : items.length === 0 ? (
        <div className="card">
          <EmptyState
            icon="inbox"
            title={filtered ? 'Nothing matches these filters' : 'No notifications yet'}
          >
            {filtered
              ? 'Try another type, or show read notifications too.'
              : 'Replies, status changes and anything that needs you will show up here.'}
          </EmptyState>
        </div>
      ) : (
        <div className="card">
          <ul className="notif-list" aria-label="Notifications">
            {items.map((n) => (
              <NotificationItem
                key={n.id}
                notification={n}
                busy={setRead.isPending && setRead.variables?.id === n.id}
                onToggleRead={() => setRead.mutate({ id: n.id, read: !n.read })}
                onOpen={() => {
                  if (!n.read) setRead.mutate({ id: n.id, read: true });
                }}
              />
            ))}
          </ul>
          {inbox.hasNextPage ? (
            <div className="notif-more">
              <Button onClick={() => void inbox.fetchNextPage()} pending={inbox.isFetchingNextPage}>
                Load more
              </Button>
            </div>
          ) : null}
          {inbox.isFetchNextPageError ? (
            <p className="notif-more field-error" role="alert">
              More notifications couldn’t be loaded. Try again.
            </p>
          ) : null}
        </div>
      )}
    </>
  );
}
