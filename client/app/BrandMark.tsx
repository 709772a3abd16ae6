import type { Branding } from '../lib/types.ts';

/** The tenant's logo, or its portal name when there is no logo. */
export function BrandMark({ branding, size = 'm' }: { branding: Branding; size?: 's' | 'm' | 'l' }) {
  return (
    <span className={`brand-mark brand-mark-${size}`}>
      {branding.logoDataUrl ? (
        <>
          <img src={branding.logoDataUrl} alt="" className="brand-logo" />
          <span className="brand-name">{branding.portalName}</span>
        </>
      ) : (
        <>
          <span className="brand-monogram" aria-hidden>
            {branding.portalName.trim().charAt(0).toUpperCase() || 'P'}
          </span>
          <span className="brand-name">{branding.portalName}</span>
        </>
      )}
    </span>
  );
}
