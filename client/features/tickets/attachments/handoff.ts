/**
 * Files that failed to upload right after a ticket was filed (NewTicketPage), handed to that
 * ticket's page so the person sees them there with a retry: the ticket is never lost for a file.
 * In memory only: a reload forgets them, and the page's files list shows what did arrive.
 */
import type { QueuedFile } from './upload-queue.ts';

const pending = new Map<string, QueuedFile[]>();

/** Leaves failed files for the ticket's page. */
export function handOffFailedUploads(ticketId: string, items: readonly QueuedFile[]): void {
  if (items.length > 0) pending.set(ticketId, [...items]);
}

/** The files left for this ticket, without forgetting them (a strict-mode double render reads twice). */
export function peekHandedOff(ticketId: string): QueuedFile[] {
  return pending.get(ticketId) ?? [];
}

/** Forgets them once the page holds them. */
export function forgetHandedOff(ticketId: string): void {
  pending.delete(ticketId);
}
