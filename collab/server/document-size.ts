/**
 * A running upper bound of a live document's encoded size, so the size limit (limits.ts) does
 * not encode the whole document on every update. The bound is the size measured by a real
 * encode plus GROWTH_PER_BYTE × the bytes of every update the document emitted since (its
 * `update` event sees every change, whatever its source). Only when the bound could pass the
 * limit is the document encoded again — and every refusal is decided on that exact measure,
 * as before; below the bound the exact check could not have refused either.
 */
import * as Y from 'yjs';

/**
 * How much a document's encoded state can grow per byte of update. An update that deletes every
 * other character of a long run splits one item into thousands: measured up to 8× for a run with
 * no right origin and 10–13.5× for a run typed before existing text (each deleted unit leaves two
 * split items, each with two full ids); 16 keeps the bound an upper bound.
 */
export const GROWTH_PER_BYTE = 16;

/** The bound of one live document. */
class SizeBound {
  readonly #doc: Y.Doc;
  /** The last exact encoded size. */
  #measured: number;
  /** What the updates since may have added to it, at most. */
  #grown = 0;

  constructor(doc: Y.Doc) {
    this.#doc = doc;
    this.#measured = Y.encodeStateAsUpdate(doc).byteLength;
    doc.on('update', (update: Uint8Array) => {
      this.#grown += update.byteLength * GROWTH_PER_BYTE;
    });
  }

  /** Whether applying `update` would take the document over `limit` bytes (exact when close). */
  exceeds(update: Uint8Array, limit: number): boolean {
    if (this.#measured + this.#grown + update.byteLength * GROWTH_PER_BYTE <= limit) return false;
    this.#measured = Y.encodeStateAsUpdate(this.#doc).byteLength;
    this.#grown = 0;
    return this.#measured + update.byteLength > limit;
  }
}

const bounds = new WeakMap<Y.Doc, SizeBound>();

/**
 * Whether the encoded state of `document` plus `update` could pass `limit` bytes — the check
 * limits.ts makes — answered from the running bound while it is well below the limit.
 */
export function wouldExceed(document: Y.Doc, update: Uint8Array, limit: number): boolean {
  if (update.byteLength > limit) return true;
  let bound = bounds.get(document);
  if (!bound) {
    bound = new SizeBound(document);
    bounds.set(document, bound);
  }
  return bound.exceeds(update, limit);
}
