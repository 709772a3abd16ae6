import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { useToast } from '../../app/toast.tsx';
import { FormError } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Dialog, DialogBody, DialogFooter } from '../../components/Dialog.tsx';
import { Fieldset, SelectField, TextField } from '../../components/Field.tsx';
import { api } from '../../lib/api.ts';
import { describeError, fieldErrors } from '../../lib/errors.ts';
import { kindLabel, slugify } from '../../lib/format.ts';
import { queryKeys, tenantTree } from '../../lib/queries.ts';
import type { TenantView } from '../../lib/types.ts';

type NewKind = 'client' | 'partner';

interface CreateOrganizationDialogProps {
  open: boolean;
  onClose: () => void;
  /** Organisations the caller may create organisations under (`abilities.createClientOrg`). */
  parents: TenantView[];
  defaultParentId?: string;
}

export function CreateOrganizationDialog(props: CreateOrganizationDialogProps) {
  return (
    <Dialog open={props.open} onClose={props.onClose} title="New organisation">
      <CreateForm {...props} />
    </Dialog>
  );
}

function CreateForm({ onClose, parents, defaultParentId }: CreateOrganizationDialogProps) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const toast = useToast();
  const ordered = tenantTree(parents);
  // Partner agencies hang directly off the platform, so they can only be made by someone who may
  // create organisations under the platform tenant.
  const platform = parents.find((tenant) => tenant.kind === 'platform');
  const [kind, setKind] = useState<NewKind>('client');
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [slugEdited, setSlugEdited] = useState(false);
  const initialParent = parents.find((tenant) => tenant.id === defaultParentId) ?? ordered[0]?.tenant;
  const [parentId, setParentId] = useState(initialParent?.id ?? '');
  const effectiveParentId = kind === 'partner' ? (platform?.id ?? '') : parentId;

  const create = useMutation({
    mutationFn: () =>
      api<{ tenant: TenantView }>('POST', '/api/tenants', {
        kind,
        name: name.trim(),
        slug,
        parentId: effectiveParentId || undefined,
      }),
    onSuccess: ({ tenant }) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.tenants });
      void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
      toast(`${tenant.name} was created`);
      onClose();
      navigate(`/organizations/${tenant.id}`);
    },
  });
  const errors = fieldErrors(create.error);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!event.currentTarget.reportValidity()) return;
    create.mutate();
  };

  return (
    <form onSubmit={submit}>
      <DialogBody>
        {platform ? (
          <Fieldset legend="Type">
            <div className="radio-cards">
              {(['client', 'partner'] as const).map((option) => (
                <label key={option} className="radio-card">
                  <input
                    type="radio"
                    name="kind"
                    value={option}
                    checked={kind === option}
                    onChange={() => setKind(option)}
                  />
                  <span>
                    <span className="radio-card-title">{kindLabel(option)}</span>
                    <span className="subtle block">
                      {option === 'client'
                        ? 'A customer whose people use the portal.'
                        : 'A white-label agency with its own clients and branding.'}
                    </span>
                  </span>
                </label>
              ))}
            </div>
          </Fieldset>
        ) : null}
        <TextField
          label="Name"
          name="name"
          required
          maxLength={120}
          autoComplete="organization"
          value={name}
          error={errors.name}
          onChange={(event) => {
            setName(event.target.value);
            if (!slugEdited) setSlug(slugify(event.target.value));
          }}
        />
        <TextField
          label="Short name"
          name="slug"
          required
          pattern="[a-z0-9]([a-z0-9\-]*[a-z0-9])?"
          maxLength={48}
          autoCapitalize="off"
          spellCheck={false}
          hint="Lowercase letters, numbers and dashes. Used in web addresses and can’t easily be changed later."
          value={slug}
          error={errors.slug}
          onChange={(event) => {
            setSlugEdited(true);
            setSlug(event.target.value.toLowerCase().replace(/[^a-z0-9-]/g, '-'));
          }}
        />
        {kind === 'client' && parents.length > 1 ? (
          <SelectField
            label="Belongs to"
            name="parentId"
            value={parentId}
            error={errors.parentId}
            onChange={(event) => setParentId(event.target.value)}
            options={ordered.map(({ tenant, depth }) => ({
              value: tenant.id,
              label: `${'\u2003'.repeat(depth)}${tenant.name} (${kindLabel(tenant.kind)})`,
            }))}
            hint={
              parents.find((tenant) => tenant.id === parentId)?.kind === 'platform'
                ? 'A direct client of the platform.'
                : 'A client of this partner agency.'
            }
          />
        ) : null}
        <FormError message={create.error ? describeError(create.error) : null} />
      </DialogBody>
      <DialogFooter>
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="primary" pending={create.isPending}>
          Create organisation
        </Button>
      </DialogFooter>
    </form>
  );
}
