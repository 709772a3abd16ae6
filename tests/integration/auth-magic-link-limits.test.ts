/** The magic-link request limits at their real size (RATE_LIMIT_SCALE=1, unlike other suites). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PortalClient } from '../support/http-client.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';

type ErrorBody = { error: { code: string; message: string } };

describe('magic-link rate limits (unscaled)', () => {
  let strict: TestPortal;
  beforeAll(async () => {
    strict = await startTestPortal({ RATE_LIMIT_SCALE: '1', SEED_DEMO: 'false' });
  });
  afterAll(async () => {
    await strict?.close();
  });

  it('allows 3 links per email and 10 per IP, then 429 with Retry-After, known or not', async () => {
    const ask = (email: string) =>
      new PortalClient(strict.url).post<ErrorBody>('/api/auth/magic-link', { email });
    for (let i = 0; i < 3; i++) expect((await ask('someone@example.test')).status).toBe(202);
    const perEmail = await ask('someone@example.test');
    expect(perEmail.status).toBe(429);
    expect(perEmail.body.error.code).toBe('rate_limited');
    expect(Number(perEmail.headers.get('retry-after'))).toBeGreaterThan(0);
    // 4 of the IP's 10 are spent; 6 more addresses pass, the next is refused.
    for (let i = 0; i < 6; i++) expect((await ask(`other${i}@example.test`)).status).toBe(202);
    const perIp = await ask('fresh@example.test');
    expect(perIp.status).toBe(429);
    expect(Number(perIp.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
