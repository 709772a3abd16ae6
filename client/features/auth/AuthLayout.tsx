import { type ReactNode, useEffect } from 'react';
import { BrandMark } from '../../app/BrandMark.tsx';
import { usePageTitle } from '../../components/PageHeader.tsx';
import { applyBranding } from '../../lib/branding.ts';
import { useHostBranding } from './authBranding.ts';

/** The branded frame of every signed-out page: logo, portal name, a card, the tenant's login text. */
export function AuthLayout({
  title,
  description,
  children,
  showLoginText = false,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  showLoginText?: boolean;
}) {
  const { branding } = useHostBranding();
  usePageTitle(title);
  useEffect(() => {
    applyBranding(branding);
  }, [branding]);

  return (
    <main id="main" className="auth-page">
      <div className="auth-card">
        <div className="auth-brand">
          <BrandMark branding={branding} size="l" />
        </div>
        <div className="auth-heading">
          <h1>{title}</h1>
          {description ? <div className="auth-description">{description}</div> : null}
        </div>
        {showLoginText && branding.loginText.trim() !== '' ? (
          <p className="auth-login-text">{branding.loginText}</p>
        ) : null}
        {children}
      </div>
    </main>
  );
}
