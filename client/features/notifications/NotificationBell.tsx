/**
 * The bell in the shell's header (phones) and sidebar (desktop): a link to the inbox with the
 * live unread count, which the user-channel push keeps current.
 */
import { NavLink } from 'react-router';
import { useUnreadCount } from './api.ts';
import { BellIcon } from './BellIcon.tsx';

export function NotificationBell({ className }: { className?: string }) {
  const unread = useUnreadCount().data ?? 0;
  const shown = unread > 99 ? '99+' : String(unread);
  return (
    <NavLink
      to="/notifications"
      className={['bell', className ?? ''].filter(Boolean).join(' ')}
      aria-label={`Notifications, ${unread} unread`}
      title="Notifications"
    >
      <BellIcon size={20} />
      {unread > 0 ? (
        <span className="bell-count" aria-hidden="true">
          {shown}
        </span>
      ) : null}
    </NavLink>
  );
}
