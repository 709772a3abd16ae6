/**
 * Effective branding: a tenant's own fields, with each missing field inherited from its parent,
 * up to the platform, then the portal's defaults. A client org inherits its partner's look.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../storage/db.ts';
import { type StoredBranding, tenants } from '../../storage/schema.ts';

export interface Branding {
  portalName: string;
  logoDataUrl: string | null;
  primaryColor: string;
  accentColor: string;
  loginText: string;
}

export const DEFAULT_BRANDING: Branding = {
  portalName: 'Portal',
  logoDataUrl: null,
  primaryColor: '#4f46e5',
  accentColor: '#0ea5e9',
  loginText: '',
};

const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1a2b3c');
// Raster images only: an SVG logo could carry script, and logos are shown on every page.
const logoDataUrl = z
  .string()
  .max(350_000, 'logo must be at most 256 KB')
  .regex(/^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/]+=*$/, 'logo must be a PNG, JPEG or WebP image');

/** A branding update: each field set, or null to go back to the inherited value. */
export const ZBrandingUpdate = z
  .object({
    portalName: z.string().trim().min(1).max(60).nullable(),
    logoDataUrl: logoDataUrl.nullable(),
    primaryColor: hexColor.nullable(),
    accentColor: hexColor.nullable(),
    loginText: z.string().max(500).nullable(),
  })
  .partial()
  .strict();
export type TBrandingUpdate = z.infer<typeof ZBrandingUpdate>;

/** Applies an update to stored branding: null removes the field (inherit), a value sets it. */
export function applyBrandingUpdate(current: StoredBranding, update: TBrandingUpdate): StoredBranding {
  const next: StoredBranding = { ...current };
  for (const [key, value] of Object.entries(update) as [keyof StoredBranding, string | null | undefined][]) {
    if (value === undefined) continue;
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return next;
}

/** Walks from the tenant to the root, filling each field from the nearest tenant that sets it. */
export function effectiveBranding(db: Db, tenantId: string | null): Branding {
  const chain: StoredBranding[] = [];
  let id = tenantId;
  for (let depth = 0; id && depth < 8; depth++) {
    const row = db
      .select({ parentId: tenants.parentId, branding: tenants.branding, name: tenants.name })
      .from(tenants)
      .where(eq(tenants.id, id))
      .get();
    if (!row) break;
    chain.push(row.branding);
    id = row.parentId;
  }
  const result: Branding = { ...DEFAULT_BRANDING };
  for (const stored of chain.reverse()) {
    if (stored.portalName) result.portalName = stored.portalName;
    if (stored.logoDataUrl) result.logoDataUrl = stored.logoDataUrl;
    if (stored.primaryColor) result.primaryColor = stored.primaryColor;
    if (stored.accentColor) result.accentColor = stored.accentColor;
    if (stored.loginText !== undefined) result.loginText = stored.loginText;
  }
  return result;
}

/** Black or white, whichever reads better on the given background (WCAG relative luminance). */
export function readableOn(hex: string): string {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return luminance > 0.4 ? '#111827' : '#ffffff';
}
