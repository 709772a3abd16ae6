import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useToast } from '../../app/toast.tsx';
import { Button } from '../../components/Button.tsx';
import { Card } from '../../components/Card.tsx';
import { ConfirmDialog } from '../../components/Dialog.tsx';
import { api } from '../../lib/api.ts';
import { describeError } from '../../lib/errors.ts';
import type { TenantView } from '../../lib/types.ts';
import { useTenantUpdated } from './useTenantUpdated.ts';

/** Deactivates or reactivates an organisation, after a confirmation. */
export function StatusCard({ tenant }: { tenant: TenantView }) {
  const toast = useToast();
  const updated = useTenantUpdated();
  const [confirming, setConfirming] = useState(false);
  const toggle = useMutation({
    mutationFn: () =>
      api<{ tenant: TenantView }>('PATCH', `/api/tenants/${encodeURIComponent(tenant.id)}`, {
        active: !tenant.active,
      }),
    onSuccess: ({ tenant: saved }) => {
      updated(saved);
      setConfirming(false);
      toast(saved.active ? `${saved.name} is active again` : `${saved.name} was deactivated`);
    },
  });

  return (
    <Card
      title="Status"
      id="org-status"
      description={
        tenant.active
          ? 'Deactivating switches this organisation off: its people lose access until it is activated again.'
          : 'This organisation is switched off. Its people can’t use the portal.'
      }
    >
      <div className="row">
        <Button variant={tenant.active ? 'danger' : 'primary'} onClick={() => setConfirming(true)}>
          {tenant.active ? 'Deactivate organisation' : 'Activate organisation'}
        </Button>
      </div>
      <ConfirmDialog
        open={confirming}
        onClose={() => {
          setConfirming(false);
          toggle.reset();
        }}
        onConfirm={() => toggle.mutate()}
        title={tenant.active ? `Deactivate ${tenant.name}?` : `Activate ${tenant.name}?`}
        confirmLabel={tenant.active ? 'Deactivate' : 'Activate'}
        danger={tenant.active}
        pending={toggle.isPending}
        error={toggle.error ? describeError(toggle.error) : null}
      >
        <p>
          {tenant.active
            ? 'Its people will lose access to the portal. Nothing is deleted, and you can activate it again at any time.'
            : 'Its people will be able to use the portal again.'}
        </p>
      </ConfirmDialog>
    </Card>
  );
}
