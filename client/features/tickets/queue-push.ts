/**
 * The `queue.changed` push on the user channel, applied to the cached queue position. Kept out of
 * QueuePosition.tsx (only keys.ts and types): the shell's channel listener imports it, and it must
 * not pull the ticket pages into the entry chunk.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { TicketPriority } from '../../lib/types.ts';
import { ticketKeys } from './keys.ts';

/** `GET /api/tickets/:id/queue` (docs/API.md). */
export interface QueueInfo {
  position: number | null;
  total: number;
  priority: TicketPriority;
  estimatedResponseMinutes: number | null;
}

const PRIORITIES: readonly string[] = ['low', 'medium', 'high', 'critical'];

/** The push's fields, checked; null for anything malformed. */
export function parseQueuePush(
  message: Record<string, unknown>,
): { ticketId: string; position: number | null; total: number; priority: TicketPriority } | null {
  const { ticketId, position, total, priority } = message;
  if (typeof ticketId !== 'string' || typeof total !== 'number') return null;
  if (position !== null && typeof position !== 'number') return null;
  if (typeof priority !== 'string' || !PRIORITIES.includes(priority)) return null;
  return { ticketId, position, total, priority: priority as TicketPriority };
}

/**
 * The cached answer after a push: the counts at once; the estimate scaled to the new place (it is
 * median × position on the server) until the refetch brings the exact one.
 */
export function mergeQueuePush(
  before: QueueInfo | undefined,
  push: { position: number | null; total: number; priority: TicketPriority },
): QueueInfo {
  let estimate: number | null = null;
  const was = before?.estimatedResponseMinutes ?? null;
  if (was !== null && before?.position && push.position !== null && before.priority === push.priority) {
    estimate = Math.max(1, Math.round((was / before.position) * push.position));
  }
  return {
    position: push.position,
    total: push.total,
    priority: push.priority,
    estimatedResponseMinutes: estimate,
  };
}

/** Applies a push: the new counts now, then a refetch for the exact estimate. */
export function applyQueuePush(queryClient: QueryClient, message: Record<string, unknown>): void {
  const push = parseQueuePush(message);
  if (!push) return;
  const key = ticketKeys.queue(push.ticketId);
  queryClient.setQueryData<QueueInfo>(key, (before) => mergeQueuePush(before, push));
  void queryClient.invalidateQueries({ queryKey: key });
}
