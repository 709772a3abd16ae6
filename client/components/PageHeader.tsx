import { type ReactNode, useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { setPageTitle } from '../lib/branding.ts';
import { Icon } from './Icon.tsx';

/** Sets the document title ("Users · Acme Portal") while the page is shown. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    setPageTitle(title);
  }, [title]);
}

let headingFocusRequested = false;

/**
 * Asks the next page heading that mounts to take focus. The shell calls this on every in-app
 * navigation, so screen-reader and keyboard users land on the new page rather than on the link.
 */
export function requestHeadingFocus(): void {
  headingFocusRequested = true;
}

interface PageHeaderProps {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  back?: { to: string; label: string };
  /** Extra content under the title, such as badges. */
  meta?: ReactNode;
}

/** The page's single <h1>. */
export function PageHeader({ title, description, actions, back, meta }: PageHeaderProps) {
  usePageTitle(title);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (headingFocusRequested && heading.current) {
      headingFocusRequested = false;
      heading.current.focus();
    }
  }, []);
  return (
    <header className="page-header">
      {back ? (
        <Link to={back.to} className="back-link">
          <Icon name="arrowLeft" size={16} />
          {back.label}
        </Link>
      ) : null}
      <div className="page-header-row">
        <div className="page-header-text">
          <h1 ref={heading} tabIndex={-1}>
            {title}
          </h1>
          {meta ? <div className="page-header-meta">{meta}</div> : null}
          {description ? <div className="page-description">{description}</div> : null}
        </div>
        {actions ? <div className="page-header-actions">{actions}</div> : null}
      </div>
    </header>
  );
}
