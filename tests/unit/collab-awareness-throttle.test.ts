/**
 * Presence throttling (collab/server/awareness-throttle.ts): the first update of a quiet
 * connection goes out at once, later ones within the interval are held with the latest state
 * per client id winning, and what is held goes out once, encoded as y-protocols would.
 */
import { Document } from '@hocuspocus/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Awareness, applyAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import {
  AwarenessThrottle,
  applyHeldAwareness,
  encodeAwarenessUpdate,
} from '../../collab/server/awareness-throttle.ts';

type States = Map<number, Record<string, unknown>>;
const states = (entries: [number, Record<string, unknown>][]): States => new Map(entries);

describe('AwarenessThrottle', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('lets the first update through, holds the rest of the interval, sends the latest once', () => {
    const throttle = new AwarenessThrottle(100, () => Date.now());
    const connection = {};
    const sent: States[] = [];
    const send = (held: States) => sent.push(held);

    const first = states([[1, { cursor: 1 }]]);
    throttle.admit(connection, first, send);
    expect(first.size).toBe(1);

    vi.advanceTimersByTime(30);
    const second = states([[1, { cursor: 2 }]]);
    throttle.admit(connection, second, send);
    expect(second.size).toBe(0);
    vi.advanceTimersByTime(30);
    const third = states([
      [1, { cursor: 3 }],
      [2, { cursor: 'b' }],
    ]);
    throttle.admit(connection, third, send);
    expect(third.size).toBe(0);
    expect(sent).toEqual([]);

    // The interval ends 100 ms after the first went out: one send, latest state per client id.
    vi.advanceTimersByTime(40);
    expect(sent).toEqual([
      states([
        [1, { cursor: 3 }],
        [2, { cursor: 'b' }],
      ]),
    ]);

    // Another connection is throttled on its own.
    const other = states([[5, { cursor: 0 }]]);
    throttle.admit({}, other, send);
    expect(other.size).toBe(1);

    // Quiet for a whole interval: the next update goes out at once again.
    vi.advanceTimersByTime(150);
    const later = states([[1, { cursor: 4 }]]);
    throttle.admit(connection, later, send);
    expect(later.size).toBe(1);
    expect(sent).toHaveLength(1);
  });
});

describe('encodeAwarenessUpdate', () => {
  it('is what y-protocols decodes, large client ids and unicode included', () => {
    const awareness = new Awareness(new Y.Doc());
    const update = encodeAwarenessUpdate([
      { clientId: 2 ** 32 - 1, clock: 300, state: { user: { name: 'Zoë 🚀' }, cursor: null } },
      { clientId: 7, clock: 1, state: { user: { name: 'Ada' } } },
    ]);
    applyAwarenessUpdate(awareness, update, 'test');
    expect(awareness.getStates().get(2 ** 32 - 1)).toEqual({ user: { name: 'Zoë 🚀' }, cursor: null });
    expect(awareness.meta.get(2 ** 32 - 1)?.clock).toBe(300);
    expect(awareness.getStates().get(7)).toEqual({ user: { name: 'Ada' } });
    awareness.destroy();
  });
});

describe('applyHeldAwareness', () => {
  it("applies held states as the connection's, with the next clock, and broadcasts them", () => {
    const document = new Document('ticket:x');
    const connection = { messageAddress: 'ticket:x', send: vi.fn() } as unknown as Parameters<
      typeof applyHeldAwareness
    >[1];
    document.addConnection(connection);
    applyHeldAwareness(document, connection, states([[9, { cursor: 1 }]]));
    applyHeldAwareness(document, connection, states([[9, { cursor: 2 }]]));
    expect(document.awareness.getStates().get(9)).toEqual({ cursor: 2 });
    expect(document.awareness.meta.get(9)?.clock).toBe(2);
    expect(document.getClients(connection).has(9)).toBe(true);
    document.flush();
    expect(connection.send).toHaveBeenCalled();
    document.destroy();
  });
});
