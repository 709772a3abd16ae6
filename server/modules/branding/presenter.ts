/** Branding on the wire: every field picked by name, so a stray key in stored JSON never leaks. */
import type { StoredBranding } from '../../../storage/schema.ts';
import type { Branding } from '../../tenancy/branding.ts';

/** A tenant's own branding (`Partial<Branding>`): only the fields it sets itself. */
export function presentStoredBranding(stored: StoredBranding): Partial<Branding> {
  const out: Partial<Branding> = {};
  if (stored.portalName !== undefined) out.portalName = stored.portalName;
  if (stored.logoDataUrl !== undefined) out.logoDataUrl = stored.logoDataUrl;
  if (stored.primaryColor !== undefined) out.primaryColor = stored.primaryColor;
  if (stored.accentColor !== undefined) out.accentColor = stored.accentColor;
  if (stored.loginText !== undefined) out.loginText = stored.loginText;
  return out;
}

/** The effective branding, every field filled from the tenant, its ancestors or the defaults. */
export function presentBranding(b: Branding): Branding {
  return {
    portalName: b.portalName,
    logoDataUrl: b.logoDataUrl,
    primaryColor: b.primaryColor,
    accentColor: b.accentColor,
    loginText: b.loginText,
  };
}
