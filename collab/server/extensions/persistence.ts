/**
 * Durable before acknowledged (DESIGN.md rule 5). Hocuspocus acknowledges an update as soon as it
 * is applied in memory and stores only after a debounce, so durability comes from an update log:
 * - `beforeSync` (awaited by Hocuspocus before it applies a sync step 2 or update and before it
 *   sends the SyncStatus acknowledgement) appends the update to `collab_updates` through the
 *   group commit (group-commit.ts): the updates of one event-loop turn share one transaction and
 *   one fsync, and the hook resolves only after that commit. It runs *before* Hocuspocus'
 *   read-only check, so a read-only connection's update is never logged. Validation and the size
 *   limit run earlier (higher priority): a refused update is not stored. A failed commit rejects
 *   the hook, and Hocuspocus closes the connection without applying the update.
 * - Writes that do not come from a client connection (server-side `openDirectConnection`) are
 *   logged synchronously in the Y.Doc's `update` event (committing the queued batch with them):
 *   before `transact()` resolves and before the broadcast, which Hocuspocus defers to the next
 *   turn of the event loop.
 * - `onLoadDocument` applies the snapshot, then every logged update after it in order, in one
 *   Yjs transaction; a ticket description that has never been stored is seeded once, through
 *   the log.
 * - `onStoreDocument` (debounced) folds: the compacted state and the highest folded sequence
 *   number in one transaction, with the folded rows deleted. Retried with backoff; a final
 *   failure is logged and thrown, tried again later, and the document is not unloaded until a
 *   store succeeds (its log is intact meanwhile, so this is about surfacing, not durability).
 */
import type {
  afterHandleMessagePayload,
  afterLoadDocumentPayload,
  beforeSyncPayload,
  beforeUnloadDocumentPayload,
  Connection,
  Extension,
  onLoadDocumentPayload,
  onStoreDocumentPayload,
} from '@hocuspocus/server';
import { isTransactionOrigin } from '@hocuspocus/server';
import * as Y from 'yjs';
import type { AppContext } from '../../../server/context.ts';
import { type DocumentName, parseDocumentName } from '../../names.ts';
import type { CollabContext } from '../context.ts';
import { groupCommitFor } from '../group-commit.ts';
import { replayStored } from '../replay.ts';
import { carriesUpdate, isEmptyUpdate } from '../sync.ts';
import { foldLog, lastLoggedSeq, readStoredDocument } from '../update-log.ts';

export interface PersistenceOptions {
  /**
   * Initial content of a document that has nothing stored yet, or null. Called with the context
   * of the connection that opened it (its authorised actor). Logged like any other update.
   */
  seed?: (name: DocumentName, context: Partial<CollabContext>) => Uint8Array | null;
  /** Waits between store attempts; one attempt more than entries. */
  storeRetryDelaysMs?: readonly number[];
}

/** After the retries of a store are spent, the next attempt comes this much later. */
const STORE_AGAIN_AFTER_MS = 30_000;

/** Thrown from beforeUnloadDocument to keep a document loaded; empty message: already logged. */
class StoreFailed extends Error {
  constructor() {
    super('');
  }
}

/** Folding at load once this many updates are replayed keeps a never-stored document's replay short. */
const FOLD_ON_LOAD_AFTER = 500;

/**
 * Documents this extension persists. The ticket thread is rebuilt from SQL on every load and the
 * per-user channel has no content, so neither is logged nor stored.
 */
export function isPersisted(documentName: string): boolean {
  const name = parseDocumentName(documentName);
  return name !== null && name.kind !== 'ticket_thread' && name.kind !== 'user';
}

/** The durable persistence extension. */
export function persistenceExtension(
  ctx: AppContext,
  opts: PersistenceOptions = {},
): Extension<CollabContext> {
  const log = ctx.log.child({ module: 'collab' });
  const delays = opts.storeRetryDelaysMs ?? [100, 500, 2000];
  const writer = groupCommitFor(ctx.db);
  // Logged but maybe not yet applied: a fold must not delete these rows, since the state it
  // writes may not contain them yet. Per document name; per connection for the clean-up.
  const inFlight = new Map<string, Set<number>>();
  const inFlightOf = new WeakMap<Connection, { name: string; seq: number }>();
  // Documents whose last store failed: never unloaded until one succeeds.
  const unstored = new Set<string>();

  const settle = (connection: Connection) => {
    const entry = inFlightOf.get(connection);
    if (!entry) return;
    inFlightOf.delete(connection);
    const seqs = inFlight.get(entry.name);
    seqs?.delete(entry.seq);
    if (seqs?.size === 0) inFlight.delete(entry.name);
  };

  /** One synchronous compaction of the live document `name`. */
  const fold = (name: string, document: Y.Doc) => {
    const pending = inFlight.get(name);
    const foldedSeq = pending ? Math.min(...pending) - 1 : lastLoggedSeq(ctx.db, name);
    foldLog(ctx.db, name, Y.encodeStateAsUpdate(document), foldedSeq);
  };

  return {
    extensionName: 'persistence',
    priority: 20,

    async onLoadDocument({ documentName, document, context }: onLoadDocumentPayload<CollabContext>) {
      if (!isPersisted(documentName)) return;
      // Appends still queued (e.g. from a connection of this document's previous, unloaded
      // instance) are committed first, so this load replays them.
      writer.flush();
      const stored = readStoredDocument(ctx.db, documentName);
      replayStored(document, stored, (seq, err) => {
        // Cannot happen for what validation let through.
        log.error({ err, document: documentName, seq }, 'collab: a logged update does not apply; skipped');
      });
      const name = parseDocumentName(documentName);
      if (!stored.snapshot && stored.updates.length === 0 && name && opts.seed) {
        // The same synchronous step that saw nothing stored logs the seed: it happens once.
        const seed = opts.seed(name, context ?? {});
        if (seed) {
          writer.appendNow(documentName, seed);
          Y.applyUpdate(document, seed);
        }
      }
      if (stored.updates.length >= FOLD_ON_LOAD_AFTER) fold(documentName, document);
    },

    async afterLoadDocument({ documentName, document }: afterLoadDocumentPayload<CollabContext>) {
      if (!isPersisted(documentName)) return;
      document.on('update', (update: Uint8Array, origin: unknown) => {
        // Client updates were logged in beforeSync; another node's (Redis) were logged there.
        if (isTransactionOrigin(origin) && origin.source !== 'local') return;
        // Throws on a failed write, so the server-side writer's transact() fails loudly.
        writer.appendNow(documentName, update);
      });
    },

    async beforeSync({ type, payload, connection, documentName }: beforeSyncPayload<CollabContext>) {
      // Hocuspocus calls this before its read-only check; a read-only update is never applied.
      if (!carriesUpdate(type) || connection.readOnly || !isPersisted(documentName)) return;
      if (isEmptyUpdate(payload)) return;
      // Marked in flight in the step that commits it, so no fold can see the row before the mark.
      await writer.append(documentName, payload, (seq) => {
        const seqs = inFlight.get(documentName) ?? new Set<number>();
        inFlight.set(documentName, seqs.add(seq));
        inFlightOf.set(connection, { name: documentName, seq });
      });
    },

    async afterHandleMessage({ connection }: afterHandleMessagePayload<CollabContext>) {
      // Runs once the message was applied (or threw), for every message beforeSync saw.
      settle(connection);
    },

    async onStoreDocument(payload: onStoreDocumentPayload<CollabContext>) {
      const { documentName, document, instance } = payload;
      if (!isPersisted(documentName)) return;
      for (let attempt = 0; ; attempt++) {
        try {
          fold(documentName, document);
          unstored.delete(documentName);
          return;
        } catch (err) {
          const final = attempt >= delays.length;
          log.error(
            { err, document: documentName, attempt: attempt + 1, final },
            final
              ? 'collab: storing the document failed; it stays in memory and its log is intact'
              : 'collab: storing the document failed; retrying',
          );
          if (!final) {
            await new Promise((resolve) => setTimeout(resolve, delays[attempt]));
            continue;
          }
          unstored.add(documentName);
          // Hocuspocus does not retry a failed store; without a new edit none would ever come.
          const later = setTimeout(() => {
            if (!document.isDestroyed) void instance.storeDocumentHooks(document, payload, true);
          }, STORE_AGAIN_AFTER_MS);
          later.unref();
          throw err;
        }
      }
    },

    async beforeUnloadDocument({ documentName }: beforeUnloadDocumentPayload) {
      // Hocuspocus unloads after a failed store on some paths (a direct connection's
      // disconnect): refuse, so a document is never unloaded with its store failing.
      if (unstored.has(documentName)) throw new StoreFailed();
    },
  };
}
