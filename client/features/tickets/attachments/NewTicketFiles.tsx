/**
 * Optional files on the new-ticket form: picked or dropped before submitting, validated at once,
 * sent after the ticket exists (NewTicketPage). The service side, filing for a client, picks each
 * file's audience; a client's files are client-visible.
 */
import '../../../styles/attachments.css';
import type { Visibility } from '../../../lib/types.ts';
import { FilePicker } from './FilePicker.tsx';
import { UploadList } from './UploadList.tsx';
import { sendable } from './upload-queue.ts';
import { useFileDrop } from './useFileDrop.ts';
import type { UploadOutcome, Uploads } from './useUploads.ts';

const BOTH: readonly Visibility[] = ['client', 'internal'];

export function NewTicketFiles({
  uploads,
  chooseVisibility,
  busy,
}: {
  uploads: Uploads;
  chooseVisibility: boolean;
  /** The ticket is being filed or the files sent: no changes to the list meanwhile. */
  busy: boolean;
}) {
  const { dragging, dropHandlers } = useFileDrop((files) => uploads.add(files, 'client'), !busy);
  return (
    <fieldset className="fieldset new-ticket-files" {...dropHandlers}>
      <legend className="field-label">
        Files <span className="field-optional">(optional)</span>
      </legend>
      <UploadList
        items={uploads.items}
        visibilities={chooseVisibility ? BOTH : []}
        onVisibility={uploads.setVisibility}
        onCancel={uploads.cancel}
        onRemove={uploads.remove}
      />
      <FilePicker onFiles={(files) => uploads.add(files, 'client')} dragging={dragging} disabled={busy} />
    </fieldset>
  );
}

/**
 * Sends every waiting file to the new ticket, all at once; resolves when each has finished,
 * with the ones that failed (cancelled ones are the person's choice and are not reported).
 */
export async function sendNewTicketFiles(uploads: Uploads, ticketId: string) {
  const waiting = sendable(uploads.items).filter((item) => item.status === 'ready');
  const outcomes: UploadOutcome[] = await Promise.all(
    waiting.map((item) => uploads.send(item, { ticketId })),
  );
  return waiting.flatMap((item, i) => {
    const outcome = outcomes[i];
    return outcome && !outcome.ok && !outcome.cancelled
      ? [
          {
            ...item,
            status: 'failed' as const,
            loaded: 0,
            error: outcome.error,
            retryable: outcome.retryable,
          },
        ]
      : [];
  });
}
