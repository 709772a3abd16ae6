/**
 * Group commit of the update log (collab/server/group-commit.ts): an append is on disk before its
 * promise resolves, the appends of one turn share one transaction, a failed commit rejects every
 * waiter of its batch and writes nothing, and sequence numbers follow arrival.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createGroupCommit } from '../../collab/server/group-commit.ts';
import { tempDatabase } from '../support/db.ts';

let temp: ReturnType<typeof tempDatabase>;
beforeEach(() => {
  temp = tempDatabase();
});
afterEach(() => {
  vi.restoreAllMocks();
  temp.close();
});

const bytes = (n: number) => Uint8Array.of(n, n + 1, n + 2);

/** The log as another process would see it: a separate connection on the same file. */
function rowsOnDisk(): { seq: number; name: string; update: Buffer }[] {
  const other = new Database(join(temp.dir, 'portal.db'), { readonly: true });
  try {
    return other.prepare('select seq, name, "update" from collab_updates order by seq').all() as {
      seq: number;
      name: string;
      update: Buffer;
    }[];
  } finally {
    other.close();
  }
}

describe('group commit', () => {
  it('resolves only after the row is committed, visible to another connection', async () => {
    const writer = createGroupCommit(temp.db);
    const appended = writer.append('ticket:a', bytes(1));
    // Queued, not yet written: nothing on disk, and nothing has been acknowledged either.
    expect(rowsOnDisk()).toEqual([]);
    const seq = await appended;
    expect(rowsOnDisk()).toEqual([{ seq, name: 'ticket:a', update: Buffer.from(bytes(1)) }]);
  });

  it('commits the appends of one turn in one transaction, in arrival order', async () => {
    const transaction = vi.spyOn(temp.db.$client, 'transaction');
    const writer = createGroupCommit(temp.db);
    const resolved: string[] = [];
    const names = Array.from({ length: 50 }, (_, i) => `ticket:doc${i % 5}`);
    const seqs = await Promise.all(
      names.map((name, i) =>
        writer.append(name, bytes(i)).then((seq) => {
          resolved.push(`${name}#${i}`);
          return seq;
        }),
      ),
    );
    expect(transaction).toHaveBeenCalledTimes(1);
    // Consecutive sequence numbers in call order; waiters told in the same order.
    expect(seqs).toEqual(seqs.map((_, i) => (seqs[0] as number) + i));
    expect(resolved).toEqual(names.map((name, i) => `${name}#${i}`));
    expect(rowsOnDisk().map((r) => r.name)).toEqual(names);

    // The next turn is the next batch.
    await Promise.all([writer.append('ticket:a', bytes(1)), writer.append('ticket:b', bytes(2))]);
    expect(transaction).toHaveBeenCalledTimes(2);
  });

  it('keeps per-document order across batches', async () => {
    const writer = createGroupCommit(temp.db);
    const first = await Promise.all([
      writer.append('ticket:a', bytes(1)),
      writer.append('ticket:b', bytes(2)),
    ]);
    const second = await Promise.all([
      writer.append('ticket:b', bytes(3)),
      writer.append('ticket:a', bytes(4)),
    ]);
    const a = rowsOnDisk().filter((r) => r.name === 'ticket:a');
    expect(a.map((r) => r.update[0])).toEqual([1, 4]);
    expect(first[0]).toBeLessThan(second[1] as number);
    expect(first[1]).toBeLessThan(second[0] as number);
  });

  it('rejects every waiter of a failed commit and writes nothing of it', async () => {
    temp.db.$client.exec(
      `CREATE TRIGGER test_log_fails BEFORE INSERT ON collab_updates WHEN NEW.name = 'ticket:bad'
       BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`,
    );
    const writer = createGroupCommit(temp.db);
    const logged: number[] = [];
    const batch = [
      writer.append('ticket:good', bytes(1), (seq) => logged.push(seq)),
      writer.append('ticket:bad', bytes(2), (seq) => logged.push(seq)),
      writer.append('ticket:good', bytes(3), (seq) => logged.push(seq)),
    ];
    const outcomes = await Promise.allSettled(batch);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(String((outcomes[0] as PromiseRejectedResult).reason)).toContain('disk on fire');
    expect(logged).toEqual([]);
    expect(rowsOnDisk()).toEqual([]);

    // The writer is not stuck: the next batch commits.
    const seq = await writer.append('ticket:good', bytes(4));
    expect(rowsOnDisk().map((r) => r.seq)).toEqual([seq]);
  });

  it('runs onLogged in the committing step, before any waiter resumes', async () => {
    const writer = createGroupCommit(temp.db);
    const events: string[] = [];
    const one = writer.append('ticket:a', bytes(1), () => events.push('logged 1'));
    const two = writer.append('ticket:a', bytes(2), () => events.push('logged 2'));
    void one.then(() => events.push('resumed 1'));
    void two.then(() => events.push('resumed 2'));
    await two;
    expect(events.slice(0, 2)).toEqual(['logged 1', 'logged 2']);
  });

  it('appendNow commits the queued appends first, then its own, synchronously', async () => {
    const schedule = vi.fn();
    const writer = createGroupCommit(temp.db, schedule);
    const queued = writer.append('ticket:a', bytes(1));
    const now = writer.appendNow('ticket:a', bytes(2));
    // On disk when appendNow returns, and after the queued one.
    expect(rowsOnDisk().map((r) => [r.seq, r.update[0]])).toEqual([
      [now - 1, 1],
      [now, 2],
    ]);
    expect(await queued).toBe(now - 1);
  });

  it('appendNow throws on a failed commit and rejects the queued waiters with it', async () => {
    temp.db.$client.exec(
      `CREATE TRIGGER test_log_fails BEFORE INSERT ON collab_updates
       BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`,
    );
    const writer = createGroupCommit(temp.db, () => {});
    const queued = writer.append('ticket:a', bytes(1));
    expect(() => writer.appendNow('ticket:a', bytes(2))).toThrow('disk on fire');
    await expect(queued).rejects.toThrow('disk on fire');
    expect(rowsOnDisk()).toEqual([]);
  });
});
