/** Password sign-in, sessions and request hygiene, against a real server. */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../storage/builders.ts';
import { sessions, tenants, users } from '../../storage/schema.ts';
import { PortalClient } from '../support/http-client.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';

type ErrorBody = { error: { code: string; message: string } };
const PASSWORD = 'demo-portal-2026';
let portal: TestPortal;

const cleared = (headers: Headers) =>
  headers.getSetCookie().some((c) => c.startsWith('session=;') && /Expires=Thu, 01 Jan 1970/i.test(c));
const sessionIdOf = (client: PortalClient) => client.cookie!.split('.')[0]!;
/** A fresh user of our own, so changing their password or sessions disturbs no other test. */
async function ownUser(email: string, password = 'first password 123') {
  const acme = portal.ctx.db.select().from(tenants).where(eq(tenants.slug, 'acme')).get()!;
  await buildUser(
    portal.ctx.db,
    { email, name: 'Own User', role: 'partner_staff', tenantId: acme.id, password },
    { fastHash: true },
  );
  return password;
}
async function timedLogin(email: string, password: string) {
  const start = performance.now();
  const res = await new PortalClient(portal.url).post<ErrorBody>('/api/auth/login', { email, password });
  return { res, ms: performance.now() - start };
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(async () => {
  await portal?.close();
});

describe('password sign-in', () => {
  it('signs in with a new session cookie and the user', async () => {
    const client = new PortalClient(portal.url);
    const res = await client.post<{ user: { id: string } }>('/api/auth/login', {
      email: 'ADMIN@demo.test ',
      password: PASSWORD,
    });
    expect(res.status).toBe(200);
    expect(res.body.user.id).toBeTruthy();
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect((await client.get('/api/me')).status).toBe(200);
  });

  it('answers a wrong password and an unknown email alike, in similar time', async () => {
    await timedLogin('warm-up@nowhere.test', 'x'); // the first unknown email also builds the dummy hash
    const wrong: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 3; i++) {
      const a = await timedLogin('staff@demo.test', `wrong password ${i}`);
      const b = await timedLogin(`nobody${i}@nowhere.test`, `wrong password ${i}`);
      expect(a.res.status).toBe(401);
      expect(b.res.status).toBe(401);
      expect(a.res.body).toEqual(b.res.body);
      expect(a.res.body.error.code).toBe('invalid_credentials');
      wrong.push(a.ms);
      unknown.push(b.ms);
    }
    const [w, u] = [median(wrong), median(unknown)];
    expect(w).toBeGreaterThan(10);
    expect(u).toBeGreaterThan(10);
    expect(Math.max(w, u) / Math.min(w, u)).toBeLessThan(3);
  });

  it('locks the email after five failures, even for the right password, known or not', async () => {
    for (const email of ['team@acme.test', 'ghost@nowhere.test']) {
      for (let i = 0; i < 5; i++) expect((await timedLogin(email, 'nope')).res.status).toBe(401);
      const { res } = await timedLogin(email, PASSWORD);
      expect(res.status).toBe(429);
      expect(res.body.error.code).toBe('account_locked');
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    }
  });

  it('refuses malformed JSON with 400 and a body over 512 KiB with 413', async () => {
    const client = new PortalClient(portal.url);
    const bad = await client.post<ErrorBody>('/api/auth/login', '{"email": "admin@demo.test",');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_json');
    const huge = await client.post<ErrorBody>('/api/auth/login', {
      email: 'admin@demo.test',
      password: 'x'.repeat(600 * 1024),
    });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('payload_too_large');
  });
});

describe('session cookies', () => {
  it('treats a tampered or expired cookie as signed out and clears it', async () => {
    const client = await new PortalClient(portal.url).login('partner@acme.test');
    const token = client.cookie!;
    const tampered = new PortalClient(portal.url);
    tampered.cookie = token.slice(0, -1) + (token.endsWith('a') ? 'b' : 'a');
    const t = await tampered.get<ErrorBody>('/api/me');
    expect(t.status).toBe(401);
    expect(t.body.error.code).toBe('unauthenticated');
    expect(cleared(t.headers)).toBe(true);

    portal.ctx.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.id, sessionIdOf(client)))
      .run();
    const e = await client.get<ErrorBody>('/api/me');
    expect(e.status).toBe(401);
    expect(cleared(e.headers)).toBe(true);
  });

  it('refuses cross-site state changes with 403 and changes nothing', async () => {
    const client = await new PortalClient(portal.url).login('client@globex.test');
    const hostile: Record<string, string>[] = [
      { 'sec-fetch-site': 'cross-site' },
      { origin: 'https://evil.example' },
      { 'sec-fetch-site': 'same-site' },
    ];
    for (const headers of hostile) {
      const rename = await client.patch<ErrorBody>('/api/me', { name: 'Hacked' }, headers);
      expect(rename.status).toBe(403);
      expect(rename.body.error.code).toBe('cross_site_request');
      expect((await client.post('/api/auth/logout', {}, headers)).status).toBe(403);
    }
    const me = await client.get<{ user: { name: string } }>('/api/me');
    expect(me.status).toBe(200); // still signed in: the logout did not happen
    expect(me.body.user.name).toBe('Grace Globex');
  });

  it('refuses a cookie-carrying POST with neither Sec-Fetch-Site nor Origin', async () => {
    const client = await new PortalClient(portal.url).login('client@globex.test');
    const raw = (headers: Record<string, string>) =>
      fetch(`${portal.url}/api/me/sessions/revoke-others`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: '{}',
      });
    const res = await raw({ cookie: `session=${client.cookie}` });
    expect(res.status).toBe(403);
    expect(((await res.json()) as ErrorBody).error.code).toBe('cross_site_request');
    // A non-browser client with a bearer token and no cookie is fine.
    expect((await raw({ authorization: `Bearer ${client.cookie}` })).status).toBe(204);
  });

  it('ends the other sessions on a password change and keeps this one', async () => {
    const password = await ownUser('changer@acme.test');
    const a = await new PortalClient(portal.url).login('changer@acme.test', password);
    const b = await new PortalClient(portal.url).login('changer@acme.test', password);
    const res = await a.post('/api/me/password', {
      currentPassword: password,
      newPassword: 'second password 456',
    });
    expect(res.status).toBe(204);
    expect((await b.get<ErrorBody>('/api/me')).status).toBe(401);
    expect((await a.get('/api/me')).status).toBe(200);
    expect((await timedLogin('changer@acme.test', password)).res.status).toBe(401);
    expect((await timedLogin('changer@acme.test', 'second password 456')).res.status).toBe(200);
  });

  it("lists the user's sessions and revokes only their own", async () => {
    const password = await ownUser('lister@acme.test');
    const a = await new PortalClient(portal.url).login('lister@acme.test', password);
    const b = await new PortalClient(portal.url).login('lister@acme.test', password);
    const other = await new PortalClient(portal.url).login('staff@demo.test');
    type List = { sessions: { id: string; current: boolean; ip: string; createdAt: string }[] };
    const list = await a.get<List>('/api/me/sessions');
    expect(list.body.sessions.map((s) => s.id).sort()).toEqual([sessionIdOf(a), sessionIdOf(b)].sort());
    expect(list.body.sessions.find((s) => s.current)?.id).toBe(sessionIdOf(a));
    expect(JSON.stringify(list.body)).not.toMatch(/secret/i);

    const foreign = await a.delete<ErrorBody>(`/api/me/sessions/${sessionIdOf(other)}`);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('not_found');
    expect((await other.get('/api/me')).status).toBe(200);

    expect((await a.delete(`/api/me/sessions/${sessionIdOf(b)}`)).status).toBe(204);
    expect((await b.get('/api/me')).status).toBe(401);
    expect((await a.get('/api/me')).status).toBe(200);
  });

  it('signs out: 204, cookie cleared, session gone', async () => {
    const client = await new PortalClient(portal.url).login('employee@globex.test');
    const token = client.cookie!;
    const res = await client.post('/api/auth/logout');
    expect(res.status).toBe(204);
    expect(cleared(res.headers)).toBe(true);
    expect(client.cookie).toBeNull();
    const replay = new PortalClient(portal.url);
    replay.cookie = token;
    expect((await replay.get('/api/me')).status).toBe(401);
    expect(
      portal.ctx.db
        .select()
        .from(sessions)
        .where(eq(sessions.id, token.split('.')[0]!))
        .get(),
    ).toBeUndefined();
    expect(
      portal.ctx.db.select().from(users).where(eq(users.email, 'employee@globex.test')).get()!.status,
    ).toBe('active');
  });
});
