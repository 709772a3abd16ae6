import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { isSignedOut } from '../../app/AuthGate.tsx';
import { useMeQuery } from '../../app/me.tsx';
import { FormError } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/Field.tsx';
import { PageLoading } from '../../components/Spinner.tsx';
import { api, isApiError } from '../../lib/api.ts';
import { describeError } from '../../lib/errors.ts';
import { safeNextPath } from '../../lib/nextPath.ts';
import type { SignInResult } from '../../lib/types.ts';
import { AuthLayout } from './AuthLayout.tsx';
import { TwoFactorForm } from './TwoFactorForm.tsx';
import { useCompleteSignIn } from './useCompleteSignIn.ts';

export default function LoginPage() {
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const me = useMeQuery();
  const queryClient = useQueryClient();
  const completeSignIn = useCompleteSignIn();
  const [step, setStep] = useState<'password' | 'code' | null>(null);

  if (me.data && !isSignedOut(me.error)) return <Navigate to={next} replace />;
  if (me.isPending) return <PageLoading />;

  // A reload in the middle of two-factor sign-in lands here with a half-signed-in session.
  const current = step ?? (isApiError(me.error, 'two_factor_required') ? 'code' : 'password');

  const startOver = () => {
    void api('POST', '/api/auth/logout').catch(() => undefined);
    queryClient.removeQueries();
    setStep('password');
  };

  if (current === 'code') {
    return (
      <AuthLayout title="Two-factor authentication">
        <TwoFactorForm onVerified={() => completeSignIn(next)} onStartOver={startOver} />
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title="Sign in" showLoginText>
      <PasswordForm onSignedIn={() => completeSignIn(next)} onTwoFactor={() => setStep('code')} />
    </AuthLayout>
  );
}

function PasswordForm({
  onSignedIn,
  onTwoFactor,
}: {
  onSignedIn: () => Promise<void>;
  onTwoFactor: () => void;
}) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const passwordRef = useRef<HTMLInputElement>(null);

  const login = useMutation({
    mutationFn: () => api<SignInResult>('POST', '/api/auth/login', { email: email.trim(), password }),
    onSuccess: async (result) => {
      if ('twoFactorRequired' in result && result.twoFactorRequired) onTwoFactor();
      else await onSignedIn();
    },
    onError: (error) => {
      if (isApiError(error, 'invalid_credentials')) {
        setPassword('');
        passwordRef.current?.focus();
      }
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!event.currentTarget.reportValidity()) return;
    login.mutate();
  };

  return (
    <form className="stack" onSubmit={submit}>
      <TextField
        label="Email"
        type="email"
        name="email"
        autoComplete="username"
        inputMode="email"
        autoCapitalize="off"
        spellCheck={false}
        required
        autoFocus
        value={email}
        onChange={(event) => setEmail(event.target.value)}
      />
      <TextField
        ref={passwordRef}
        label="Password"
        type="password"
        name="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(event) => setPassword(event.target.value)}
      />
      <FormError message={login.error ? describeError(login.error) : null} />
      <Button type="submit" variant="primary" size="l" block pending={login.isPending}>
        Sign in
      </Button>
      <p className="auth-links">
        <Link to="/login/link" state={{ email }}>
          Email me a sign-in link
        </Link>
      </p>
    </form>
  );
}
