/**
 * The files waiting, travelling or refused in one picker, as a pure reducer: what the upload list
 * shows, independent of XMLHttpRequest (useUploads.ts drives the requests).
 */
import type { Visibility } from '../../../lib/types.ts';
import { type PickedFile, validateFile } from './files.ts';
import type { UploadStatus } from './progress.ts';

export interface QueuedFile<F extends PickedFile = File> {
  key: string;
  file: F;
  visibility: Visibility;
  status: UploadStatus;
  loaded: number;
  total: number;
  /** Why it was refused (by our early check or by the server), shown next to the file. */
  error: string | null;
  /** Whether sending it again could succeed (not for a file too large or of a refused type). */
  retryable: boolean;
}

export type QueueAction<F extends PickedFile = File> =
  | { type: 'add'; files: readonly F[]; visibility: Visibility; keys: readonly string[]; maxBytes?: number }
  | { type: 'visibility'; key: string; visibility: Visibility }
  | { type: 'start'; key: string }
  | { type: 'progress'; key: string; loaded: number; total: number }
  | { type: 'done'; key: string }
  | { type: 'failed'; key: string; error: string; retryable: boolean }
  | { type: 'cancelled'; key: string }
  | { type: 'remove'; key: string }
  | { type: 'clear_done' };

export function queueReducer<F extends PickedFile>(
  state: readonly QueuedFile<F>[],
  action: QueueAction<F>,
): QueuedFile<F>[] {
  const update = (key: string, change: (item: QueuedFile<F>) => QueuedFile<F>) =>
    state.map((item) => (item.key === key ? change(item) : item));
  switch (action.type) {
    case 'add':
      return [
        ...state,
        ...action.files.map((file, i): QueuedFile<F> => {
          const error = validateFile(file, action.maxBytes);
          return {
            key: action.keys[i] ?? `${file.name}-${i}`,
            file,
            visibility: action.visibility,
            status: error ? 'invalid' : 'ready',
            loaded: 0,
            total: file.size,
            error,
            retryable: error === null,
          };
        }),
      ];
    case 'visibility':
      // Only a file not yet sent can change audience; a sent one is deleted and sent again.
      return update(action.key, (item) =>
        item.status === 'uploading' || item.status === 'done'
          ? item
          : { ...item, visibility: action.visibility },
      );
    case 'start':
      return update(action.key, (item) => ({
        ...item,
        status: 'uploading',
        loaded: 0,
        error: null,
        retryable: true,
      }));
    case 'progress':
      return update(action.key, (item) =>
        item.status === 'uploading' ? { ...item, loaded: action.loaded, total: action.total } : item,
      );
    case 'done':
      return update(action.key, (item) => ({ ...item, status: 'done', loaded: item.total, error: null }));
    case 'failed':
      return update(action.key, (item) => ({
        ...item,
        status: 'failed',
        error: action.error,
        retryable: action.retryable,
      }));
    case 'cancelled':
      return update(action.key, (item) => ({ ...item, status: 'cancelled', loaded: 0, error: null }));
    case 'remove':
      return state.filter((item) => item.key !== action.key);
    case 'clear_done':
      return state.filter((item) => item.status !== 'done');
  }
}

/** Files that could be sent now: ready ones, and failed or cancelled ones a retry could help. */
export function sendable<F extends PickedFile>(items: readonly QueuedFile<F>[]): QueuedFile<F>[] {
  return items.filter(
    (item) =>
      item.status === 'ready' || item.status === 'cancelled' || (item.status === 'failed' && item.retryable),
  );
}
