/**
 * The signed-in layout. Phones: a top bar with the tenant's brand, the page, and a bottom tab bar
 * (≤ 4 entries + "More"). From 768 px: a sidebar with every entry. Entries come from
 * `me.navigation`; the shell never decides who may see what.
 */
import { lazy, Suspense, useLayoutEffect, useRef, useState } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { Avatar } from '../components/Avatar.tsx';
import { Dialog } from '../components/Dialog.tsx';
import { Icon } from '../components/Icon.tsx';
import { requestHeadingFocus } from '../components/PageHeader.tsx';
import { PageLoading } from '../components/Spinner.tsx';
import { NotificationBell } from '../features/notifications/NotificationBell.tsx';
import { completeBranding } from '../lib/branding.ts';
import { roleLabel } from '../lib/format.ts';
import { BrandMark } from './BrandMark.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { useMe } from './me.tsx';
import { type NavItem, navItems, splitForTabBar } from './nav.ts';
import { useSignOut } from './signOut.ts';
import '../styles/notifications.css';

// Live pushes for the signed-in user (ticket lists refresh themselves). Its own lazy chunk: the
// collaboration libraries load after the shell has painted and never join the entry.
const UserChannel = lazy(() => import('../collab/UserChannel.tsx'));

export function Shell() {
  const me = useMe();
  const location = useLocation();
  const [moreOpen, setMoreOpen] = useState(false);
  const branding = completeBranding(me.branding);
  const items = navItems(me.navigation);
  const { tabs, more } = splitForTabBar(me.navigation);
  const firstRender = useRef(true);

  // On every in-app navigation: start at the top, close the sheet, and move focus to the new page.
  // A layout effect, so the request is in place before the new page's heading runs its own effect.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs per pathname by design
  useLayoutEffect(() => {
    setMoreOpen(false);
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    window.scrollTo(0, 0);
    requestHeadingFocus();
  }, [location.pathname]);

  const moreActive = more.some((item) => isActive(item, location.pathname));

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <div className="shell">
        <header className="topbar">
          <Link to="/" className="topbar-brand" aria-label={`${branding.portalName} – dashboard`}>
            <BrandMark branding={branding} size="s" />
          </Link>
          <div className="topbar-actions">
            <NotificationBell />
            <Link to="/profile" className="topbar-avatar" aria-label={`Your profile (${me.user.name})`}>
              <Avatar name={me.user.name || me.user.email} size={32} />
            </Link>
          </div>
        </header>

        <aside className="sidebar">
          <div className="sidebar-top">
            <Link to="/" className="sidebar-brand" aria-label={`${branding.portalName} – dashboard`}>
              <BrandMark branding={branding} />
            </Link>
            <NotificationBell />
          </div>
          <nav aria-label="Main" className="sidebar-nav">
            <ul>
              {items.map((item) => (
                <li key={item.id}>
                  <NavLink to={item.path} end={item.path === '/'} className="sidebar-link">
                    <Icon name={item.icon} size={18} />
                    <span>{item.label}</span>
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <SidebarAccount />
        </aside>

        <main id="main" className="main" tabIndex={-1}>
          <div className="main-inner">
            <ErrorBoundary resetKey={location.pathname}>
              <Suspense fallback={<PageLoading />}>
                <Outlet />
              </Suspense>
            </ErrorBoundary>
          </div>
        </main>

        <nav aria-label="Main" className="tabbar">
          <ul>
            {tabs.map((item) => (
              <li key={item.id}>
                <NavLink to={item.path} end={item.path === '/'} className="tabbar-link">
                  <Icon name={item.icon} size={22} />
                  <span>{item.shortLabel ?? item.label}</span>
                </NavLink>
              </li>
            ))}
            <li>
              <button
                type="button"
                className={moreActive ? 'tabbar-link active' : 'tabbar-link'}
                aria-haspopup="dialog"
                aria-expanded={moreOpen}
                onClick={() => setMoreOpen(true)}
              >
                <Icon name="more" size={22} />
                <span>More</span>
              </button>
            </li>
          </ul>
        </nav>
      </div>
      <MoreSheet open={moreOpen} onClose={() => setMoreOpen(false)} items={more} />
      {me.navigation.includes('tickets') ? (
        <ErrorBoundary fallback={null}>
          <Suspense fallback={null}>
            <UserChannel />
          </Suspense>
        </ErrorBoundary>
      ) : null}
    </>
  );
}

function isActive(item: NavItem, pathname: string): boolean {
  return item.path === '/'
    ? pathname === '/'
    : pathname === item.path || pathname.startsWith(`${item.path}/`);
}

function SidebarAccount() {
  const me = useMe();
  const signOut = useSignOut();
  return (
    <div className="sidebar-account">
      <Link to="/profile" className="account-summary">
        <Avatar name={me.user.name || me.user.email} size={32} />
        <span className="account-text">
          <span className="account-name">{me.user.name || me.user.email}</span>
          <span className="account-meta">
            {roleLabel(me.user.role)} · {me.tenant.name}
          </span>
        </span>
      </Link>
      <button
        type="button"
        className="icon-button"
        onClick={() => signOut.mutate()}
        disabled={signOut.isPending}
        aria-label="Sign out"
        title="Sign out"
      >
        <Icon name="logout" size={18} />
      </button>
    </div>
  );
}

function MoreSheet({ open, onClose, items }: { open: boolean; onClose: () => void; items: NavItem[] }) {
  const me = useMe();
  const signOut = useSignOut();
  return (
    <Dialog open={open} onClose={onClose} title="More" variant="sheet" size="s">
      <div className="sheet-account">
        <Avatar name={me.user.name || me.user.email} size={40} />
        <div>
          <p className="account-name">{me.user.name || me.user.email}</p>
          <p className="account-meta">
            {roleLabel(me.user.role)} · {me.tenant.name}
          </p>
        </div>
      </div>
      <nav aria-label="More">
        <ul className="sheet-list">
          {items.map((item) => (
            <li key={item.id}>
              <NavLink to={item.path} end={item.path === '/'} className="sheet-link" onClick={onClose}>
                <Icon name={item.icon} size={20} />
                <span>{item.label}</span>
                <Icon name="chevronRight" size={16} className="sheet-chevron" />
              </NavLink>
            </li>
          ))}
          <li>
            <button
              type="button"
              className="sheet-link"
              onClick={() => signOut.mutate()}
              disabled={signOut.isPending}
            >
              <Icon name="logout" size={20} />
              <span>Sign out</span>
            </button>
          </li>
        </ul>
      </nav>
    </Dialog>
  );
}
