/**
 * The functions the collaboration server relies on (server/modules/tickets/access.ts), over the
 * demo workspace: the Y → SQL description projection and the reply list the thread is built from.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listTicketReplies, setTicketDescriptionText } from '../../server/modules/tickets/access.ts';
import { tickets } from '../../storage/schema.ts';
import { seedDemo } from '../../storage/seed.ts';
import { tempDatabase } from '../support/db.ts';

const temp = tempDatabase();
const db = temp.db;
const byKey = (key: string) => db.select().from(tickets).where(eq(tickets.key, key)).get()!;

beforeAll(async () => {
  await seedDemo(db);
});
afterAll(() => temp.close());

describe('setTicketDescriptionText', () => {
  it('writes a changed text and its activity time, and leaves an unchanged one alone', () => {
    const before = byKey('ACME-1004');
    expect(setTicketDescriptionText(db, before.id, 'Use our Microsoft 365 sign-in, please.')).toBe(true);
    const after = byKey('ACME-1004');
    expect(after.descriptionText).toBe('Use our Microsoft 365 sign-in, please.');
    expect(after.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
    expect(setTicketDescriptionText(db, before.id, 'Use our Microsoft 365 sign-in, please.')).toBe(false);
    expect(byKey('ACME-1004').updatedAt).toEqual(after.updatedAt);
    expect(setTicketDescriptionText(db, 'abcdefghijkmnpqr', 'x')).toBe(false);
  });
});

describe('listTicketReplies', () => {
  it('returns only the audiences asked for, oldest first', () => {
    const vpn = byKey('ACME-1001');
    const all = listTicketReplies(db, vpn.id, ['client', 'internal']);
    expect(all.map((r) => r.visibility)).toEqual(['client', 'client', 'internal']);
    const sorted = all.map((r) => r.createdAt.getTime());
    expect(sorted).toEqual([...sorted].sort((a, b) => a - b));
    const publicOnly = listTicketReplies(db, vpn.id, ['client']);
    expect(publicOnly).toHaveLength(2);
    expect(JSON.stringify(publicOnly)).not.toContain('INTERNAL');
    expect(listTicketReplies(db, vpn.id, [])).toEqual([]);
  });

  it('gives each author as a client may see them: agents as the servicing organisation', () => {
    const [agent, client] = listTicketReplies(db, byKey('ACME-1001').id, ['client']);
    expect(agent).toMatchObject({ authorName: 'Sam Staff', publicAuthor: { id: null, name: 'Acme Agency' } });
    expect(client).toMatchObject({
      authorName: 'Eli Employee',
      publicAuthor: { id: client!.authorId, name: 'Eli Employee' },
    });
    const [direct] = listTicketReplies(db, byKey('KT-1001').id, ['client']);
    expect(direct!.publicAuthor).toEqual({ id: null, name: 'Kre8ivTech' });
  });
});
