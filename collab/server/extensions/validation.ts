/**
 * Invalid content is refused, not stored (DESIGN.md "Collaboration"). Before an update from a
 * client is logged or applied (this beforeSync runs ahead of persistence), it is applied to a
 * replica of the document (validation-replica.ts: kept warm, so a check costs about the update):
 * - bytes that do not decode or apply, or that leave dangling references, are refused;
 * - for rich-text documents, the result must be valid under the one editor schema
 *   (collab/schema): see prose-check.ts for what is refused always and what only when this
 *   update is what broke a valid document.
 * A refusal throws, so Hocuspocus applies nothing, acknowledges nothing and closes the document
 * connection with the reason (close-reasons.ts). Read-only connections are skipped: Hocuspocus
 * never applies their updates.
 */
import type { beforeSyncPayload, Extension } from '@hocuspocus/server';
import type * as Y from 'yjs';
import type { AppContext } from '../../../server/context.ts';
import { parseDocumentName } from '../../names.ts';
import { CLOSE, type CloseReason, CollabRefusal } from '../close-reasons.ts';
import type { CollabContext } from '../context.ts';
import { carriesUpdate } from '../sync.ts';
import { validationReplicaOf } from '../validation-replica.ts';

/**
 * Why `update` may not be applied to `document`, or null when it may. `prose`: the document is
 * rich text (its `default` fragment must stay valid under the schema).
 */
export function refusalFor(document: Y.Doc, update: Uint8Array, prose: boolean): CloseReason | null {
  const verdict = validationReplicaOf(document).judge(update, prose);
  if (!verdict.applies) return CLOSE.invalidUpdate;
  const after = verdict.prose;
  if (!after || after.ok) return null;
  if (after.tier === 'local') return CLOSE.invalidContent;
  // A structural problem two valid concurrent edits may have produced: refuse the update only
  // if the document was valid without it, so editors can always repair a merged document.
  return verdict.proseBefore?.ok ? CLOSE.invalidContent : null;
}

/** The validation extension: after limits, before persistence. */
export function validationExtension(ctx: AppContext): Extension<CollabContext> {
  const log = ctx.log.child({ module: 'collab' });
  return {
    extensionName: 'validation',
    priority: 30,

    async beforeSync({
      type,
      payload,
      connection,
      document,
      documentName,
      context,
    }: beforeSyncPayload<CollabContext>) {
      if (!carriesUpdate(type) || connection.readOnly) return;
      const name = parseDocumentName(documentName);
      const refusal = name ? refusalFor(document, payload, name.content === 'prose') : CLOSE.invalidName;
      if (!refusal) return;
      log.info(
        {
          document: documentName,
          userId: context.auth?.userId,
          reason: refusal.reason,
          bytes: payload.byteLength,
        },
        'collab: update refused',
      );
      throw new CollabRefusal(refusal);
    },
  };
}
