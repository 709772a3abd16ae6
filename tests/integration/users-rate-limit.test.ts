/** Invitations send email, so each inviter has a bucket: past it, 429 with Retry-After and nobody created. */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../storage/schema.ts';
import { signedIn } from '../support/http-client.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';

describe('invitation rate limit', () => {
  let portal: TestPortal;
  beforeAll(async () => {
    // Scale 0.1: the invite bucket holds 3 instead of 30.
    portal = await startTestPortal({ RATE_LIMIT_SCALE: '0.1' });
  });
  afterAll(() => portal.close());

  it('refuses the fourth invitation in a burst', async () => {
    const admin = await signedIn(portal.url, 'client@globex.test');
    const me = await admin.get<{ tenant: { id: string } }>('/api/me');
    const invite = (n: number) =>
      admin.post('/api/users', {
        email: `burst${n}@globex.test`,
        name: `Burst ${n}`,
        role: 'client',
        tenantId: me.body.tenant.id,
      });
    for (let n = 1; n <= 3; n++) expect((await invite(n)).status).toBe(201);
    const refused = await invite(4);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(refused.body).toMatchObject({ error: { code: 'rate_limited' } });
    expect(
      portal.ctx.db.select().from(users).where(eq(users.email, 'burst4@globex.test')).get(),
    ).toBeUndefined();
  });
});
