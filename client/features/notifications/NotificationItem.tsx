/** One row of the inbox: type icon, title, body, time, unread dot, and a read/unread toggle. */
import { Link } from 'react-router';
import { Icon } from '../../components/Icon.tsx';
import { formatDateTime, formatRelative } from '../../lib/format.ts';
import type { NotificationView } from './keys.ts';
import { TYPE_WORDS } from './words.ts';

interface Props {
  notification: NotificationView;
  busy: boolean;
  /** Following the link to the ticket: marks the notification read. */
  onOpen: () => void;
  onToggleRead: () => void;
}

export function NotificationItem({ notification: n, busy, onOpen, onToggleRead }: Props) {
  const words = TYPE_WORDS[n.type];
  return (
    <li className={n.read ? 'notif-item' : 'notif-item notif-unread'}>
      <span className="notif-icon" title={words.label}>
        <Icon name={words.icon} size={18} />
      </span>
      <div className="notif-main">
        {n.ticketId ? (
          <Link
            to={`/tickets/${encodeURIComponent(n.ticketId)}`}
            className="notif-title notif-open"
            onClick={onOpen}
          >
            {n.title}
          </Link>
        ) : (
          <p className="notif-title">{n.title}</p>
        )}
        {n.body ? <p className="notif-body">{n.body}</p> : null}
        <p className="notif-meta">
          <span className="visually-hidden">{n.read ? 'Read. ' : 'Unread. '}</span>
          <span>{words.label}</span> ·{' '}
          <time dateTime={n.createdAt} title={formatDateTime(n.createdAt)}>
            {formatRelative(n.createdAt)}
          </time>
        </p>
      </div>
      <div className="notif-side">
        {n.read ? null : <span className="notif-dot" aria-hidden="true" />}
        <button
          type="button"
          className="icon-button"
          onClick={onToggleRead}
          disabled={busy}
          aria-label={n.read ? `Mark “${n.title}” as unread` : `Mark “${n.title}” as read`}
          title={n.read ? 'Mark as unread' : 'Mark as read'}
        >
          <Icon name={n.read ? 'mail' : 'check'} size={18} />
        </button>
      </div>
    </li>
  );
}
