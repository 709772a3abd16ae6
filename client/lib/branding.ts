/**
 * White-label branding in the browser. The server injects the host tenant's branding into
 * index.html (`#portal-brand` CSS variables and `#portal-boot` JSON) before first paint; after
 * sign-in the user's effective branding from `GET /api/me` replaces it.
 */
import { isHexColor, onColor, readableOnWhite } from './color.ts';
import type { BootData, Branding, Me } from './types.ts';

export const DEFAULT_BRANDING: Branding = {
  portalName: 'Portal',
  logoDataUrl: null,
  primaryColor: '#4f46e5',
  accentColor: '#0ea5e9',
  loginText: '',
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Fills gaps and drops malformed values so a half-configured tenant never breaks the page. */
export function completeBranding(value: unknown): Branding {
  const b = isRecord(value) ? value : {};
  const text = (v: unknown, fallback: string) => (typeof v === 'string' && v.trim() !== '' ? v : fallback);
  const color = (v: unknown, fallback: string) => (typeof v === 'string' && isHexColor(v) ? v : fallback);
  return {
    portalName: text(b.portalName, DEFAULT_BRANDING.portalName),
    logoDataUrl:
      typeof b.logoDataUrl === 'string' && /^data:image\/(png|jpeg|webp);base64,/.test(b.logoDataUrl)
        ? b.logoDataUrl
        : null,
    primaryColor: color(b.primaryColor, DEFAULT_BRANDING.primaryColor),
    accentColor: color(b.accentColor, DEFAULT_BRANDING.accentColor),
    loginText: typeof b.loginText === 'string' ? b.loginText : '',
  };
}

let boot: BootData | null = null;

/** The branding the server put into the page for this host (read once, at startup). */
export function readBoot(): BootData {
  if (boot) return boot;
  let parsed: unknown = null;
  const element = document.getElementById('portal-boot');
  if (element?.textContent) {
    try {
      parsed = JSON.parse(element.textContent);
    } catch {
      parsed = null;
    }
  }
  const data = isRecord(parsed) ? parsed : {};
  const branding = completeBranding(data.branding);
  boot = {
    branding,
    tenantName: typeof data.tenantName === 'string' ? data.tenantName : branding.portalName,
    // The server's own /api/me answer; anything else (absent, malformed) means "ask the API".
    me: isRecord(data.me) && isRecord(data.me.user) ? (data.me as unknown as Me) : null,
  };
  return boot;
}

/** True when the server injected boot data (false under `vite dev` without the server's HTML). */
export function hasBootData(): boolean {
  return document.getElementById('portal-boot') !== null;
}

/** CSS custom properties for a branding, usable on :root or on a preview element. */
export function brandVariables(branding: Branding): Record<string, string> {
  return {
    '--brand-primary': branding.primaryColor,
    '--brand-accent': branding.accentColor,
    '--brand-on-primary': onColor(branding.primaryColor),
    '--brand-on-accent': onColor(branding.accentColor),
    // 5:1 on white leaves room for the light brand tints behind active nav items (still ≥ 4.5:1).
    '--brand-primary-text': readableOnWhite(branding.primaryColor, 5),
    '--brand-accent-text': readableOnWhite(branding.accentColor, 5),
  };
}

/** Applies a branding to the whole document: colours, tab title suffix and favicon. */
export function applyBranding(branding: Branding): void {
  const root = document.documentElement;
  for (const [name, value] of Object.entries(brandVariables(branding))) root.style.setProperty(name, value);
  document.querySelector('meta[name="theme-color"]')?.setAttribute('content', branding.primaryColor);
  currentPortalName = branding.portalName;
  updateTitle();
  setFavicon(branding.logoDataUrl ?? monogramIcon(branding));
}

/** A favicon for tenants without a logo: their initial on their primary colour. */
function monogramIcon(branding: Branding): string {
  const letter = (branding.portalName.trim().charAt(0) || 'P').toUpperCase().replace(/[&<>"']/g, '');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="${branding.primaryColor}"/><text x="16" y="22" font-family="system-ui,sans-serif" font-size="18" font-weight="700" text-anchor="middle" fill="${onColor(branding.primaryColor)}">${letter}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

let currentPortalName = DEFAULT_BRANDING.portalName;
let currentPageTitle = '';

/** Sets the page part of the document title: "Users · Acme Portal". */
export function setPageTitle(title: string): void {
  currentPageTitle = title;
  updateTitle();
}

function updateTitle(): void {
  document.title = currentPageTitle ? `${currentPageTitle} · ${currentPortalName}` : currentPortalName;
}

function setFavicon(dataUrl: string): void {
  let link = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
  if (!link) {
    link = document.createElement('link');
    link.rel = 'icon';
    document.head.append(link);
  }
  link.href = dataUrl;
}
