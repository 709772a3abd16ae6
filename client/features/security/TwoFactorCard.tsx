import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ME_KEY } from '../../app/me.tsx';
import { useToast } from '../../app/toast.tsx';
import { FormError } from '../../components/Alert.tsx';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { Card } from '../../components/Card.tsx';
import { Dialog, DialogBody, DialogFooter } from '../../components/Dialog.tsx';
import { TextField } from '../../components/Field.tsx';
import { api } from '../../lib/api.ts';
import { describeError } from '../../lib/errors.ts';
import type { RecoveryCodes as RecoveryCodesResult, TwoFactorSetup } from '../../lib/types.ts';
import { RecoveryCodes } from './RecoveryCodes.tsx';

function digitsOnly(value: string): string {
  return value.replace(/\D/g, '').slice(0, 6);
}

/** "JBSWY3DPEHPK3PXP" → "JBSW Y3DP EHPK 3PXP", easier to type from the screen. */
function groupSecret(secret: string): string {
  return secret
    .replace(/\s+/g, '')
    .replace(/(.{4})/g, '$1 ')
    .trim();
}

/** The QR code as an image: the SVG from the server is never put into the page as markup. */
function qrImageSource(svg: string): string {
  return `data:image/svg+xml;utf8,${encodeURIComponent(svg)}`;
}

export function TwoFactorCard({ enabled }: { enabled: boolean }) {
  const queryClient = useQueryClient();
  const [codes, setCodes] = useState<string[] | null>(null);
  const [dialog, setDialog] = useState<'disable' | 'regenerate' | null>(null);

  const setup = useMutation({ mutationFn: () => api<TwoFactorSetup>('POST', '/api/me/2fa/setup') });

  const showCodes = (recoveryCodes: string[]) => {
    setCodes(recoveryCodes);
    setup.reset();
    void queryClient.invalidateQueries({ queryKey: ME_KEY });
  };

  return (
    <Card
      title="Two-factor authentication"
      id="security-2fa"
      description="Ask for a code from an authenticator app on your phone each time you sign in."
      actions={enabled ? <Badge tone="success">On</Badge> : <Badge>Off</Badge>}
    >
      {codes ? (
        <RecoveryCodes codes={codes} onDone={() => setCodes(null)} />
      ) : setup.data && !enabled ? (
        <EnableStep setup={setup.data} onEnabled={showCodes} onCancel={() => setup.reset()} />
      ) : enabled ? (
        <div className="stack">
          <p className="muted">
            Your account asks for a code when you sign in. Keep your recovery codes somewhere safe in case you
            lose your phone.
          </p>
          <div className="row">
            <Button onClick={() => setDialog('regenerate')}>Get new recovery codes</Button>
            <Button variant="danger" onClick={() => setDialog('disable')}>
              Turn off
            </Button>
          </div>
        </div>
      ) : (
        <div className="stack">
          <p className="muted">
            You’ll need an authenticator app such as 1Password, Google Authenticator, Microsoft Authenticator
            or Authy.
          </p>
          <FormError message={setup.error ? describeError(setup.error) : null} />
          <div className="row">
            <Button variant="primary" icon="shield" onClick={() => setup.mutate()} pending={setup.isPending}>
              Set up two-factor authentication
            </Button>
          </div>
        </div>
      )}
      <CodeDialog
        open={dialog === 'regenerate'}
        onClose={() => setDialog(null)}
        title="Get new recovery codes"
        description="Your old recovery codes will stop working. Enter a code from your authenticator app to continue."
        confirmLabel="Create new codes"
        request={(code) => api<RecoveryCodesResult>('POST', '/api/me/2fa/recovery-codes', { code })}
        onSuccess={(result) => {
          setDialog(null);
          if (result) showCodes(result.recoveryCodes);
        }}
      />
      <CodeDialog
        open={dialog === 'disable'}
        onClose={() => setDialog(null)}
        title="Turn off two-factor authentication?"
        description="Signing in will only need your password or an email link. Enter a code from your authenticator app (not a recovery code) to confirm."
        confirmLabel="Turn off"
        danger
        request={(code) => api<void>('POST', '/api/me/2fa/disable', { code })}
        onSuccess={() => {
          setDialog(null);
          void queryClient.invalidateQueries({ queryKey: ME_KEY });
        }}
        successMessage="Two-factor authentication is off"
      />
    </Card>
  );
}

function EnableStep({
  setup,
  onEnabled,
  onCancel,
}: {
  setup: TwoFactorSetup;
  onEnabled: (codes: string[]) => void;
  onCancel: () => void;
}) {
  const [code, setCode] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const enable = useMutation({
    mutationFn: () => api<RecoveryCodesResult>('POST', '/api/me/2fa/enable', { code }),
    onSuccess: (result) => onEnabled(result.recoveryCodes),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (code.length !== 6) {
      setLocalError('Enter the 6-digit code your app shows.');
      return;
    }
    setLocalError(null);
    enable.mutate();
  };

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <ol className="steps">
        <li>
          <p>Scan this QR code with your authenticator app.</p>
          <div className="qr-wrap">
            <img
              src={qrImageSource(setup.qrSvg)}
              alt="QR code to add this account to your authenticator app"
              width={184}
              height={184}
            />
          </div>
          {setup.otpauthUri.startsWith('otpauth://') ? (
            <p className="subtle">
              On this phone? <a href={setup.otpauthUri}>Open it in your authenticator app</a>.
            </p>
          ) : null}
        </li>
        <li>
          <p>Can’t scan it? Enter this key in the app instead:</p>
          <p className="secret mono">{groupSecret(setup.secret)}</p>
        </li>
        <li>
          <TextField
            label="Enter the 6-digit code from the app"
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]{6}"
            maxLength={6}
            className="field-code"
            value={code}
            onChange={(event) => setCode(digitsOnly(event.target.value))}
          />
        </li>
      </ol>
      <FormError message={localError ?? (enable.error ? describeError(enable.error) : null)} />
      <div className="row">
        <Button type="submit" variant="primary" pending={enable.isPending}>
          Turn on
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}

function CodeDialog<T>({
  open,
  onClose,
  title,
  description,
  confirmLabel,
  danger,
  request,
  onSuccess,
  successMessage,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  description: string;
  confirmLabel: string;
  danger?: boolean;
  request: (code: string) => Promise<T>;
  onSuccess: (result: T) => void;
  successMessage?: string;
}) {
  return (
    <Dialog open={open} onClose={onClose} title={title} description={description} size="s">
      <CodeForm
        onClose={onClose}
        confirmLabel={confirmLabel}
        danger={danger}
        request={request}
        onSuccess={onSuccess}
        successMessage={successMessage}
      />
    </Dialog>
  );
}

function CodeForm<T>({
  onClose,
  confirmLabel,
  danger,
  request,
  onSuccess,
  successMessage,
}: {
  onClose: () => void;
  confirmLabel: string;
  danger?: boolean;
  request: (code: string) => Promise<T>;
  onSuccess: (result: T) => void;
  successMessage?: string;
}) {
  const toast = useToast();
  const [code, setCode] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: () => request(code),
    onSuccess: (result) => {
      if (successMessage) toast(successMessage);
      onSuccess(result);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (code.length !== 6) {
      setLocalError('Enter the 6-digit code your app shows.');
      return;
    }
    setLocalError(null);
    mutation.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <DialogBody>
        <TextField
          label="Authentication code"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]{6}"
          maxLength={6}
          className="field-code"
          value={code}
          onChange={(event) => setCode(digitsOnly(event.target.value))}
        />
        <FormError message={localError ?? (mutation.error ? describeError(mutation.error) : null)} />
      </DialogBody>
      <DialogFooter>
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant={danger ? 'danger' : 'primary'} pending={mutation.isPending}>
          {confirmLabel}
        </Button>
      </DialogFooter>
    </form>
  );
}
