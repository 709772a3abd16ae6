/** The page template's server-side parts: the static splash and the page's compression. */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { AppContext } from '../../server/context.ts';
import { encodePage, meForRequest, renderHead, renderSplash } from '../../server/http/spa.ts';

const branding = {
  portalName: 'Acme <Hub>',
  logoDataUrl: null,
  primaryColor: '#112233',
  accentColor: '#445566',
  loginText: '',
};

describe('renderSplash', () => {
  it('shows the portal name and its initial, escaped, hidden from assistive tech', () => {
    const html = renderSplash(branding);
    expect(html).toContain('aria-hidden="true"');
    expect(html).toContain('<span class="brand-monogram">A</span>');
    expect(html).toContain('Acme &lt;Hub&gt;');
    expect(html).not.toContain('<Hub>');
  });

  it('falls back to P for a blank name and never repeats a logo', () => {
    const html = renderSplash({ ...branding, portalName: '  ', logoDataUrl: 'data:image/png;base64,AAAA' });
    expect(html).toContain('<span class="brand-monogram">P</span>');
    expect(html).not.toContain('data:image');
  });
});

describe('encodePage', () => {
  const page = `<!doctype html><title>x</title>${'<p>portal</p>'.repeat(200)}`;

  it('prefers brotli, then gzip, and round-trips the page', () => {
    const br = encodePage(page, 'gzip, deflate, br, zstd');
    expect(br.encoding).toBe('br');
    expect(brotliDecompressSync(br.body).toString()).toBe(page);
    const gz = encodePage(page, 'gzip, deflate');
    expect(gz.encoding).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(page);
  });

  it('sends the page as is when no coding is accepted, and honours q=0', () => {
    expect(encodePage(page, '')).toEqual({ body: page });
    expect(encodePage(page, 'identity')).toEqual({ body: page });
    expect(encodePage(page, 'br;q=0, gzip').encoding).toBe('gzip');
    expect(encodePage(page, 'br;q=0, gzip;q=0')).toEqual({ body: page });
  });
});

describe('renderHead', () => {
  const bootOf = (html: string) => {
    const match = /id="portal-boot">(.*?)<\/script>/.exec(html);
    return JSON.parse(match?.[1] ?? 'null') as Record<string, unknown>;
  };

  it('carries the branding only, unless a signed-in user is given', () => {
    expect(Object.keys(bootOf(renderHead(branding, 'Acme')))).toEqual(['branding', 'tenantName']);
    const me = { user: { id: 'u1', name: 'Ann </script><script>x' } } as unknown as Parameters<
      typeof renderHead
    >[2];
    const html = renderHead(branding, 'Acme', me);
    expect(html).not.toContain('</script><script>x');
    expect(bootOf(html).me).toEqual(me);
  });
});

describe('meForRequest', () => {
  // Every case here returns before reading the database.
  const ctx = {} as AppContext;
  const req = (auth: unknown) => ({ auth }) as unknown as FastifyRequest;

  it('is null for an anonymous caller, a half-signed-in session and a bearer token', () => {
    expect(meForRequest(ctx, req(null))).toBeNull();
    expect(meForRequest(ctx, req({ actor: null, user: {}, viaCookie: true }))).toBeNull();
    expect(meForRequest(ctx, req({ actor: { tenantId: 't' }, user: {}, viaCookie: false }))).toBeNull();
  });
});
