/** A client_admin looks after their org: invite, sections, (de)activate, and nothing beyond. */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../server/auth/sessions.ts';
import { auditLog, outboxEmails, sessions, users } from '../../storage/schema.ts';
import { PortalClient, signedIn } from '../support/http-client.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';
import type { UserView } from '../support/views.ts';
import { demoWorld } from '../support/world.ts';

let portal: TestPortal;
/** `row(id)`: a user's row and membership, as JSON: what a refused change must leave alone. */
const { tenantId, userId, userSnapshot: row } = demoWorld(() => portal.ctx.db);
/** A signed-in client for a user who has no password (an invitee): a session made directly. */
function sessionFor(id: string): PortalClient {
  const { token } = createSession(
    portal.ctx.db,
    { idleDays: 30 },
    { userId: id, twoFactorVerified: true, ip: null, userAgent: null },
  );
  const client = new PortalClient(portal.url);
  client.cookie = token;
  return client;
}

beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(() => portal.close());

describe('a client_admin looks after their org', () => {
  it('invites, edits sections, deactivates — and is refused everything beyond', async () => {
    const grace = await signedIn(portal.url, 'client@globex.test');
    const globex = tenantId('globex');
    const invited = await grace.post<{ user: UserView; invitationSent: boolean }>('/api/users', {
      email: 'new.hire@globex.test',
      name: 'Nick Hire',
      role: 'client',
      tenantId: globex,
      sections: ['tickets'],
    });
    expect(invited.status).toBe(201);
    expect(invited.body.user).toMatchObject({ status: 'invited', role: 'client', sections: ['tickets'] });
    expect(invited.body.invitationSent).toBe(true);
    const hire = invited.body.user.id;
    const mail = portal.ctx.db
      .select()
      .from(outboxEmails)
      .where(eq(outboxEmails.toAddress, 'new.hire@globex.test'))
      .all();
    expect(mail).toHaveLength(1);
    const audit = portal.ctx.db.select().from(auditLog).where(eq(auditLog.targetId, hire)).all();
    expect(audit.find((a) => a.action === 'user.invited')).toMatchObject({
      actorUserId: userId('client@globex.test'),
      tenantId: globex,
      ip: '127.0.0.1',
    });

    const rights: string[] = [];
    const stop = portal.ctx.events.on('user.rights_changed', (e) => rights.push(e.userId));
    const edited = await grace.patch<{ user: UserView }>(`/api/users/${hire}`, {
      sections: ['tickets', 'invoices', 'kb'],
    });
    expect(edited.body.user.sections).toEqual(['tickets', 'invoices', 'kb']);
    expect(rights).toEqual([hire]);
    stop();

    const before = row(hire);
    const promote = await grace.patch(`/api/users/${hire}`, { role: 'client_admin' });
    expect(promote.status).toBe(403);
    expect(row(hire)).toBe(before);

    const hireSession = sessionFor(hire);
    expect((await hireSession.get('/api/me')).status).toBe(200);
    const off = await grace.post<{ user: UserView }>(`/api/users/${hire}/deactivate`);
    expect(off.body.user.status).toBe('deactivated');
    expect((await hireSession.get('/api/me')).status).toBe(401);
    expect(portal.ctx.db.select().from(sessions).where(eq(sessions.userId, hire)).all()).toEqual([]);
    const on = await grace.post<{ user: UserView }>(`/api/users/${hire}/reactivate`);
    expect(on.body.user.status).toBe('invited');
  });

  it('cannot touch another org’s people or invite into another org (404)', async () => {
    const grace = await signedIn(portal.url, 'client@globex.test');
    const ivan = userId('client@initech.test');
    const before = row(ivan);
    expect((await grace.get(`/api/users/${ivan}`)).status).toBe(404);
    expect((await grace.patch(`/api/users/${ivan}`, { name: 'Ivan the Terrible' })).status).toBe(404);
    expect((await grace.post(`/api/users/${ivan}/deactivate`)).status).toBe(404);
    expect(row(ivan)).toBe(before);
    const count = portal.ctx.db.select().from(users).all().length;
    const into = await grace.post('/api/users', {
      email: 'spy@initech.test',
      name: 'Spy',
      role: 'client',
      tenantId: tenantId('initech'),
    });
    expect(into.status).toBe(404);
    expect(portal.ctx.db.select().from(users).all().length).toBe(count);
  });

  it('cannot manage themself, and sections are only for clients', async () => {
    const grace = await signedIn(portal.url, 'client@globex.test');
    const self = userId('client@globex.test');
    const me = await grace.get<{ user: UserView }>(`/api/users/${self}`);
    expect(me.body.user.abilities).toEqual({
      update: false,
      deactivate: false,
      changeRole: false,
      assignableRoles: [],
      editSections: false,
    });
    expect((await grace.post(`/api/users/${self}/deactivate`)).status).toBe(403);
    const partner = await signedIn(portal.url, 'partner@acme.test');
    expect((await partner.patch(`/api/users/${self}`, { sections: ['kb'] })).status).toBe(403);
  });
});
