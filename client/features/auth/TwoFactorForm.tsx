import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { FormError } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/Field.tsx';
import { api } from '../../lib/api.ts';
import { describeError } from '../../lib/errors.ts';

/** Normalises what people paste: "123 456" → "123456". */
function digitsOnly(value: string): string {
  return value.replace(/\D/g, '').slice(0, 6);
}

/**
 * The second sign-in step: a 6-digit code from the authenticator app, or one recovery code.
 * Used after a password and after a magic link.
 */
export function TwoFactorForm({
  onVerified,
  onStartOver,
}: {
  onVerified: () => Promise<void>;
  onStartOver: () => void;
}) {
  const [mode, setMode] = useState<'code' | 'recovery'>('code');
  const [code, setCode] = useState('');
  const [recoveryCode, setRecoveryCode] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);

  const verify = useMutation({
    mutationFn: () =>
      api<unknown>(
        'POST',
        '/api/auth/2fa/verify',
        mode === 'code' ? { code } : { recoveryCode: recoveryCode.trim() },
      ),
    onSuccess: onVerified,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mode === 'code' && code.length !== 6) {
      setLocalError('Enter all 6 digits of the code from your authenticator app.');
      return;
    }
    if (mode === 'recovery' && recoveryCode.trim() === '') {
      setLocalError('Enter one of your recovery codes.');
      return;
    }
    setLocalError(null);
    verify.mutate();
  };

  const switchMode = () => {
    verify.reset();
    setLocalError(null);
    setMode(mode === 'code' ? 'recovery' : 'code');
  };

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <p className="muted">
        {mode === 'code'
          ? 'Enter the 6-digit code from your authenticator app.'
          : 'Enter one of the recovery codes you saved when you turned on two-factor authentication. Each code works once.'}
      </p>
      {mode === 'code' ? (
        <TextField
          key="code"
          label="Authentication code"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]{6}"
          maxLength={6}
          required
          autoFocus
          className="field-code"
          value={code}
          onChange={(event) => setCode(digitsOnly(event.target.value))}
        />
      ) : (
        <TextField
          key="recovery"
          label="Recovery code"
          name="recoveryCode"
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          required
          autoFocus
          value={recoveryCode}
          onChange={(event) => setRecoveryCode(event.target.value)}
        />
      )}
      <FormError message={localError ?? (verify.error ? describeError(verify.error) : null)} />
      <Button type="submit" variant="primary" size="l" block pending={verify.isPending}>
        Verify and sign in
      </Button>
      <div className="auth-links">
        <button type="button" className="link-button" onClick={switchMode}>
          {mode === 'code' ? 'Use a recovery code' : 'Use your authenticator app'}
        </button>
        <button type="button" className="link-button" onClick={onStartOver}>
          Start over
        </button>
      </div>
    </form>
  );
}
