/**
 * The signed-in user's channel `user:<id>`: no content, only the server's pushes. Today it keeps
 * ticket lists fresh (`tickets.changed`); notifications and queue positions join the same channel.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { userChannelName } from '../../collab/names.ts';
import { presenceColor } from '../../collab/presence.ts';
import { applyNotificationsPush } from '../features/notifications/push.ts';
import { ticketKeys } from '../features/tickets/keys.ts';
import { applyQueuePush } from '../features/tickets/queue-push.ts';
import type { StatelessMessage } from './document.ts';
import { useCollabDocument } from './useCollabDocument.ts';

export function useUserChannel(user: { id: string; name: string }): void {
  const queryClient = useQueryClient();
  // Presence on the channel is only this person's other tabs; it is here for its keep-alive.
  const presence = useMemo(
    () => ({ id: user.id, name: user.name, color: presenceColor(user.id) }),
    [user.id, user.name],
  );
  useCollabDocument(userChannelName(user.id), {
    presence,
    onStateless: (message: StatelessMessage) => {
      if (message.type === 'tickets.changed') {
        void queryClient.invalidateQueries({ queryKey: ticketKeys.lists });
      }
      if (message.type === 'queue.changed' && typeof message.ticketId === 'string') {
        applyQueuePush(queryClient, message);
      }
      if (message.type === 'notifications.changed') applyNotificationsPush(queryClient, message);
    },
  });
}
