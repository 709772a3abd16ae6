/**
 * One client write at a time per document (collab/server/extensions/write-order.ts): a second
 * connection's update is judged only after the first has been handled, in arrival order, while
 * writes to other documents do not wait.
 */
import type { Connection, Document } from '@hocuspocus/server';
import { describe, expect, it } from 'vitest';
import { DocumentWriteOrder } from '../../collab/server/extensions/write-order.ts';

const doc = (name: string) => ({ name }) as unknown as Document;
const conn = () => ({}) as unknown as Connection;
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('the write order per document', () => {
  it('lets writes to one document in one at a time, first come first served', async () => {
    const order = new DocumentWriteOrder();
    const d = doc('ticket:a');
    const [a, b, c] = [conn(), conn(), conn()];
    const entered: string[] = [];
    const enter = (who: Connection, label: string) => order.enter(d, who).then(() => entered.push(label));
    const all = Promise.all([enter(a, 'a'), enter(b, 'b'), enter(c, 'c')]);
    await tick();
    expect(entered).toEqual(['a']);
    order.leave(a);
    await tick();
    expect(entered).toEqual(['a', 'b']);
    order.leave(b);
    await tick();
    expect(entered).toEqual(['a', 'b', 'c']);
    order.leave(c);
    await all;
    expect(order.busyDocuments).toBe(0);
  });

  it('does not hold back writes to other documents', async () => {
    const order = new DocumentWriteOrder();
    const a = conn();
    const b = conn();
    await order.enter(doc('ticket:a'), a);
    let entered = false;
    const other = order.enter(doc('ticket:b'), b).then(() => {
      entered = true;
    });
    await tick();
    expect(entered).toBe(true);
    order.leave(a);
    order.leave(b);
    await other;
    expect(order.busyDocuments).toBe(0);
  });

  it('a refused write releases the document too (leave runs after every message)', async () => {
    const order = new DocumentWriteOrder();
    const d = doc('ticket:a');
    const refused = conn();
    const next = conn();
    await order.enter(d, refused);
    const waiting = order.enter(d, next);
    order.leave(refused);
    await waiting;
    order.leave(next);
    expect(order.busyDocuments).toBe(0);
  });
});
