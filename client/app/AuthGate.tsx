import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Button } from '../components/Button.tsx';
import { ApiError } from '../lib/api.ts';
import { applyBranding, completeBranding } from '../lib/branding.ts';
import { describeError } from '../lib/errors.ts';
import { BootSplash } from './BootSplash.tsx';
import { ME_KEY, MeProvider, useMeQuery } from './me.tsx';

/** True when `/api/me` last answered 401 (signed out, expired, revoked, or half-way through 2FA). */
export function isSignedOut(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}

/**
 * Shows its children only to a signed-in user. A 401 sends the visitor to /login and remembers
 * where they were going.
 */
export function AuthGate({ children }: { children: ReactNode }) {
  const me = useMeQuery();
  const location = useLocation();
  const queryClient = useQueryClient();
  // A failed refetch keeps the last user in `data`, so the 401 has to be checked first.
  const signedOut = isSignedOut(me.error);

  // The user's effective branding (their organisation's) replaces the host's once known.
  useEffect(() => {
    if (me.data && !signedOut) applyBranding(completeBranding(me.data.branding));
  }, [me.data, signedOut]);

  // Nothing cached for a session that has ended may outlive it.
  useEffect(() => {
    if (signedOut) queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_KEY[0] });
  }, [signedOut, queryClient]);

  if (signedOut) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (me.data) return <MeProvider me={me.data}>{children}</MeProvider>;
  if (me.isPending) return <BootSplash label="Loading your portal…" />;

  return (
    <div className="error-page" role="alert">
      <h1>We couldn’t load your portal</h1>
      <p className="muted">{describeError(me.error)}</p>
      <div className="row">
        <Button variant="primary" icon="refresh" onClick={() => void me.refetch()} pending={me.isFetching}>
          Try again
        </Button>
      </div>
    </div>
  );
}
