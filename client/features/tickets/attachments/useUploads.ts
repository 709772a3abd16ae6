/**
 * A list of picked files and their uploads: add, choose each one's audience, send (with
 * progress), cancel, retry, remove. Each send is one XMLHttpRequest (upload.ts); a finished one
 * refreshes the ticket's attachment list.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { AttachmentView, Visibility } from '../../../lib/types.ts';
import { attachmentKeys } from './api.ts';
import {
  isRetryable,
  type RunningUpload,
  type UploadError,
  type UploadTarget,
  uploadAttachment,
} from './upload.ts';
import { type QueuedFile, queueReducer } from './upload-queue.ts';

let nextKey = 1;

/** How long a finished upload's "Uploaded" row stays. */
const DONE_LINGER_MS = 4000;

/** How one send ended. */
export type UploadOutcome =
  | { ok: true; attachment: AttachmentView }
  | { ok: false; cancelled: boolean; error: string; retryable: boolean };

export function useUploads(initial: QueuedFile[] = []) {
  const [items, dispatch] = useReducer(queueReducer<File>, initial);
  const running = useRef(new Map<string, RunningUpload>());
  const queryClient = useQueryClient();

  // Leaving the page stops what is still travelling (the server keeps nothing partial).
  useEffect(() => {
    const map = running.current;
    return () => {
      for (const upload of map.values()) upload.abort();
    };
  }, []);

  // "Uploaded" stays a moment, then the row goes: the files list shows the file by then.
  const settled =
    items.some((item) => item.status === 'done') && !items.some((i) => i.status === 'uploading');
  useEffect(() => {
    if (!settled) return;
    const timer = window.setTimeout(() => dispatch({ type: 'clear_done' }), DONE_LINGER_MS);
    return () => window.clearTimeout(timer);
  }, [settled]);

  const add = useCallback((files: readonly File[], visibility: Visibility): string[] => {
    const keys = files.map(() => `upload-${nextKey++}`);
    dispatch({ type: 'add', files, visibility, keys });
    return keys;
  }, []);

  /**
   * Sends one file with its chosen audience (or the target's: a reply's files take the reply's);
   * resolves with the outcome (never rejects).
   */
  const send = useCallback(
    async (
      item: QueuedFile,
      target: Omit<UploadTarget, 'visibility'> & { visibility?: Visibility },
    ): Promise<UploadOutcome> => {
      if (running.current.has(item.key)) {
        return { ok: false, cancelled: true, error: 'Already uploading.', retryable: false };
      }
      dispatch({ type: 'start', key: item.key });
      const visibility = target.visibility ?? item.visibility;
      const upload = uploadAttachment({ ...target, visibility }, item.file, (loaded, total) =>
        dispatch({ type: 'progress', key: item.key, loaded, total }),
      );
      running.current.set(item.key, upload);
      try {
        const attachment = await upload.done;
        dispatch({ type: 'done', key: item.key });
        void queryClient.invalidateQueries({ queryKey: attachmentKeys.list(target.ticketId) });
        return { ok: true, attachment };
      } catch (err) {
        const error = err as UploadError;
        const cancelled = error.code === 'cancelled';
        const retryable = isRetryable(error);
        if (cancelled) dispatch({ type: 'cancelled', key: item.key });
        else dispatch({ type: 'failed', key: item.key, error: error.message, retryable });
        return { ok: false, cancelled, error: error.message, retryable };
      } finally {
        running.current.delete(item.key);
      }
    },
    [queryClient],
  );

  const cancel = useCallback((key: string) => running.current.get(key)?.abort(), []);
  const remove = useCallback((key: string) => {
    running.current.get(key)?.abort();
    dispatch({ type: 'remove', key });
  }, []);
  const setVisibility = useCallback(
    (key: string, visibility: Visibility) => dispatch({ type: 'visibility', key, visibility }),
    [],
  );
  const clearDone = useCallback(() => dispatch({ type: 'clear_done' }), []);

  return { items, add, send, cancel, remove, setVisibility, clearDone };
}
export type Uploads = ReturnType<typeof useUploads>;
