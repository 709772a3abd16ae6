/**
 * "Your ticket is #3 of 12 in the High queue" and the estimated first response, for a client's
 * ticket that waits in a queue (new, open, in progress). Kept live by the `queue.changed` push on
 * the user channel (queue-push.ts); announced politely to screen readers when it moves.
 */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import type { TicketStatus } from '../../lib/types.ts';
import { ticketKeys } from './keys.ts';
import type { QueueInfo } from './queue-push.ts';
import { priorityLabel } from './words.ts';

/** The statuses in which a ticket waits in a queue (server/modules/tickets/queue.ts). */
const QUEUED: readonly TicketStatus[] = ['new', 'open', 'in_progress'];

export function isQueuedStatus(status: TicketStatus): boolean {
  return QUEUED.includes(status);
}

/** "about 45 minutes", "about 2 hours", "about 3 days": a rough duration for a rough estimate. */
export function aboutDuration(minutes: number): string {
  const plural = (n: number, unit: string) => `about ${n} ${unit}${n === 1 ? '' : 's'}`;
  if (minutes < 60) return plural(Math.max(1, Math.round(minutes)), 'minute');
  if (minutes < 48 * 60) return plural(Math.round(minutes / 60), 'hour');
  return plural(Math.round(minutes / (24 * 60)), 'day');
}

/** The sentences shown, or null when the ticket has no place in a queue. */
export function queueSentences(
  queue: QueueInfo,
  opts: { compact?: boolean; responded?: boolean } = {},
): { place: string; estimate: string | null } | null {
  if (queue.position === null) return null;
  const where = `#${queue.position} of ${queue.total} in the ${priorityLabel(queue.priority)} queue`;
  const estimate =
    queue.estimatedResponseMinutes === null || opts.responded
      ? null
      : `Estimated first response: ${aboutDuration(queue.estimatedResponseMinutes)}`;
  return { place: opts.compact ? where : `Your ticket is ${where}`, estimate };
}

export function useQueuePosition(ticketId: string, enabled: boolean) {
  return useQuery({
    queryKey: ticketKeys.queue(ticketId),
    queryFn: () => api<QueueInfo>('GET', `/api/tickets/${encodeURIComponent(ticketId)}/queue`),
    enabled,
  });
}

export interface QueuePositionProps {
  ticketId: string;
  status: TicketStatus;
  /** A first response already came: the estimate no longer applies. */
  responded?: boolean;
  /** One short line, for lists (the dashboard card). */
  compact?: boolean;
}

export function QueuePosition({ ticketId, status, responded, compact }: QueuePositionProps) {
  const queued = isQueuedStatus(status);
  const queue = useQueuePosition(ticketId, queued);
  const sentences = queued && queue.data ? queueSentences(queue.data, { compact, responded }) : null;
  // The live region stays mounted (empty when there is nothing to say), so changes are announced.
  return (
    <div className={compact ? 'queue-position queue-position-compact' : 'queue-position'} aria-live="polite">
      {sentences ? (
        compact ? (
          <span>{sentences.place}</span>
        ) : (
          <>
            <p className="queue-position-place">{sentences.place}</p>
            {sentences.estimate ? <p className="queue-position-estimate">{sentences.estimate}</p> : null}
          </>
        )
      ) : null}
    </div>
  );
}
