/** Avatars of who has a document open right now, named for screen readers and on hover. */
import { initials } from '../lib/format.ts';
import type { PresentUser } from './usePresence.ts';

const SHOWN = 4;

export function PresenceAvatars({ users, label = 'Here now' }: { users: PresentUser[]; label?: string }) {
  if (users.length === 0) return null;
  const nameOf = (user: PresentUser) => (user.isSelf ? `${user.name} (you)` : user.name);
  const shown = users.slice(0, SHOWN);
  const hidden = users.slice(SHOWN);
  return (
    <ul className="presence-list" aria-label={label}>
      {shown.map((user) => (
        <li key={user.id} title={nameOf(user)}>
          <span className="presence-avatar" style={{ background: user.color }} aria-hidden>
            {initials(user.name)}
          </span>
          <span className="visually-hidden">{nameOf(user)}</span>
        </li>
      ))}
      {hidden.length > 0 ? (
        <li title={hidden.map(nameOf).join(', ')}>
          <span className="presence-avatar presence-more" aria-hidden>
            +{hidden.length}
          </span>
          <span className="visually-hidden">{hidden.map(nameOf).join(', ')}</span>
        </li>
      ) : null}
    </ul>
  );
}
