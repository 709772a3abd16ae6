/**
 * Round-robin assignment: the next available desk member after the last one picked, by id,
 * wrapping around. Runs inside the ticket's creating transaction (which holds SQLite's write
 * lock), so two tickets filed at once can never both read the same cursor.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../../storage/db.ts';
import { roundRobinCursors } from '../../../storage/schema.ts';
import { type DeskAgent, roundRobinPool } from './agents.ts';

type Tx = Pick<Db, 'select' | 'insert'>;

/** The member after `lastId` in an id-ordered pool (the first when none is after it). */
export function nextInTurn<T extends { id: string }>(
  pool: readonly T[],
  lastId: string | null,
): T | undefined {
  if (lastId === null) return pool[0];
  return pool.find((a) => a.id > lastId) ?? pool[0];
}

/** Picks the desk's next available member and moves the cursor to them; undefined when nobody is available. */
export function takeRoundRobinTurn(tx: Tx, deskId: string): DeskAgent | undefined {
  const cursor = tx
    .select({ lastUserId: roundRobinCursors.lastUserId })
    .from(roundRobinCursors)
    .where(eq(roundRobinCursors.tenantId, deskId))
    .get();
  const picked = nextInTurn(roundRobinPool(tx, deskId), cursor?.lastUserId ?? null);
  if (!picked) return undefined;
  tx.insert(roundRobinCursors)
    .values({ tenantId: deskId, lastUserId: picked.id })
    .onConflictDoUpdate({ target: roundRobinCursors.tenantId, set: { lastUserId: picked.id } })
    .run();
  return picked;
}
