/**
 * Files picked for upload: each with its progress bar, a cancel while it travels, the server's
 * reason next to it when refused (with retry), and — for the service side, before it is sent —
 * who may see it. Errors are announced as they appear; progress is announced only as files finish.
 */
import { useId } from 'react';
import { Button } from '../../../components/Button.tsx';
import { Icon } from '../../../components/Icon.tsx';
import type { Visibility } from '../../../lib/types.ts';
import { FileIcon } from './FileIcon.tsx';
import { formatBytes } from './files.ts';
import { aggregateProgress, filePercent, progressSentence } from './progress.ts';
import type { QueuedFile } from './upload-queue.ts';

interface UploadListProps {
  items: readonly QueuedFile[];
  /** The audiences a file may be given (service side); one or none hides the choice. */
  visibilities?: readonly Visibility[];
  onVisibility?: (key: string, visibility: Visibility) => void;
  onCancel: (key: string) => void;
  onRemove: (key: string) => void;
  /** Omitted where a retry makes no sense yet (files not sent at all). */
  onRetry?: (item: QueuedFile) => void;
}

const VISIBILITY_WORDS: Record<Visibility, string> = { client: 'Client-visible', internal: 'Internal' };

export function UploadList({
  items,
  visibilities = [],
  onVisibility,
  onCancel,
  onRemove,
  onRetry,
}: UploadListProps) {
  const summary = aggregateProgress(items);
  // Only the finished counts go to screen readers: a percentage per progress event would drown them.
  const spoken = summary.uploading > 0 ? '' : progressSentence(summary);
  if (items.length === 0) return null;
  return (
    <div className="upload-list-wrap">
      <ul className="upload-list" aria-label="Files to upload">
        {items.map((item) => (
          <UploadRow
            key={item.key}
            item={item}
            visibilities={visibilities}
            onVisibility={onVisibility}
            onCancel={onCancel}
            onRemove={onRemove}
            onRetry={onRetry}
          />
        ))}
      </ul>
      <p className="visually-hidden" aria-live="polite">
        {spoken}
      </p>
    </div>
  );
}

function UploadRow({
  item,
  visibilities,
  onVisibility,
  onCancel,
  onRemove,
  onRetry,
}: { item: QueuedFile } & Omit<UploadListProps, 'items'> & { visibilities: readonly Visibility[] }) {
  const id = useId();
  const percent = filePercent(item);
  const name = item.file.name;
  const canRetry = item.status === 'cancelled' || (item.status === 'failed' && item.retryable);
  // The audience can change until the file is sent; a file no retry can help has none to choose.
  const canChoose = onVisibility && visibilities.length > 1 && (item.status === 'ready' || canRetry);
  const showRetry = onRetry && canRetry;
  return (
    <li className={`upload-item upload-${item.status}`}>
      <FileIcon fileName={name} contentType={item.file.type} />
      <div className="upload-main">
        <p className="upload-name">
          <span className="upload-file-name">{name}</span>
          <span className="subtle upload-size">{formatBytes(item.file.size)}</span>
        </p>
        {item.status === 'uploading' ? (
          <div className="upload-progress">
            <progress max={100} value={percent} aria-label={`Uploading ${name}`} />
            <span className="subtle upload-percent">{percent} %</span>
          </div>
        ) : item.status === 'done' ? (
          <p className="upload-state upload-state-done">
            <Icon name="check" size={14} /> Uploaded
          </p>
        ) : item.status === 'cancelled' ? (
          <p className="upload-state subtle">Cancelled</p>
        ) : null}
        {item.error ? (
          <p className="upload-error" id={`${id}-error`} role="alert">
            <Icon name="alert" size={14} />
            <span>{item.error}</span>
          </p>
        ) : null}
        {canChoose || showRetry ? (
          <div className="upload-controls">
            {canChoose ? (
              <label className="upload-visibility">
                <span className="visually-hidden">Who sees {name}</span>
                <select
                  className="input select upload-visibility-select"
                  value={item.visibility}
                  onChange={(event) => onVisibility?.(item.key, event.target.value as Visibility)}
                >
                  {visibilities.map((v) => (
                    <option key={v} value={v}>
                      {VISIBILITY_WORDS[v]}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
            {showRetry ? (
              <Button
                size="s"
                icon="refresh"
                onClick={() => onRetry?.(item)}
                aria-label={`Retry ${name}`}
                aria-describedby={item.error ? `${id}-error` : undefined}
              >
                Retry
              </Button>
            ) : null}
          </div>
        ) : item.visibility === 'internal' && item.status !== 'invalid' ? (
          <p className="upload-state upload-state-internal">Internal: only your team will see it</p>
        ) : null}
      </div>
      {item.status === 'uploading' ? (
        <button
          type="button"
          className="icon-button"
          onClick={() => onCancel(item.key)}
          aria-label={`Cancel uploading ${name}`}
          title="Cancel"
        >
          <Icon name="x" size={16} />
        </button>
      ) : (
        <button
          type="button"
          className="icon-button"
          onClick={() => onRemove(item.key)}
          aria-label={`Remove ${name}`}
          title="Remove"
        >
          <Icon name="x" size={16} />
        </button>
      )}
    </li>
  );
}
