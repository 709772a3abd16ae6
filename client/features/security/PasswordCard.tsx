import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ME_KEY } from '../../app/me.tsx';
import { useToast } from '../../app/toast.tsx';
import { FormError } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Card } from '../../components/Card.tsx';
import { TextField } from '../../components/Field.tsx';
import { api } from '../../lib/api.ts';
import { describeError, fieldErrors } from '../../lib/errors.ts';

export const MIN_PASSWORD_LENGTH = 10;

interface Problems {
  newPassword?: string;
  confirm?: string;
}

/** Checks the form before it is sent, so the common mistakes are explained without a round trip. */
export function checkNewPassword(newPassword: string, confirm: string): Problems {
  const problems: Problems = {};
  if (newPassword.length < MIN_PASSWORD_LENGTH) {
    problems.newPassword = `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  }
  if (confirm !== newPassword) problems.confirm = 'The two passwords don’t match.';
  return problems;
}

export function PasswordCard({ hasPassword }: { hasPassword: boolean }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problems, setProblems] = useState<Problems>({});

  const change = useMutation({
    mutationFn: () =>
      api<void>('POST', '/api/me/password', hasPassword ? { currentPassword, newPassword } : { newPassword }),
    onSuccess: () => {
      setCurrentPassword('');
      setNewPassword('');
      setConfirm('');
      void queryClient.invalidateQueries({ queryKey: ME_KEY });
      void queryClient.invalidateQueries({ queryKey: ['sessions'] });
      toast(
        hasPassword
          ? 'Password changed. Your other sessions were signed out.'
          : 'Password set. You can now sign in with it.',
      );
    },
  });
  const serverErrors = fieldErrors(change.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = checkNewPassword(newPassword, confirm);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    change.mutate();
  };

  return (
    <Card
      title={hasPassword ? 'Change password' : 'Set a password'}
      id="security-password"
      description={
        hasPassword
          ? 'Changing your password signs you out everywhere else.'
          : 'You sign in with email links. Set a password to sign in without one.'
      }
    >
      <form className="stack" onSubmit={submit} noValidate>
        {/* Lets password managers match the saved login. */}
        <input type="hidden" name="username" autoComplete="username" />
        {hasPassword ? (
          <TextField
            label="Current password"
            type="password"
            name="currentPassword"
            autoComplete="current-password"
            required
            value={currentPassword}
            error={serverErrors.currentPassword}
            onChange={(event) => setCurrentPassword(event.target.value)}
          />
        ) : null}
        <TextField
          label="New password"
          type="password"
          name="newPassword"
          autoComplete="new-password"
          required
          minLength={MIN_PASSWORD_LENGTH}
          hint={`At least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words make a strong one.`}
          value={newPassword}
          error={problems.newPassword ?? serverErrors.newPassword}
          onChange={(event) => setNewPassword(event.target.value)}
        />
        <TextField
          label="Confirm new password"
          type="password"
          name="confirmPassword"
          autoComplete="new-password"
          required
          value={confirm}
          error={problems.confirm}
          onChange={(event) => setConfirm(event.target.value)}
        />
        <FormError
          message={
            problems.newPassword || problems.confirm
              ? 'Check the highlighted fields.'
              : change.error
                ? describeError(change.error)
                : null
          }
        />
        <div className="row">
          <Button type="submit" variant="primary" pending={change.isPending}>
            {hasPassword ? 'Change password' : 'Set password'}
          </Button>
        </div>
      </form>
    </Card>
  );
}
