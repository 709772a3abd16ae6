/**
 * The conversation as shown: the REST replies (policy-filtered: internal notes only for those who
 * may see them, authors outside the viewer's organisation shown as that organisation) plus the
 * live thread document's public replies that REST has not returned yet — a reply appears the
 * moment the server appends it, and the refetch its `ticket.changed` notice triggers then takes
 * over. For a reply both have, REST wins. One entry per reply id.
 */
import type { ThreadReply } from '../../collab/thread.ts';
import type { TicketReply, Visibility } from '../../lib/types.ts';

export interface ConversationEntry {
  id: string;
  /** null when the author is shown as their organisation (white-label, for client viewers). */
  authorId: string | null;
  authorName: string;
  body: string;
  createdAt: string;
  visibility: Visibility;
}

export function mergeConversation(
  live: readonly ThreadReply[],
  rest: readonly TicketReply[] | undefined,
): ConversationEntry[] {
  const byId = new Map<string, ConversationEntry>();
  for (const reply of rest ?? []) {
    byId.set(reply.id, {
      id: reply.id,
      authorId: reply.author.id,
      authorName: reply.author.name,
      body: reply.body,
      createdAt: reply.createdAt,
      visibility: reply.visibility,
    });
  }
  // The thread document only ever holds client-visible replies.
  for (const reply of live) {
    if (!byId.has(reply.id)) byId.set(reply.id, { ...reply, visibility: 'client' });
  }
  return [...byId.values()].sort(
    (a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || String(a.id).localeCompare(String(b.id)),
  );
}
