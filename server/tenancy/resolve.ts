/**
 * Which tenant a request's host name belongs to: the portal's own host is the platform, a
 * subdomain of it is the tenant with that slug, and a verified custom domain is its tenant.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../storage/db.ts';
import { tenants } from '../../storage/schema.ts';

export interface HostTenant {
  id: string;
  name: string;
  kind: 'platform' | 'partner' | 'client';
}

/** Lower-cased host name without port; tolerant of IPv6 brackets. */
export function hostnameOf(hostHeader: string | undefined): string {
  const host = (hostHeader ?? '').trim().toLowerCase();
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  return host.split(':')[0] ?? '';
}

/** Resolves the host's tenant; anything unknown falls back to the platform tenant. */
export function resolveHostTenant(db: Db, publicHost: string, hostHeader: string | undefined): HostTenant {
  const host = hostnameOf(hostHeader);
  const columns = { id: tenants.id, name: tenants.name, kind: tenants.kind };
  if (host && host !== publicHost) {
    const suffix = `.${publicHost}`;
    if (host.endsWith(suffix)) {
      const slug = host.slice(0, -suffix.length);
      if (/^[a-z0-9-]+$/.test(slug)) {
        const bySlug = db
          .select(columns)
          .from(tenants)
          .where(and(eq(tenants.slug, slug), eq(tenants.active, true)))
          .get();
        if (bySlug) return bySlug;
      }
    }
    const byDomain = db
      .select(columns)
      .from(tenants)
      .where(
        and(
          eq(tenants.customDomain, host),
          eq(tenants.customDomainStatus, 'verified'),
          eq(tenants.active, true),
        ),
      )
      .get();
    if (byDomain) return byDomain;
  }
  const platform = db.select(columns).from(tenants).where(eq(tenants.kind, 'platform')).get();
  if (!platform) throw new Error('No platform tenant: the database was not initialised.');
  return platform;
}
