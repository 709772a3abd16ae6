import { readBoot } from '../lib/branding.ts';

/**
 * The app while it starts (its first page's code, the signed-in user): the same brand mark the
 * server painted into index.html (server/http/spa.ts renderSplash), so the page does not flash
 * from splash to spinner to page. Unlike the static splash, it tells assistive tech it is loading.
 */
export function BootSplash({ label = 'Loading…' }: { label?: string }) {
  const { branding } = readBoot();
  return (
    <div className="boot-splash" role="status">
      <span className="brand-mark brand-mark-l" aria-hidden>
        <span className="brand-monogram">{branding.portalName.trim().charAt(0).toUpperCase() || 'P'}</span>
        <span className="brand-name">{branding.portalName}</span>
      </span>
      <span className="visually-hidden">{label}</span>
    </div>
  );
}
