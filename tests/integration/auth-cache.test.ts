/**
 * The auth cache on a real portal: whatever a warm cache holds, a revoked session, a deactivated
 * user, a changed role or section, a rename and a row deleted behind the portal's back all take
 * effect on the very next request.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../storage/builders.ts';
import { sessions, tenants } from '../../storage/schema.ts';
import { PortalClient, signedIn } from '../support/http-client.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';

const PASSWORD = 'first password 123';
let portal: TestPortal;
let globexAdmin: PortalClient;

beforeAll(async () => {
  portal = await startTestPortal();
  globexAdmin = await signedIn(portal.url, 'client@globex.test');
});
afterAll(async () => {
  await portal?.close();
});

/** A Globex client of our own, signed in, with the cache warmed by two requests. */
async function warmClient(email: string): Promise<{ client: PortalClient; id: string }> {
  const globex = portal.ctx.db.select().from(tenants).where(eq(tenants.slug, 'globex')).get();
  if (!globex) throw new Error('no globex');
  const user = await buildUser(
    portal.ctx.db,
    { email, name: 'Cached Person', role: 'client', tenantId: globex.id, password: PASSWORD },
    { fastHash: true },
  );
  const client = await new PortalClient(portal.url).login(email, PASSWORD);
  expect((await client.get('/api/me')).status).toBe(200);
  expect((await client.get('/api/me')).status).toBe(200);
  return { client, id: user.id };
}

const sessionIdOf = (client: PortalClient) => (client.cookie ?? '').split('.')[0] ?? '';

describe('auth cache', () => {
  it('a session revoked from another session is refused on its very next request', async () => {
    const { client } = await warmClient('cache-revoke@globex.test');
    const other = await new PortalClient(portal.url).login('cache-revoke@globex.test', PASSWORD);
    const revoked = await other.delete(`/api/me/sessions/${sessionIdOf(client)}`);
    expect(revoked.status).toBe(204);
    expect((await client.get('/api/me')).status).toBe(401);
    expect((await other.get('/api/me')).status).toBe(200);
  });

  it('signing out ends the session at once', async () => {
    const { client } = await warmClient('cache-logout@globex.test');
    const token = client.cookie;
    expect((await client.post('/api/auth/logout')).status).toBeLessThan(300);
    const replay = await client.get('/api/me', { cookie: `session=${token}` });
    expect(replay.status).toBe(401);
  });

  it('a deactivated user is refused on the next request', async () => {
    const { client, id } = await warmClient('cache-deactivate@globex.test');
    expect((await globexAdmin.post(`/api/users/${id}/deactivate`)).status).toBeLessThan(300);
    expect((await client.get('/api/me')).status).toBe(401);
  });

  it('a section taken away applies to the next request', async () => {
    const { client, id } = await warmClient('cache-sections@globex.test');
    expect((await client.get('/api/tickets')).status).toBe(200);
    const changed = await globexAdmin.patch(`/api/users/${id}`, { sections: ['kb'] });
    expect(changed.status).toBe(200);
    expect((await client.get('/api/tickets')).status).toBe(403);
  });

  it('a rename shows on the next request', async () => {
    const { client } = await warmClient('cache-rename@globex.test');
    expect((await client.patch('/api/me', { name: 'New Name' })).status).toBe(200);
    const me = await client.get<{ user: { name: string } }>('/api/me');
    expect(me.body.user.name).toBe('New Name');
  });

  it('a session row deleted behind the portal (no event) is refused on the next request', async () => {
    const { client } = await warmClient('cache-oob@globex.test');
    portal.ctx.db
      .delete(sessions)
      .where(eq(sessions.id, sessionIdOf(client)))
      .run();
    expect((await client.get('/api/me')).status).toBe(401);
  });
});
