/**
 * "Attach files" in the reply composer: files picked while writing are sent once the reply is
 * posted, attached to it (`replyId`) with the reply's audience — an internal note's files are
 * internal. Failures stay listed with the server's reason and a retry.
 */
import '../../../styles/attachments.css';
import { useEffect, useRef } from 'react';
import type { Visibility } from '../../../lib/types.ts';
import { FilePicker } from './FilePicker.tsx';
import { UploadList } from './UploadList.tsx';
import { useUploads } from './useUploads.ts';

interface ReplyFilesProps {
  ticketId: string;
  /** The reply the composer last posted (the mutation's result); files go to the next new one. */
  reply: { id: string; visibility: Visibility } | undefined;
}

export function ReplyFiles({ ticketId, reply }: ReplyFilesProps) {
  const uploads = useUploads();
  const { items, send } = uploads;
  // A reply that already existed when the composer mounted is not one these files were picked for.
  const seen = useRef(reply?.id ?? null);
  const target = useRef<{ id: string; visibility: Visibility } | null>(null);

  useEffect(() => {
    if (!reply || reply.id === seen.current) return;
    seen.current = reply.id;
    target.current = reply;
    for (const item of items) {
      if (item.status === 'ready') {
        void send(item, { ticketId, replyId: reply.id, visibility: reply.visibility });
      }
    }
  }, [reply, items, send, ticketId]);

  const retry = (item: (typeof items)[number]) => {
    const to = target.current;
    if (to) void send(item, { ticketId, replyId: to.id, visibility: to.visibility });
  };

  return (
    <div className="reply-files">
      <UploadList
        items={items}
        onCancel={uploads.cancel}
        onRemove={uploads.remove}
        onRetry={target.current ? retry : undefined}
      />
      <div className="reply-files-bar">
        <FilePicker compact label="Attach files" onFiles={(files) => uploads.add(files, 'client')} />
        {items.some((item) => item.status === 'ready') ? (
          <span className="subtle reply-files-hint">Sent with your reply</span>
        ) : null}
      </div>
    </div>
  );
}
