import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { useToast } from '../../app/toast.tsx';
import { FormError } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Card } from '../../components/Card.tsx';
import { TextField } from '../../components/Field.tsx';
import { api } from '../../lib/api.ts';
import { describeError, fieldErrors } from '../../lib/errors.ts';
import { formatDate, kindLabel } from '../../lib/format.ts';
import type { TenantView } from '../../lib/types.ts';
import { useTenantUpdated } from './useTenantUpdated.ts';

/** An organisation's facts (short name, type, parent, created date), with a rename form for those allowed. */
export function DetailsCard({ tenant, parent }: { tenant: TenantView; parent: TenantView | undefined }) {
  const toast = useToast();
  const updated = useTenantUpdated();
  const [name, setName] = useState(tenant.name);
  const rename = useMutation({
    mutationFn: () =>
      api<{ tenant: TenantView }>('PATCH', `/api/tenants/${encodeURIComponent(tenant.id)}`, {
        name: name.trim(),
      }),
    onSuccess: ({ tenant: saved }) => {
      updated(saved);
      toast('Organisation renamed');
    },
  });
  const errors = fieldErrors(rename.error);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!event.currentTarget.reportValidity()) return;
    rename.mutate();
  };

  return (
    <Card title="Details" id="org-details">
      <div className="stack">
        {tenant.abilities.update ? (
          <form className="stack" onSubmit={submit}>
            <TextField
              label="Name"
              name="name"
              required
              maxLength={120}
              value={name}
              error={errors.name}
              onChange={(event) => setName(event.target.value)}
            />
            <FormError message={rename.error && !errors.name ? describeError(rename.error) : null} />
            <div className="row">
              <Button type="submit" pending={rename.isPending} disabled={name.trim() === tenant.name}>
                Rename
              </Button>
            </div>
          </form>
        ) : null}
        <dl className="details">
          <div>
            <dt>Short name</dt>
            <dd className="mono">{tenant.slug}</dd>
          </div>
          <div>
            <dt>Type</dt>
            <dd>{kindLabel(tenant.kind)}</dd>
          </div>
          {parent ? (
            <div>
              <dt>Belongs to</dt>
              <dd>
                <Link to={`/organizations/${parent.id}`}>{parent.name}</Link>
              </dd>
            </div>
          ) : null}
          <div>
            <dt>Created</dt>
            <dd>{formatDate(tenant.createdAt)}</dd>
          </div>
        </dl>
      </div>
    </Card>
  );
}
