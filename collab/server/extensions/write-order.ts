/**
 * One client write at a time per document, from the first check until Hocuspocus has applied it.
 * The size limit and validation judge an update against the live document, and the log append
 * (group commit) makes the update wait for its transaction before it is applied. Without this,
 * a second connection's update arriving in the same turn would be judged against a document that
 * does not yet hold the first — so N updates sent at once could each pass the size limit alone.
 * Hocuspocus orders messages per connection only; this orders writes per document. Writes to
 * different documents still share one commit.
 */
import type {
  afterHandleMessagePayload,
  beforeSyncPayload,
  Connection,
  Document,
  Extension,
} from '@hocuspocus/server';
import type { CollabContext } from '../context.ts';
import { carriesUpdate } from '../sync.ts';

/** A FIFO lock per document; the holder is the connection whose message is being handled. */
export class DocumentWriteOrder {
  readonly #tails = new Map<Document, Promise<void>>();
  readonly #releases = new WeakMap<Connection, () => void>();

  /** Waits until every earlier write to the document has been handled, then holds it. */
  async enter(document: Document, connection: Connection): Promise<void> {
    const previous = this.#tails.get(document) ?? Promise.resolve();
    let release = () => {};
    const mine = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = previous.then(() => mine);
    this.#tails.set(document, tail);
    this.#releases.set(connection, () => {
      release();
      if (this.#tails.get(document) === tail) this.#tails.delete(document);
    });
    await previous;
  }

  /** Lets the next write in; a connection holding nothing is a no-op. */
  leave(connection: Connection): void {
    const release = this.#releases.get(connection);
    this.#releases.delete(connection);
    release?.();
  }

  /** Documents with a write in flight or waiting (for tests). */
  get busyDocuments(): number {
    return this.#tails.size;
  }
}

/**
 * Runs first among beforeSync hooks (highest priority after authentication). Hocuspocus calls
 * afterHandleMessage in a `finally` after every message, refused or not, so the hold always ends.
 */
export function writeOrderExtension(order = new DocumentWriteOrder()): Extension<CollabContext> {
  return {
    extensionName: 'write-order',
    priority: 60,

    async beforeSync({ type, connection, document }: beforeSyncPayload<CollabContext>) {
      if (!carriesUpdate(type) || connection.readOnly) return;
      await order.enter(document, connection);
    },

    async afterHandleMessage({ connection }: afterHandleMessagePayload<CollabContext>) {
      order.leave(connection);
    },
  };
}
