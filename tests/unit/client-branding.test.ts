import { describe, expect, it } from 'vitest';
import { navItems, splitForTabBar } from '../../client/app/nav.ts';
import {
  draftFrom,
  inheritedBranding,
  logoProblem,
  MAX_LOGO_BYTES,
  previewBranding,
  toRequest,
} from '../../client/features/branding/brandingDraft.ts';
import { completeBranding, DEFAULT_BRANDING } from '../../client/lib/branding.ts';
import { contrastRatio, normalizeHex, onColor, readableOnWhite } from '../../client/lib/color.ts';
import type { Branding } from '../../client/lib/types.ts';

describe('colour maths', () => {
  it('normalises the hex forms people type', () => {
    expect(normalizeHex('4F46E5')).toBe('#4f46e5');
    expect(normalizeHex('#abc')).toBe('#aabbcc');
    expect(normalizeHex('red')).toBeNull();
    expect(normalizeHex('#12345')).toBeNull();
  });

  it('computes WCAG contrast', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 0);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
  });

  it('picks readable text for any brand colour', () => {
    expect(onColor('#4f46e5')).toBe('#ffffff');
    expect(onColor('#fde047')).toBe('#111827');
  });

  it('darkens a light brand colour until it reads on white (AA)', () => {
    for (const color of ['#0ea5e9', '#fde047', '#22c55e', '#4f46e5']) {
      expect(contrastRatio(readableOnWhite(color), '#ffffff')).toBeGreaterThanOrEqual(4.5);
    }
    expect(readableOnWhite('#1e1b4b')).toBe('#1e1b4b');
  });
});

describe('completeBranding', () => {
  it('fills gaps with defaults and drops malformed values', () => {
    expect(completeBranding(null)).toEqual(DEFAULT_BRANDING);
    const result = completeBranding({
      portalName: 'Acme',
      primaryColor: 'red',
      logoDataUrl: 'data:text/html;base64,PHNjcmlwdD4=',
      loginText: 'Hi',
    });
    expect(result.portalName).toBe('Acme');
    expect(result.primaryColor).toBe(DEFAULT_BRANDING.primaryColor);
    expect(result.logoDataUrl).toBeNull();
    expect(result.loginText).toBe('Hi');
  });
});

describe('branding draft', () => {
  const effective: Branding = {
    portalName: 'Acme Hub',
    logoDataUrl: null,
    primaryColor: '#0f766e',
    accentColor: '#f59e0b',
    loginText: 'Welcome',
  };
  const parent: Branding = { ...effective, portalName: 'Platform', primaryColor: '#4f46e5' };

  it('marks unset fields as inherited and sends them as null', () => {
    const own = { portalName: 'Acme Hub', primaryColor: '#0f766e' };
    const draft = draftFrom(own, parent);
    expect(draft.portalName).toEqual({ inherit: false, value: 'Acme Hub' });
    expect(draft.accentColor).toEqual({ inherit: true, value: parent.accentColor });
    expect(toRequest(draft)).toEqual({
      portalName: 'Acme Hub',
      logoDataUrl: null,
      primaryColor: '#0f766e',
      accentColor: null,
      loginText: null,
    });
  });

  it('previews inherited fields with the inherited value', () => {
    const draft = draftFrom({ portalName: 'Acme Hub' }, parent);
    draft.primaryColor = { inherit: false, value: '#111111' };
    draft.portalName = { inherit: true, value: 'Acme Hub' };
    const preview = previewBranding(draft, parent);
    expect(preview.portalName).toBe('Platform');
    expect(preview.primaryColor).toBe('#111111');
  });

  it('falls back to defaults for own fields when the parent cannot be read', () => {
    const inherited = inheritedBranding({ primaryColor: '#0f766e' }, effective, null);
    expect(inherited.primaryColor).toBe(DEFAULT_BRANDING.primaryColor);
    expect(inherited.portalName).toBe('Acme Hub');
  });

  it('accepts PNG, JPEG and WebP up to 256 KB only', () => {
    expect(logoProblem({ type: 'image/png', size: 1000 })).toBeNull();
    expect(logoProblem({ type: 'image/webp', size: MAX_LOGO_BYTES })).toBeNull();
    expect(logoProblem({ type: 'image/svg+xml', size: 1000 })).toMatch(/PNG, JPEG or WebP/);
    expect(logoProblem({ type: 'image/jpeg', size: MAX_LOGO_BYTES + 1 })).toMatch(/at most 256 KB/);
  });
});

describe('navigation', () => {
  it('keeps the server’s order and gives unknown entries a humane label', () => {
    expect(navItems(['dashboard', 'users', 'time_tracking']).map((item) => item.label)).toEqual([
      'Dashboard',
      'People',
      'Time tracking',
    ]);
  });

  it('puts at most four work entries in the phone tab bar and the rest under More', () => {
    const { tabs, more } = splitForTabBar([
      'dashboard',
      'tickets',
      'organizations',
      'users',
      'branding',
      'outbox',
      'profile',
      'security',
    ]);
    expect(tabs.map((item) => item.id)).toEqual(['dashboard', 'tickets', 'organizations', 'users']);
    expect(more.map((item) => item.id)).toEqual(['branding', 'outbox', 'profile', 'security']);
  });
});
