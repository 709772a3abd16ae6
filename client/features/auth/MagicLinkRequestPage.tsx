import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { FormError } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/Field.tsx';
import { Icon } from '../../components/Icon.tsx';
import { api } from '../../lib/api.ts';
import { describeError } from '../../lib/errors.ts';
import { AuthLayout } from './AuthLayout.tsx';

function initialEmail(state: unknown): string {
  if (typeof state === 'object' && state !== null && 'email' in state && typeof state.email === 'string') {
    return state.email;
  }
  return '';
}

export default function MagicLinkRequestPage() {
  const location = useLocation();
  const [email, setEmail] = useState(() => initialEmail(location.state));
  const send = useMutation({
    mutationFn: () => api<{ sent: boolean }>('POST', '/api/auth/magic-link', { email: email.trim() }),
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!event.currentTarget.reportValidity()) return;
    send.mutate();
  };

  if (send.isSuccess) {
    return (
      <AuthLayout title="Check your email">
        <div className="stack" role="status">
          <span className="auth-illustration">
            <Icon name="mail" size={28} />
          </span>
          <p>
            If an account exists for <strong>{email.trim()}</strong>, we’ve sent it a sign-in link. The link
            works once, for 15 minutes.
          </p>
          <p className="muted">Nothing there? Check your spam folder, or send another link.</p>
          <Button onClick={() => send.reset()} block>
            Send another link
          </Button>
          <p className="auth-links">
            <Link to="/login">Back to sign in</Link>
          </p>
        </div>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout
      title="Sign in with a link"
      description="We’ll email you a link that signs you in — no password needed."
    >
      <form className="stack" onSubmit={submit}>
        <TextField
          label="Email"
          type="email"
          name="email"
          autoComplete="email"
          inputMode="email"
          autoCapitalize="off"
          spellCheck={false}
          required
          autoFocus
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <FormError message={send.error ? describeError(send.error) : null} />
        <Button type="submit" variant="primary" size="l" block pending={send.isPending}>
          Email me a link
        </Button>
        <p className="auth-links">
          <Link to="/login">Sign in with a password instead</Link>
        </p>
      </form>
    </AuthLayout>
  );
}
