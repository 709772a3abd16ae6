/**
 * Presence at most every AWARENESS_INTERVAL_MS per connection, latest state wins. A cursor
 * moving while someone types sends awareness on every keystroke, and each one is applied and
 * fanned out to every peer of the document; peers cannot see more than ~10 updates a second
 * anyway. The first update after a quiet interval goes out at once (no added latency); updates
 * arriving within the interval are held, each client id keeping only its newest state, and the
 * held states go out together when the interval ends.
 */
import type { Connection, Document } from '@hocuspocus/server';

export const AWARENESS_INTERVAL_MS = 100;

type States = Map<number, Record<string, unknown>>;

interface Slot {
  /** When the last update of this connection went out. */
  sentAt: number;
  held: States | null;
  timer: NodeJS.Timeout | null;
}

/** Per-connection throttling of inbound awareness updates (one instance per server). */
export class AwarenessThrottle {
  readonly #intervalMs: number;
  readonly #now: () => number;
  readonly #slots = new WeakMap<object, Slot>();

  constructor(intervalMs = AWARENESS_INTERVAL_MS, now: () => number = () => performance.now()) {
    this.#intervalMs = intervalMs;
    this.#now = now;
  }

  /**
   * Lets `states` through now, or holds them: then `states` is emptied (nothing is applied now)
   * and `send` is called with everything held once the interval of `key` ends.
   */
  admit(key: object, states: States, send: (held: States) => void): void {
    const now = this.#now();
    let slot = this.#slots.get(key);
    if (!slot) {
      slot = { sentAt: Number.NEGATIVE_INFINITY, held: null, timer: null };
      this.#slots.set(key, slot);
    }
    if (slot.timer === null && now - slot.sentAt >= this.#intervalMs) {
      slot.sentAt = now;
      return;
    }
    slot.held ??= new Map();
    for (const [clientId, state] of states) slot.held.set(clientId, state);
    states.clear();
    if (slot.timer !== null) return;
    const current = slot;
    current.timer = setTimeout(
      () => {
        const held = current.held;
        current.held = null;
        current.timer = null;
        current.sentAt = this.#now();
        if (held && held.size > 0) send(held);
      },
      Math.max(0, slot.sentAt + this.#intervalMs - now),
    );
    current.timer.unref();
  }
}

/**
 * Applies held states to the document's awareness as if `connection` had just sent them (so
 * Hocuspocus records the client ids as that connection's and broadcasts them). Each gets the
 * next clock for its client id: a client's own clock has moved at least that far, since every
 * held state came with a newer one, so its next update still applies.
 */
export function applyHeldAwareness(document: Document, connection: Connection, held: States): void {
  const entries = [...held].map(([clientId, state]) => ({
    clientId,
    clock: (document.awareness.meta.get(clientId)?.clock ?? 0) + 1,
    state,
  }));
  document.applyAwarenessUpdate(connection, encodeAwarenessUpdate(entries));
}

/**
 * The y-protocols awareness update encoding (a count, then client id, clock and JSON state per
 * entry, lib0 variable-length integers and strings). Written out here rather than imported:
 * y-protocols is not a dependency of the server, and the format is the wire protocol.
 */
export function encodeAwarenessUpdate(
  entries: readonly { clientId: number; clock: number; state: Record<string, unknown> | null }[],
): Uint8Array {
  const bytes: number[] = [];
  const varUint = (value: number) => {
    let rest = value;
    while (rest > 0x7f) {
      bytes.push(0x80 | (rest & 0x7f));
      rest = Math.floor(rest / 128);
    }
    bytes.push(rest);
  };
  varUint(entries.length);
  for (const { clientId, clock, state } of entries) {
    varUint(clientId);
    varUint(clock);
    const json = new TextEncoder().encode(JSON.stringify(state));
    varUint(json.byteLength);
    for (const byte of json) bytes.push(byte);
  }
  return Uint8Array.from(bytes);
}
