import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pruneAudit, recordAudit } from '../../server/audit/audit.ts';
import {
  applyBrandingUpdate,
  DEFAULT_BRANDING,
  effectiveBranding,
  readableOn,
  ZBrandingUpdate,
} from '../../server/tenancy/branding.ts';
import { resolveHostTenant } from '../../server/tenancy/resolve.ts';
import { buildTenant } from '../../storage/builders.ts';
import { auditLog } from '../../storage/schema.ts';
import { tempDatabase } from '../support/db.ts';

describe('branding inheritance and host resolution', () => {
  let t: ReturnType<typeof tempDatabase>;
  let ids: Record<string, string>;
  beforeEach(() => {
    t = tempDatabase();
    const p = buildTenant(t.db, {
      kind: 'platform',
      name: 'P',
      slug: 'platform',
      keyPrefix: 'P',
      branding: { portalName: 'Provider' },
    });
    const a = buildTenant(t.db, {
      kind: 'partner',
      name: 'Acme',
      slug: 'acme',
      keyPrefix: 'ACME',
      parentId: p.id,
      branding: { primaryColor: '#0f766e', loginText: 'Hi' },
    });
    const g = buildTenant(t.db, {
      kind: 'client',
      name: 'Globex',
      slug: 'globex',
      keyPrefix: 'G',
      parentId: a.id,
      branding: { accentColor: '#111111' },
    });
    const d = buildTenant(t.db, {
      kind: 'client',
      name: 'Direct',
      slug: 'direct',
      keyPrefix: 'D',
      parentId: p.id,
      customDomain: 'help.direct.example',
      customDomainStatus: 'verified',
    });
    buildTenant(t.db, {
      kind: 'client',
      name: 'Pending',
      slug: 'pending',
      keyPrefix: 'X',
      parentId: p.id,
      customDomain: 'pending.example',
      customDomainStatus: 'requested',
    });
    ids = { p: p.id, a: a.id, g: g.id, d: d.id };
  });
  afterEach(() => t.close());

  it('fills each field from the nearest tenant that sets it', () => {
    const b = effectiveBranding(t.db, ids.g!);
    expect(b).toEqual({
      ...DEFAULT_BRANDING,
      portalName: 'Provider',
      primaryColor: '#0f766e',
      accentColor: '#111111',
      loginText: 'Hi',
    });
    expect(effectiveBranding(t.db, ids.d!).primaryColor).toBe(DEFAULT_BRANDING.primaryColor);
  });

  it('resolves subdomains and verified custom domains, never requested ones', () => {
    expect(resolveHostTenant(t.db, 'portal.test', 'portal.test:3000').id).toBe(ids.p);
    expect(resolveHostTenant(t.db, 'portal.test', 'acme.portal.test').id).toBe(ids.a);
    expect(resolveHostTenant(t.db, 'portal.test', 'help.direct.example').id).toBe(ids.d);
    expect(resolveHostTenant(t.db, 'portal.test', 'pending.example').id).toBe(ids.p);
    expect(resolveHostTenant(t.db, 'portal.test', 'evil.example').id).toBe(ids.p);
    expect(resolveHostTenant(t.db, 'portal.test', 'a.b.portal.test').id).toBe(ids.p);
  });

  it('validates updates: colours, raster logos only, null inherits', () => {
    expect(ZBrandingUpdate.safeParse({ primaryColor: 'red' }).success).toBe(false);
    expect(ZBrandingUpdate.safeParse({ logoDataUrl: 'data:image/svg+xml;base64,PHN2Zz4=' }).success).toBe(
      false,
    );
    expect(ZBrandingUpdate.safeParse({ logoDataUrl: 'data:image/png;base64,iVBORw0KGgo=' }).success).toBe(
      true,
    );
    expect(ZBrandingUpdate.safeParse({ unknown: 1 }).success).toBe(false);
    expect(
      applyBrandingUpdate(
        { portalName: 'A', primaryColor: '#000000' },
        { portalName: null, accentColor: '#ffffff' },
      ),
    ).toEqual({
      primaryColor: '#000000',
      accentColor: '#ffffff',
    });
  });

  it('picks readable text colours', () => {
    expect(readableOn('#ffffff')).toBe('#111827');
    expect(readableOn('#0f766e')).toBe('#ffffff');
  });

  it('prunes audit entries past retention only', () => {
    recordAudit(t.db, { action: 'auth.sign_in', tenantId: ids.p!, actorUserId: null, ip: null });
    const now = Date.now();
    expect(pruneAudit(t.db, 30, now)).toBe(0);
    expect(pruneAudit(t.db, 30, now + 31 * 86400_000)).toBe(1);
    expect(t.db.select().from(auditLog).all()).toHaveLength(0);
  });
});
