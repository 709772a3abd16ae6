/**
 * Invalid content is refused, not stored (DESIGN.md "Collaboration"). Before an update from a
 * client is logged or applied (this beforeSync runs ahead of persistence), it is applied to a
 * scratch copy of the document:
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
import { scratchCopy } from '../prose.ts';
import { checkProse } from '../prose-check.ts';
import { carriesUpdate } from '../sync.ts';

/**
 * Why `update` may not be applied to `document`, or null when it may. `prose`: the document is
 * rich text (its `default` fragment must stay valid under the schema).
 */
export function refusalFor(document: Y.Doc, update: Uint8Array, prose: boolean): CloseReason | null {
  let scratch: Y.Doc;
  try {
    scratch = scratchCopy(document, update);
  } catch {
    return CLOSE.invalidUpdate;
  }
  try {
    // Structs or deletions waiting for items the server never saw: a client that synced from this
    // server cannot produce them, and once integrated later they would bypass this check.
    if (scratch.store.pendingStructs !== null || scratch.store.pendingDs !== null) return CLOSE.invalidUpdate;
    if (!prose) return null;
    const verdict = checkProse(scratch);
    if (verdict.ok) return null;
    if (verdict.tier === 'local') return CLOSE.invalidContent;
    // A structural problem two valid concurrent edits may have produced: refuse the update only
    // if the document was valid without it, so editors can always repair a merged document.
    const before = scratchCopy(document);
    try {
      return checkProse(before).ok ? CLOSE.invalidContent : null;
    } finally {
      before.destroy();
    }
  } finally {
    scratch.destroy();
  }
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
