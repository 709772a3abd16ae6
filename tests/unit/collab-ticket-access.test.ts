/**
 * Which of a ticket's three documents each demo account may open, and how (authorize.ts on top
 * of the ticket policy), over the demo workspace in real SQLite: the description is written by
 * whoever sees the ticket until it is closed, the internal document never opens for a client
 * role, and the thread is read-only for everyone.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocumentName } from '../../collab/names.ts';
import { authorizeDocument } from '../../collab/server/authorize.ts';
import { loadActor } from '../../server/auth/actor.ts';
import { tickets, users } from '../../storage/schema.ts';
import { seedDemo } from '../../storage/seed.ts';
import { tempDatabase } from '../support/db.ts';

const temp = tempDatabase();
beforeAll(() => seedDemo(temp.db), 60_000);
afterAll(() => temp.close());

type Access = 'write' | 'read' | null;

function accessOf(email: string, subject: string): [Access, Access, Access] {
  const user = temp.db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()!;
  const ticket = temp.db.select({ id: tickets.id }).from(tickets).where(eq(tickets.subject, subject)).get()!;
  const actor = loadActor(temp.db, user.id)!.actor;
  return (['', ':internal', ':thread'] as const).map((suffix) =>
    authorizeDocument(temp.db, actor, parseDocumentName(`ticket:${ticket.id}${suffix}`)!),
  ) as [Access, Access, Access];
}

const VPN = 'VPN drops every 20 minutes since the router swap'; // Globex, filed by Eli, in progress
const INVOICE = 'Invoice 2291 lists the design retainer twice'; // Globex, filed by Grace
const UPTIME = 'February uptime report is missing'; // Contoso (Northwind's client), closed

describe('ticket documents: [description, internal, thread]', () => {
  it.each([
    ['employee@globex.test', VPN, ['write', null, 'read']],
    ['client@globex.test', VPN, ['write', null, 'read']],
    ['partner@acme.test', VPN, ['write', 'write', 'read']],
    ['team@acme.test', VPN, ['write', 'write', 'read']],
    ['staff@demo.test', VPN, ['write', 'write', 'read']],
    ['admin@demo.test', VPN, ['write', 'write', 'read']],
    ['client@initech.test', VPN, [null, null, null]],
    ['partner@northwind.test', VPN, [null, null, null]],
    // A client sees their own tickets only, unless their admin shares the organisation's.
    ['employee@globex.test', INVOICE, [null, null, null]],
    ['client@contoso.test', UPTIME, ['read', null, 'read']],
    ['partner@northwind.test', UPTIME, ['read', 'read', 'read']],
    ['staff@demo.test', UPTIME, ['read', 'read', 'read']],
    ['partner@acme.test', UPTIME, [null, null, null]],
  ] as const)('%s on %j', (email, subject, expected) => {
    expect(accessOf(email, subject)).toEqual(expected);
  });
});
