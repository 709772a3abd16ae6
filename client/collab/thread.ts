/**
 * The public conversation of a ticket, live: `ticket:<id>:thread` holds `Y.Array('replies')` of
 * Y.Maps `{id, authorId, authorName, body, createdAt}`. Clients open it read-only; replies are
 * posted through the REST API and appended by the server.
 */
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';

export interface ThreadReply {
  id: string;
  authorId: string;
  authorName: string;
  body: string;
  createdAt: string;
}

function text(map: Y.Map<unknown>, key: string): string {
  const value = map.get(key);
  return typeof value === 'string' ? value : '';
}

/** The replies in the document, skipping anything malformed (no id or no body). */
export function readThreadReplies(doc: Y.Doc): ThreadReply[] {
  const replies: ThreadReply[] = [];
  for (const item of doc.getArray<unknown>('replies').toArray()) {
    // Duck-typed rather than `instanceof Y.Map`, so a second copy of Yjs could never hide replies.
    if (typeof item !== 'object' || item === null || typeof (item as Y.Map<unknown>).get !== 'function')
      continue;
    const map = item as Y.Map<unknown>;
    const reply = {
      id: text(map, 'id'),
      authorId: text(map, 'authorId'),
      authorName: text(map, 'authorName'),
      body: text(map, 'body'),
      createdAt: text(map, 'createdAt'),
    };
    if (reply.id && reply.body) replies.push(reply);
  }
  return replies;
}

/** The thread's replies, re-read whenever the server appends one. */
export function useThreadReplies(doc: Y.Doc | null): ThreadReply[] {
  const [replies, setReplies] = useState<ThreadReply[]>([]);
  useEffect(() => {
    if (!doc) {
      setReplies([]);
      return;
    }
    const array = doc.getArray<unknown>('replies');
    const refresh = () => setReplies(readThreadReplies(doc));
    refresh();
    array.observeDeep(refresh);
    return () => array.unobserveDeep(refresh);
  }, [doc]);
  return replies;
}
