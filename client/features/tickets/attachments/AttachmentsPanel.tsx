/**
 * The ticket's files: the list, and uploading by drag-and-drop onto the panel or "Choose files".
 * A client's files go up at once (they are client-visible; clients have no choice). The service
 * side first picks each file's audience — client-visible by default — then sends them. Files
 * that failed right after the ticket was filed (NewTicketPage) arrive here with their reasons.
 */
import '../../../styles/attachments.css';
import { useCallback, useEffect, useState } from 'react';
import { useMe } from '../../../app/me.tsx';
import { useToast } from '../../../app/toast.tsx';
import { Alert } from '../../../components/Alert.tsx';
import { Button } from '../../../components/Button.tsx';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { Skeleton } from '../../../components/Spinner.tsx';
import { describeError } from '../../../lib/errors.ts';
import type { AttachmentView, Ticket, Visibility } from '../../../lib/types.ts';
import { AttachmentList } from './AttachmentList.tsx';
import { useAttachments, useDeleteAttachment } from './api.ts';
import { FilePicker } from './FilePicker.tsx';
import { validateFile } from './files.ts';
import { forgetHandedOff, peekHandedOff } from './handoff.ts';
import { UploadList } from './UploadList.tsx';
import { sendable } from './upload-queue.ts';
import { useFileDrop } from './useFileDrop.ts';
import { useUploads } from './useUploads.ts';

export function AttachmentsPanel({ ticket }: { ticket: Ticket }) {
  const me = useMe();
  const toast = useToast();
  const list = useAttachments(ticket.id);
  const remove = useDeleteAttachment(ticket.id);
  const [handedOff] = useState(() => peekHandedOff(ticket.id));
  const uploads = useUploads(handedOff);
  useEffect(() => forgetHandedOff(ticket.id), [ticket.id]);

  const { abilities } = ticket;
  const visibilities: Visibility[] = [
    ...(abilities.reply ? (['client'] as const) : []),
    ...(abilities.replyInternal ? (['internal'] as const) : []),
  ];
  const canUpload = visibilities.length > 0;
  // The service side chooses an audience per file before sending; a client's files go at once.
  const staged = abilities.seeInternal;
  const firstChoice = visibilities[0] ?? 'client';

  const { add, send } = uploads;
  const onFiles = useCallback(
    (files: File[]) => {
      const keys = add(files, firstChoice);
      if (staged) return;
      // Sent straight away: the reducer has them on the next render, so build the items here.
      files.forEach((file, i) => {
        const key = keys[i];
        if (key && validateFile(file) === null)
          void send(queuedNow(key, file, firstChoice), { ticketId: ticket.id });
      });
    },
    [add, send, staged, firstChoice, ticket.id],
  );
  const { dragging, dropHandlers } = useFileDrop(onFiles, canUpload);

  const waiting = sendable(uploads.items).filter((item) => item.status === 'ready');
  const sendAll = () => {
    for (const item of waiting) void send(item, { ticketId: ticket.id });
  };
  const canDelete = (a: AttachmentView) =>
    abilities.update || (a.uploadedBy.id !== null && a.uploadedBy.id === me.user.id);
  const onDelete = (a: AttachmentView) =>
    remove.mutate(a.id, {
      onSuccess: () => toast(`${a.fileName} deleted`),
      onError: (error) => toast(`Not deleted: ${describeError(error)}`, 'danger'),
    });

  const attachments = list.data ?? [];
  // The notice lasts while a file handed over from the new-ticket form is still not attached.
  const stillFailing = handedOff.some((h) =>
    uploads.items.some((item) => item.key === h.key && item.status !== 'done'),
  );
  return (
    <section
      className={dragging ? 'card attachments-panel attachments-dragging' : 'card attachments-panel'}
      aria-labelledby="ticket-files-title"
      {...dropHandlers}
    >
      <header className="card-header">
        <div className="card-heading">
          <h2 className="card-title" id="ticket-files-title">
            Files
            {attachments.length > 0 ? (
              <span className="subtle attachments-count"> {attachments.length}</span>
            ) : null}
          </h2>
          {abilities.seeInternal ? (
            <p className="card-description">Files marked Internal are never shown to the client.</p>
          ) : null}
        </div>
      </header>
      {stillFailing ? (
        <div className="card-body attachments-handoff">
          <Alert tone="warning" title="Your ticket was opened, but some files weren’t attached">
            The reason is next to each file. Retry where offered, or choose other files.
          </Alert>
        </div>
      ) : null}
      <div className="card-body-flush">
        {list.isPending ? (
          <div className="card-body stack-s" role="status" aria-busy="true">
            <span className="visually-hidden">Loading files…</span>
            <Skeleton width="70%" />
            <Skeleton width="55%" />
          </div>
        ) : list.isError && !list.data ? (
          <ErrorState
            error={list.error}
            onRetry={() => void list.refetch()}
            title="Files couldn’t be loaded"
          />
        ) : attachments.length === 0 ? (
          <p className="attachments-empty subtle">No files yet.</p>
        ) : (
          <AttachmentList
            attachments={attachments}
            canDelete={canDelete}
            onDelete={onDelete}
            deleting={remove.isPending ? (remove.variables ?? null) : null}
            meId={me.user.id}
          />
        )}
      </div>
      {canUpload || uploads.items.length > 0 ? (
        <div className="card-body attachments-upload">
          <UploadList
            items={uploads.items}
            visibilities={staged ? visibilities : []}
            onVisibility={uploads.setVisibility}
            onCancel={uploads.cancel}
            onRemove={uploads.remove}
            onRetry={canUpload ? (item) => void send(item, { ticketId: ticket.id }) : undefined}
          />
          {staged && waiting.length > 0 ? (
            <div className="row attachments-send">
              <Button variant="primary" size="s" onClick={sendAll} className="upload-send">
                Upload {waiting.length === 1 ? 'file' : `${waiting.length} files`}
              </Button>
            </div>
          ) : null}
          {canUpload ? <FilePicker onFiles={onFiles} dragging={dragging} /> : null}
        </div>
      ) : null}
    </section>
  );
}

/** The item the reducer is about to hold, for a send started in the same tick as the add. */
function queuedNow(key: string, file: File, visibility: Visibility) {
  return {
    key,
    file,
    visibility,
    status: 'ready' as const,
    loaded: 0,
    total: file.size,
    error: null,
    retryable: true,
  };
}
