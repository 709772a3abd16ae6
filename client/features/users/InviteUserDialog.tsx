import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useToast } from '../../app/toast.tsx';
import { FormError } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Dialog, DialogBody, DialogFooter } from '../../components/Dialog.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { api } from '../../lib/api.ts';
import { describeError, fieldErrors } from '../../lib/errors.ts';
import { kindLabel, roleLabel } from '../../lib/format.ts';
import { rolesForTenant, tenantTree } from '../../lib/queries.ts';
import { type Role, SECTIONS, type Section, type TenantView, type UserView } from '../../lib/types.ts';
import { SectionsPicker } from './SectionsPicker.tsx';

interface InviteUserDialogProps {
  open: boolean;
  onClose: () => void;
  /** Organisations the caller may add people to (`abilities.manageUsers`). */
  tenants: TenantView[];
  defaultTenantId?: string;
}

export function InviteUserDialog({ open, onClose, tenants, defaultTenantId }: InviteUserDialogProps) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Invite someone"
      description="They’ll get an email with a link to sign in. The link works for 7 days."
    >
      <InviteForm onClose={onClose} tenants={tenants} defaultTenantId={defaultTenantId} />
    </Dialog>
  );
}

function InviteForm({ onClose, tenants, defaultTenantId }: Omit<InviteUserDialogProps, 'open'>) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const ordered = tenantTree(tenants);
  const initialTenant = tenants.find((tenant) => tenant.id === defaultTenantId) ?? ordered[0]?.tenant;
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [tenantId, setTenantId] = useState(initialTenant?.id ?? '');
  const tenant = tenants.find((candidate) => candidate.id === tenantId);
  const roles = tenant ? rolesForTenant(tenant) : [];
  const [role, setRole] = useState<Role | ''>(roles[0] ?? '');
  const [sections, setSections] = useState<Section[]>([...SECTIONS]);

  const invite = useMutation({
    mutationFn: () =>
      api<{ user: UserView }>('POST', '/api/users', {
        email: email.trim(),
        name: name.trim(),
        role,
        tenantId,
        ...(role === 'client' ? { sections } : {}),
      }),
    onSuccess: ({ user }) => {
      toast(`Invitation sent to ${user.email}`);
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
      onClose();
    },
  });
  const errors = fieldErrors(invite.error);

  const changeTenant = (id: string) => {
    setTenantId(id);
    const next = tenants.find((candidate) => candidate.id === id);
    const nextRoles = next ? rolesForTenant(next) : [];
    if (!nextRoles.includes(role as Role)) setRole(nextRoles[0] ?? '');
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!event.currentTarget.reportValidity()) return;
    invite.mutate();
  };

  if (tenants.length === 0) {
    return (
      <DialogBody>
        <p>You can’t add people to any organisation.</p>
      </DialogBody>
    );
  }

  return (
    <form onSubmit={submit}>
      <DialogBody>
        <TextField
          label="Email"
          type="email"
          name="email"
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          required
          value={email}
          error={errors.email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <TextField
          label="Full name"
          name="name"
          autoComplete="off"
          required
          maxLength={120}
          value={name}
          error={errors.name}
          onChange={(event) => setName(event.target.value)}
        />
        {tenants.length > 1 ? (
          <SelectField
            label="Organisation"
            name="tenantId"
            required
            value={tenantId}
            error={errors.tenantId}
            onChange={(event) => changeTenant(event.target.value)}
            options={ordered.map(({ tenant: option, depth }) => ({
              value: option.id,
              label: `${'\u2003'.repeat(depth)}${option.name} (${kindLabel(option.kind)})`,
            }))}
          />
        ) : (
          <p className="field-static">
            <span className="field-label">Organisation</span>
            <span>{tenant?.name}</span>
          </p>
        )}
        <SelectField
          label="Role"
          name="role"
          required
          value={role}
          error={errors.role}
          onChange={(event) => setRole(event.target.value as Role)}
          options={roles.map((option) => ({ value: option, label: roleLabel(option) }))}
        />
        {role === 'client' ? (
          <SectionsPicker
            value={sections}
            onChange={setSections}
            hint="Which parts of the portal they may use. You can change this later."
          />
        ) : null}
        <FormError message={invite.error ? describeError(invite.error) : null} />
      </DialogBody>
      <DialogFooter>
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="primary" icon="mail" pending={invite.isPending}>
          Send invitation
        </Button>
      </DialogFooter>
    </form>
  );
}
