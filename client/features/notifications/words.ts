/** Human words and icons for each notification type. */
import type { IconName } from '../../components/Icon.tsx';
import type { NotificationType } from './keys.ts';

export const TYPE_WORDS: Record<NotificationType, { label: string; hint: string; icon: IconName }> = {
  reply: { label: 'Replies', hint: 'A new reply on a ticket you follow.', icon: 'message' },
  status_change: { label: 'Status changes', hint: 'A ticket you filed changed status.', icon: 'refresh' },
  action_required: { label: 'Action required', hint: 'A ticket is waiting for your reply.', icon: 'alert' },
  assignment: { label: 'Assignments', hint: 'A ticket was assigned to you.', icon: 'user' },
  mention: { label: 'Mentions', hint: 'Someone mentioned you with @.', icon: 'chat' },
  sla_near_breach: {
    label: 'SLA alerts',
    hint: 'A ticket’s response or resolution target is close.',
    icon: 'history',
  },
  csat_request: { label: 'Feedback requests', hint: 'How did we do on a resolved ticket?', icon: 'check' },
};

const CLIENT_TYPES: readonly NotificationType[] = [
  'reply',
  'status_change',
  'action_required',
  'csat_request',
];
const DESK_TYPES: readonly NotificationType[] = [
  'reply',
  'status_change',
  'assignment',
  'mention',
  'sla_near_breach',
];

/**
 * The types a person of `role` can receive, for the settings and the filter chips (words, not
 * permission: the server decides what is sent). Clients never hear of assignments, mentions or
 * SLA alerts; the desk is never asked for a reply or a rating.
 */
export function typesFor(role: string): readonly NotificationType[] {
  return role === 'client' || role === 'client_admin' ? CLIENT_TYPES : DESK_TYPES;
}
