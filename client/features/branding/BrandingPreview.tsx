import type { CSSProperties } from 'react';
import { BrandMark } from '../../app/BrandMark.tsx';
import { brandVariables } from '../../lib/branding.ts';
import type { Branding } from '../../lib/types.ts';

/** A non-interactive miniature of the top bar and the sign-in card, in the draft's branding. */
export function BrandingPreview({ branding }: { branding: Branding }) {
  const style = brandVariables(branding) as CSSProperties;
  return (
    <figure className="brand-preview">
      <figcaption className="field-label">Preview</figcaption>
      <div className="brand-preview-stage" style={style} inert aria-hidden>
        <div className="preview-topbar">
          <BrandMark branding={branding} size="s" />
          <span className="preview-nav">
            <span className="preview-nav-item active">Dashboard</span>
            <span className="preview-nav-item">Tickets</span>
          </span>
        </div>
        <div className="preview-signin">
          <div className="preview-card">
            <div className="auth-brand">
              <BrandMark branding={branding} size="l" />
            </div>
            <p className="preview-title">Sign in</p>
            {branding.loginText.trim() ? <p className="auth-login-text">{branding.loginText}</p> : null}
            <span className="preview-input">Email</span>
            <span className="preview-input">Password</span>
            <span className="preview-button">Sign in</span>
            <span className="preview-link">Email me a sign-in link</span>
          </div>
        </div>
      </div>
    </figure>
  );
}
