/** The email outbox reader: the platform team reads every email; nobody else reads any. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PortalClient, signedIn } from '../support/http-client.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';

interface Summary {
  id: string;
  to: string;
  subject: string;
  createdAt: string;
  transport: string;
}

let portal: TestPortal;
let emailIds: string[] = [];

beforeAll(async () => {
  portal = await startTestPortal();
  // Two real emails, two invitations, in a known order.
  const admin = await signedIn(portal.url, 'admin@demo.test');
  const orgs = await admin.get<{ tenants: { id: string }[] }>('/api/tenants?kind=client');
  const tenantId = orgs.body.tenants[0]!.id;
  await admin.post('/api/users', {
    email: 'first.mail@globex.test',
    name: 'First',
    role: 'client',
    tenantId,
  });
  // Timestamps are milliseconds: make sure the second email is strictly newer.
  const first = Date.now();
  while (Date.now() === first) await new Promise((r) => setTimeout(r, 1));
  await admin.post('/api/users', {
    email: 'mail.test@globex.test',
    name: 'Mail Test',
    role: 'client',
    tenantId,
  });
  emailIds = (await admin.get<{ emails: Summary[] }>('/api/outbox')).body.emails.map((e) => e.id);
});
afterAll(() => portal.close());

describe('reading the outbox', () => {
  it.each(['admin@demo.test', 'staff@demo.test'])(
    '%s lists emails newest first, summary fields only',
    async (email) => {
      const client = await signedIn(portal.url, email);
      const res = await client.get<{ emails: Summary[] }>('/api/outbox');
      expect(res.status).toBe(200);
      expect(res.body.emails.length).toBeGreaterThanOrEqual(2);
      expect(res.body.emails.slice(0, 2).map((e) => e.to)).toEqual([
        'mail.test@globex.test',
        'first.mail@globex.test',
      ]);
      for (const e of res.body.emails)
        expect(Object.keys(e).sort()).toEqual(['createdAt', 'id', 'subject', 'to', 'transport']);
      const times = res.body.emails.map((e) => e.createdAt);
      expect([...times].sort().reverse()).toEqual(times);
    },
  );

  it('shows one email in full', async () => {
    const staff = await signedIn(portal.url, 'staff@demo.test');
    const res = await staff.get<{ email: Record<string, unknown> }>(`/api/outbox/${emailIds[0]}`);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.email).sort()).toEqual([
      'createdAt',
      'from',
      'html',
      'id',
      'subject',
      'text',
      'to',
    ]);
    expect(res.body.email.to).toBe('mail.test@globex.test');
    expect((await staff.get('/api/outbox/abcdefghijkmnpqr')).status).toBe(404);
    expect((await staff.get('/api/outbox/..%2F..%2Fetc')).status).toBe(400);
  });

  it.each([
    'partner@acme.test',
    'team@acme.test',
    'client@globex.test',
    'employee@globex.test',
    'client@initech.test',
  ])('%s gets 403 for the list and 404 for any message', async (email) => {
    const client = await signedIn(portal.url, email);
    expect((await client.get('/api/outbox')).status).toBe(403);
    for (const id of emailIds) expect((await client.get(`/api/outbox/${id}`)).status).toBe(404);
  });

  it('anonymous callers get 401', async () => {
    const anon = new PortalClient(portal.url);
    expect((await anon.get('/api/outbox')).status).toBe(401);
    expect((await anon.get(`/api/outbox/${emailIds[0]}`)).status).toBe(401);
  });
});
