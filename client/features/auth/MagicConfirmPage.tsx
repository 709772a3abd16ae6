/**
 * The page a magic link opens. Mail scanners follow links with GET, so nothing happens until the
 * person presses the button: only that POST spends the token and signs in.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { FormError } from '../../components/Alert.tsx';
import { Button, ButtonLink } from '../../components/Button.tsx';
import { Icon } from '../../components/Icon.tsx';
import { api, isApiError } from '../../lib/api.ts';
import { describeError } from '../../lib/errors.ts';
import type { SignInResult } from '../../lib/types.ts';
import { AuthLayout } from './AuthLayout.tsx';
import { useHostBranding } from './authBranding.ts';
import { TwoFactorForm } from './TwoFactorForm.tsx';
import { useCompleteSignIn } from './useCompleteSignIn.ts';

/** Takes the spent token out of the address bar and history. */
function forgetToken(): void {
  window.history.replaceState(window.history.state, '', '/auth/magic');
}

export default function MagicConfirmPage() {
  const [params] = useSearchParams();
  const [token] = useState(() => params.get('token') ?? '');
  const { branding } = useHostBranding();
  const completeSignIn = useCompleteSignIn();
  const queryClient = useQueryClient();
  const [needsCode, setNeedsCode] = useState(false);

  const verify = useMutation({
    mutationFn: () => api<SignInResult>('POST', '/api/auth/magic-link/verify', { token }),
    onSuccess: async (result) => {
      forgetToken();
      if ('twoFactorRequired' in result && result.twoFactorRequired) setNeedsCode(true);
      else await completeSignIn('/');
    },
    onError: (error) => {
      if (isApiError(error, 'invalid_token')) forgetToken();
    },
  });

  if (needsCode) {
    return (
      <AuthLayout title="Two-factor authentication">
        <TwoFactorForm
          onVerified={() => completeSignIn('/')}
          onStartOver={() => {
            void api('POST', '/api/auth/logout').catch(() => undefined);
            queryClient.removeQueries();
            window.location.assign('/login');
          }}
        />
      </AuthLayout>
    );
  }

  if (token === '' || isApiError(verify.error, 'invalid_token')) {
    return (
      <AuthLayout title="This link can’t be used">
        <div className="stack" role="alert">
          <span className="auth-illustration auth-illustration-danger">
            <Icon name="alert" size={28} />
          </span>
          <p>
            {token === ''
              ? 'This sign-in link is incomplete. Copy the whole link from the email, or ask for a new one.'
              : 'This sign-in link has expired or was already used. Links work once, and only for 15 minutes.'}
          </p>
          <ButtonLink to="/login/link" variant="primary" size="l" block>
            Email me a new link
          </ButtonLink>
          <p className="auth-links">
            <Link to="/login">Sign in with a password</Link>
          </p>
        </div>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout
      title={`Sign in to ${branding.portalName}?`}
      description="You opened a sign-in link from your email. Continue to sign in on this device."
    >
      <div className="stack">
        <FormError message={verify.error ? describeError(verify.error) : null} />
        <Button variant="primary" size="l" block pending={verify.isPending} onClick={() => verify.mutate()}>
          Sign in
        </Button>
        <p className="auth-links">
          <Link to="/login">Not you? Sign in another way</Link>
        </p>
      </div>
    </AuthLayout>
  );
}
