/**
 * The page of a signed-in user carries exactly what `GET /api/me` answers the same session, so
 * the client skips that round trip; an anonymous page carries only the branding.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PortalClient } from '../support/http-client.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';

// A stand-in for the built client, so this suite does not depend on `vite build`.
const clientDir = mkdtempSync(join(tmpdir(), 'portal-client-'));
mkdirSync(join(clientDir, 'assets'));
writeFileSync(
  join(clientDir, 'index.html'),
  '<!doctype html><html><head><!--portal:head--></head><body><div id="root"></div></body></html>',
);

function bootOf(html: string): Record<string, unknown> {
  const match = /<script type="application\/json" id="portal-boot">(.*?)<\/script>/s.exec(html);
  if (!match?.[1]) throw new Error('no boot JSON in the page');
  return JSON.parse(match[1]) as Record<string, unknown>;
}

describe('the signed-in user in the page', () => {
  let portal: TestPortal;
  beforeAll(async () => {
    portal = await startTestPortal({ CLIENT_DIR: clientDir });
  });
  afterAll(() => portal.close());

  it('inlines /api/me for the same session, for each role', async () => {
    for (const email of ['admin@demo.test', 'client@globex.test']) {
      const client = await new PortalClient(portal.url).login(email);
      const page = bootOf(String((await client.get('/tickets')).body));
      const me = await client.get('/api/me');
      expect(me.status).toBe(200);
      expect(page.me).toEqual(me.body);
    }
  });

  it('inlines nothing but the branding for an anonymous or signed-out caller', async () => {
    const anonymous = bootOf(String((await new PortalClient(portal.url).get('/login')).body));
    expect(Object.keys(anonymous).sort()).toEqual(['branding', 'tenantName']);

    const client = await new PortalClient(portal.url).login('admin@demo.test');
    const cookie = client.cookie;
    await client.post('/api/auth/logout');
    const after = new PortalClient(portal.url);
    after.cookie = cookie;
    expect(bootOf(String((await after.get('/')).body)).me).toBeUndefined();
  });
});
