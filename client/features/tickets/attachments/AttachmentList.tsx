/**
 * The files on a ticket: type, name (a download link through the visibility-checked route), size,
 * who uploaded it as this viewer may see them, when, an "Internal" badge for the service side,
 * and delete (asked twice) where allowed.
 */
import { useState } from 'react';
import { Badge } from '../../../components/Badge.tsx';
import { Button } from '../../../components/Button.tsx';
import { Icon } from '../../../components/Icon.tsx';
import { formatDateTime, formatRelative } from '../../../lib/format.ts';
import type { AttachmentView } from '../../../lib/types.ts';
import { FileIcon } from './FileIcon.tsx';
import { formatBytes } from './files.ts';

interface AttachmentListProps {
  attachments: readonly AttachmentView[];
  /** Whether the viewer may delete this file (the server decides again). */
  canDelete: (attachment: AttachmentView) => boolean;
  onDelete: (attachment: AttachmentView) => void;
  /** The file whose delete is in flight. */
  deleting: string | null;
  meId: string;
}

export function AttachmentList({ attachments, canDelete, onDelete, deleting, meId }: AttachmentListProps) {
  const [confirming, setConfirming] = useState<string | null>(null);
  return (
    <ul className="list attachment-list">
      {attachments.map((a) => (
        <li
          key={a.id}
          className={
            a.visibility === 'internal' ? 'list-item attachment attachment-internal' : 'list-item attachment'
          }
        >
          <FileIcon fileName={a.fileName} contentType={a.contentType} />
          <div className="list-item-text">
            <a className="list-item-title attachment-name" href={a.downloadUrl} download={a.fileName}>
              {a.fileName}
            </a>
            <span className="list-item-meta">
              {formatBytes(a.size)} · {a.uploadedBy.id === meId ? 'you' : a.uploadedBy.name} ·{' '}
              <time dateTime={a.createdAt} title={formatDateTime(a.createdAt)}>
                {formatRelative(a.createdAt)}
              </time>
              {a.replyId ? ' · with a reply' : ''}
              {a.visibility === 'internal' ? (
                <>
                  {' '}
                  <Badge tone="warning">Internal</Badge>
                </>
              ) : null}
            </span>
          </div>
          {canDelete(a) ? (
            confirming === a.id ? (
              <span className="attachment-confirm">
                <Button
                  size="s"
                  variant="danger"
                  pending={deleting === a.id}
                  onClick={() => onDelete(a)}
                  aria-label={`Delete ${a.fileName} for everyone`}
                >
                  Delete
                </Button>
                <Button size="s" variant="ghost" onClick={() => setConfirming(null)}>
                  Keep
                </Button>
              </span>
            ) : (
              <button
                type="button"
                className="icon-button"
                onClick={() => setConfirming(a.id)}
                aria-label={`Delete ${a.fileName}`}
              >
                <Icon name="x" size={16} />
              </button>
            )
          ) : null}
        </li>
      ))}
    </ul>
  );
}
