/** Upload progress across several files, for one bar and one sentence ("2 of 3 files, 64 %"). */

export type UploadStatus = 'ready' | 'uploading' | 'done' | 'failed' | 'cancelled' | 'invalid';

/** One file's progress as the aggregate needs it. */
export interface ProgressPart {
  status: UploadStatus;
  loaded: number;
  total: number;
}

export interface AggregateProgress {
  /** Files being sent or already sent (ready, invalid and cancelled ones are not counted). */
  files: number;
  done: number;
  failed: number;
  uploading: number;
  loaded: number;
  total: number;
  /** 0–100, whole; 100 only once every counted file is done. */
  percent: number;
}

/** Sums the files that are part of the batch: uploading, done or failed. */
export function aggregateProgress(parts: readonly ProgressPart[]): AggregateProgress {
  const counted = parts.filter(
    (p) => p.status === 'uploading' || p.status === 'done' || p.status === 'failed',
  );
  let loaded = 0;
  let total = 0;
  for (const p of counted) {
    total += p.total;
    // A finished file counts whole even if its last progress event never came.
    loaded += p.status === 'done' ? p.total : Math.min(p.loaded, p.total);
  }
  const done = counted.filter((p) => p.status === 'done').length;
  const allDone = counted.length > 0 && done === counted.length;
  const raw = total === 0 ? (allDone ? 100 : 0) : Math.floor((loaded / total) * 100);
  return {
    files: counted.length,
    done,
    failed: counted.filter((p) => p.status === 'failed').length,
    uploading: counted.filter((p) => p.status === 'uploading').length,
    loaded,
    total,
    percent: allDone ? 100 : Math.min(99, raw),
  };
}

/** One file's percentage, whole, never 100 before the server has answered. */
export function filePercent(part: ProgressPart): number {
  if (part.status === 'done') return 100;
  if (part.total <= 0) return 0;
  return Math.min(99, Math.floor((part.loaded / part.total) * 100));
}

/** "Uploading 3 files, 64 %", "3 files uploaded", "1 file not uploaded" — for the live region. */
export function progressSentence(p: AggregateProgress): string {
  const files = (n: number) => `${n} ${n === 1 ? 'file' : 'files'}`;
  if (p.files === 0) return '';
  if (p.uploading > 0) return `Uploading ${files(p.files)}, ${p.percent} %`;
  if (p.failed > 0)
    return `${files(p.failed)} not uploaded${p.done > 0 ? `, ${files(p.done)} uploaded` : ''}`;
  return `${files(p.done)} uploaded`;
}
