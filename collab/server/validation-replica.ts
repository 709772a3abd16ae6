/**
 * A warm replica of a live document for validation (extensions/validation.ts), so checking an
 * update costs about the update, not the document. Copying the whole document into a scratch
 * Y.Doc and converting all of it to ProseMirror per update made every update cost O(document).
 *
 * - The replica follows the live document: every update the live document emits is applied to
 *   it (Yjs updates are idempotent, so the candidate it already holds applies as a no-op).
 * - A candidate update is applied to the replica itself. If it is refused, or Hocuspocus never
 *   applies it, or the check had to delete from the replica (y-tiptap drops what it cannot
 *   convert), the replica is no longer the live document: `inStep` notices (same state vector
 *   and the same count of deleted clock units, given that it holds everything the live document
 *   does) and the replica is rebuilt from the live document — today's cost, on the rare path.
 * - Each top-level block's verdict (prose-check.ts) is kept until a transaction changes
 *   something inside the block, so a check converts only the blocks the update touched and
 *   composes the document's verdict from the rest.
 */
import * as Y from 'yjs';
import { PROSE_FIELD, SCRATCH_GUID } from './prose.ts';
import {
  type BlockVerdict,
  composeProse,
  localVerdict,
  type ProseVerdict,
  structureVerdict,
} from './prose-check.ts';

/** Counts the clock units a document's transactions deleted (see `inStep`). */
function countDeletions(doc: Y.Doc, add: (units: number) => void): void {
  doc.on('afterTransaction', (transaction: Y.Transaction) => {
    for (const ranges of transaction.deleteSet.clients.values()) for (const range of ranges) add(range.len);
  });
}

function sameStateVector(a: Y.Doc, b: Y.Doc): boolean {
  if (a.store.clients.size !== b.store.clients.size) return false;
  for (const client of a.store.clients.keys()) {
    if (!b.store.clients.has(client) || Y.getState(a.store, client) !== Y.getState(b.store, client))
      return false;
  }
  return true;
}

/** The replica as of one rebuild: its Y.Doc and what is known of its blocks. */
class Replica {
  readonly doc = new Y.Doc({ guid: SCRATCH_GUID });
  deleted = 0;
  /** Verdicts of top-level blocks unchanged since they were computed. */
  readonly verdicts = new WeakMap<object, BlockVerdict>();

  constructor(live: Y.Doc) {
    countDeletions(this.doc, (units) => {
      this.deleted += units;
    });
    const fragment = this.doc.getXmlFragment(PROSE_FIELD);
    this.doc.on('afterTransaction', (transaction: Y.Transaction) => {
      for (const type of transaction.changed.keys()) {
        const block = topLevelBlockOf(type, fragment);
        if (block) this.verdicts.delete(block);
      }
    });
    Y.applyUpdate(this.doc, Y.encodeStateAsUpdate(live));
  }

  /**
   * The verdict of the replica's current prose, converting only blocks without a kept verdict.
   * May delete from the replica (y-tiptap's drops): `inStep` then fails and it is rebuilt.
   */
  proseVerdict(): ProseVerdict {
    const blocks = this.doc.getXmlFragment(PROSE_FIELD).toArray();
    // Every local problem first, as checkProse does: no conversion of what it cannot represent.
    for (const block of blocks) {
      if (this.verdicts.has(block)) continue;
      const local = localVerdict(block);
      if (local) return composeProse(this.doc, [local]);
    }
    const verdicts = blocks.map((block) => {
      const kept = this.verdicts.get(block);
      if (kept) return kept;
      const verdict = structureVerdict(block as Y.XmlElement);
      this.verdicts.set(block, verdict);
      return verdict;
    });
    return composeProse(this.doc, verdicts);
  }
}

/** The top-level block of the fragment that `type` is (or is inside), or null. */
function topLevelBlockOf(type: { _item: Y.Item | null }, fragment: Y.XmlFragment): object | null {
  let current = type;
  while (current._item !== null) {
    const parent = current._item.parent;
    if (parent === fragment) return current;
    if (!(parent instanceof Y.AbstractType)) return null;
    current = parent;
  }
  return null;
}

/** What a candidate update does to the document. */
export type CandidateVerdict =
  | { applies: false }
  | { applies: true; prose: ProseVerdict | null; proseBefore: ProseVerdict | null };

/** The validation replica of one live document. */
export class ValidationReplica {
  readonly #live: Y.Doc;
  #liveDeleted = 0;
  #replica: Replica | null = null;

  constructor(live: Y.Doc) {
    this.#live = live;
    countDeletions(live, (units) => {
      this.#liveDeleted += units;
    });
    live.on('update', (update: Uint8Array) => {
      if (!this.#replica) return;
      // Never let the replica fail the live document's transaction: a replica that cannot
      // follow is dropped and rebuilt when next needed.
      try {
        Y.applyUpdate(this.#replica.doc, update);
      } catch {
        this.#drop();
      }
    });
    live.on('destroy', () => this.#drop());
  }

  /**
   * Applies `update` to the replica and judges it: whether it applies at all (decodes,
   * integrates, leaves no dangling references) and, for prose, the verdicts of the document
   * before and after it. Before is nearly free in the steady state: every block is already known.
   */
  judge(update: Uint8Array, prose: boolean): CandidateVerdict {
    let replica = this.#current();
    const before = prose ? replica.proseVerdict() : null;
    // Checking the current state had to drop content from the replica (a document that was
    // already broken): judge the candidate on a fresh copy of exactly the live document.
    if (!this.#inStep(replica)) replica = this.#rebuild();
    try {
      Y.applyUpdate(replica.doc, update);
    } catch {
      this.#drop();
      return { applies: false };
    }
    // Structs or deletions waiting for items the server never saw: a client that synced from this
    // server cannot produce them, and once integrated later they would bypass this check.
    if (replica.doc.store.pendingStructs !== null || replica.doc.store.pendingDs !== null) {
      this.#drop();
      return { applies: false };
    }
    return { applies: true, prose: prose ? replica.proseVerdict() : null, proseBefore: before };
  }

  /** The replica, rebuilt from the live document unless it is exactly the live document. */
  #current(): Replica {
    return this.#replica && this.#inStep(this.#replica) ? this.#replica : this.#rebuild();
  }

  #rebuild(): Replica {
    this.#drop();
    this.#replica = new Replica(this.#live);
    // A fresh replica has deleted what the live document's state holds deleted, not what the
    // live document counted since this object was made: start both counts level.
    this.#replica.deleted = this.#liveDeleted;
    return this.#replica;
  }

  /**
   * Whether the replica is exactly the live document. It holds everything the live document
   * does (it applies every live update), so it holds nothing more if the same structs are there
   * (state vectors) and the same clock units are deleted (counts).
   */
  #inStep(replica: Replica): boolean {
    return replica.deleted === this.#liveDeleted && sameStateVector(replica.doc, this.#live);
  }

  #drop(): void {
    this.#replica?.doc.destroy();
    this.#replica = null;
  }
}

const replicas = new WeakMap<Y.Doc, ValidationReplica>();

/** The validation replica of a live document (made on first use, gone with the document). */
export function validationReplicaOf(live: Y.Doc): ValidationReplica {
  let replica = replicas.get(live);
  if (!replica) {
    replica = new ValidationReplica(live);
    replicas.set(live, replica);
  }
  return replica;
}
