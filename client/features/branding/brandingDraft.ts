/** The branding editor's draft: per field, either inherit (sent as null) or an own value. */
import { DEFAULT_BRANDING } from '../../lib/branding.ts';
import type { Branding, OwnBranding } from '../../lib/types.ts';

export type BrandingField = keyof Branding;
export const BRANDING_FIELDS: BrandingField[] = [
  'portalName',
  'logoDataUrl',
  'primaryColor',
  'accentColor',
  'loginText',
];

export type Draft = { [K in BrandingField]: { inherit: boolean; value: Branding[K] } };

/** Starts the draft from the tenant's own values, filling inherited ones with what applies today. */
export function draftFrom(own: OwnBranding, inherited: Branding): Draft {
  const entry = <K extends BrandingField>(field: K) => {
    const value = own[field];
    return value === undefined || value === null
      ? { inherit: true, value: inherited[field] }
      : { inherit: false, value: value as Branding[K] };
  };
  return {
    portalName: entry('portalName'),
    logoDataUrl: entry('logoDataUrl'),
    primaryColor: entry('primaryColor'),
    accentColor: entry('accentColor'),
    loginText: entry('loginText'),
  };
}

/**
 * What the tenant would inherit for each field: the parent's effective branding when the caller
 * can read it; otherwise today's effective value for fields the tenant does not set, else defaults.
 */
export function inheritedBranding(
  own: OwnBranding,
  effective: Branding,
  parentEffective: Branding | null,
): Branding {
  if (parentEffective) return parentEffective;
  const pick = <K extends BrandingField>(field: K): Branding[K] =>
    own[field] === undefined || own[field] === null ? effective[field] : DEFAULT_BRANDING[field];
  return {
    portalName: pick('portalName'),
    logoDataUrl: pick('logoDataUrl'),
    primaryColor: pick('primaryColor'),
    accentColor: pick('accentColor'),
    loginText: pick('loginText'),
  };
}

/** The branding the draft would produce, for the live preview. */
export function previewBranding(draft: Draft, inherited: Branding): Branding {
  const pick = <K extends BrandingField>(field: K): Branding[K] =>
    draft[field].inherit ? inherited[field] : draft[field].value;
  return {
    portalName: pick('portalName'),
    logoDataUrl: pick('logoDataUrl'),
    primaryColor: pick('primaryColor'),
    accentColor: pick('accentColor'),
    loginText: pick('loginText'),
  };
}

/** The PUT body: inherited fields are sent as null, which clears them on the server. */
export function toRequest(draft: Draft): OwnBranding {
  return {
    portalName: draft.portalName.inherit ? null : draft.portalName.value.trim(),
    logoDataUrl: draft.logoDataUrl.inherit ? null : draft.logoDataUrl.value,
    primaryColor: draft.primaryColor.inherit ? null : draft.primaryColor.value,
    accentColor: draft.accentColor.inherit ? null : draft.accentColor.value,
    loginText: draft.loginText.inherit ? null : draft.loginText.value,
  };
}

export const MAX_LOGO_BYTES = 256 * 1024;
export const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp'];

/** Why a chosen logo file cannot be used, or null when it is fine. */
export function logoProblem(file: { type: string; size: number }): string | null {
  if (!LOGO_TYPES.includes(file.type)) return 'Choose a PNG, JPEG or WebP image.';
  if (file.size > MAX_LOGO_BYTES) {
    return `That image is ${Math.ceil(file.size / 1024)} KB. Logos can be at most 256 KB — try a smaller or compressed version.`;
  }
  return null;
}
