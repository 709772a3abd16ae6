import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMe } from '../../app/me.tsx';
import { useToast } from '../../app/toast.tsx';
import { Alert, FormError } from '../../components/Alert.tsx';
import { Avatar } from '../../components/Avatar.tsx';
import { Badge, StatusBadge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { Card } from '../../components/Card.tsx';
import { ConfirmDialog } from '../../components/Dialog.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SkeletonCard } from '../../components/Spinner.tsx';
import { api } from '../../lib/api.ts';
import { describeError, fieldErrors } from '../../lib/errors.ts';
import { formatDate, roleDescription, roleLabel, sectionLabel, statusLabel } from '../../lib/format.ts';
import { queryKeys, useUser } from '../../lib/queries.ts';
import type { Role, Section, UserView } from '../../lib/types.ts';
import { SectionsPicker } from './SectionsPicker.tsx';

export default function UserDetailPage() {
  const { id } = useParams();
  const user = useUser(id);

  if (user.isPending) {
    return (
      <>
        <PageHeader title="Person" back={{ to: '/users', label: 'People' }} />
        <SkeletonCard lines={4} label="Loading…" />
      </>
    );
  }
  if (user.isError) {
    return (
      <>
        <PageHeader title="Person" back={{ to: '/users', label: 'People' }} />
        <div className="card">
          <ErrorState error={user.error} onRetry={() => void user.refetch()} />
        </div>
      </>
    );
  }
  return <UserDetail key={user.data.id} user={user.data} />;
}

function UserDetail({ user }: { user: UserView }) {
  const me = useMe();
  const isSelf = me.user.id === user.id;
  return (
    <>
      <PageHeader
        title={user.name || user.email}
        back={{ to: '/users', label: 'People' }}
        meta={
          <span className="row">
            <Badge>{roleLabel(user.role)}</Badge>
            <StatusBadge status={user.status} label={statusLabel(user.status)} />
            {isSelf ? <Badge tone="info">You</Badge> : null}
          </span>
        }
      />
      <div className="detail-grid">
        <div className="stack-l">
          <EditUserCard user={user} />
          {user.abilities.deactivate ? <AccessCard user={user} /> : null}
        </div>
        <Card title="Account" id="user-account">
          <div className="row profile-identity">
            <Avatar name={user.name || user.email} size={48} />
            <div>
              <p className="list-item-title">{user.name}</p>
              <p className="subtle">{user.email}</p>
            </div>
          </div>
          <dl className="details">
            <div>
              <dt>Organisation</dt>
              <dd>
                {me.navigation.includes('organizations') ? (
                  <Link to={`/organizations/${user.tenantId}`}>{user.tenantName}</Link>
                ) : (
                  user.tenantName
                )}
              </dd>
            </div>
            <div>
              <dt>Two-factor authentication</dt>
              <dd>{user.twoFactorEnabled ? 'On' : 'Off'}</dd>
            </div>
            <div>
              <dt>Added</dt>
              <dd>{formatDate(user.createdAt)}</dd>
            </div>
          </dl>
        </Card>
      </div>
    </>
  );
}

function EditUserCard({ user }: { user: UserView }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const { abilities } = user;
  const [name, setName] = useState(user.name);
  const [role, setRole] = useState<Role>(user.role);
  const [sections, setSections] = useState<Section[]>(user.sections);
  const editable = abilities.update || abilities.changeRole || abilities.editSections;
  // The current role stays selectable even if it is not one the caller could give today.
  const roleOptions = abilities.assignableRoles.includes(user.role)
    ? abilities.assignableRoles
    : [user.role, ...abilities.assignableRoles];

  const changes: { name?: string; role?: Role; sections?: Section[] } = {};
  if (abilities.update && name.trim() !== user.name) changes.name = name.trim();
  if (abilities.changeRole && role !== user.role) changes.role = role;
  if (abilities.editSections && role === 'client' && sections.join() !== user.sections.join()) {
    changes.sections = sections;
  }
  const dirty = Object.keys(changes).length > 0;

  const save = useMutation({
    mutationFn: () => api<{ user: UserView }>('PATCH', `/api/users/${encodeURIComponent(user.id)}`, changes),
    onSuccess: ({ user: updated }) => {
      queryClient.setQueryData(queryKeys.user(user.id), { user: updated });
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
      toast('Changes saved');
    },
  });
  const errors = fieldErrors(save.error);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!event.currentTarget.reportValidity()) return;
    save.mutate();
  };

  if (!editable) {
    return (
      <Card title="Details" id="user-details">
        <dl className="details">
          <div>
            <dt>Role</dt>
            <dd>
              {roleLabel(user.role)}
              <span className="subtle block">{roleDescription(user.role)}</span>
            </dd>
          </div>
          {user.role === 'client' ? (
            <div>
              <dt>Sections</dt>
              <dd>{user.sections.map(sectionLabel).join(', ') || 'None'}</dd>
            </div>
          ) : null}
        </dl>
        <p className="subtle card-footnote">You can’t change this person’s details.</p>
      </Card>
    );
  }

  return (
    <Card title="Details" id="user-details">
      <form className="stack" onSubmit={submit}>
        <TextField
          label="Full name"
          name="name"
          required
          maxLength={120}
          value={name}
          disabled={!abilities.update}
          error={errors.name}
          onChange={(event) => setName(event.target.value)}
        />
        {abilities.changeRole ? (
          <SelectField
            label="Role"
            name="role"
            value={role}
            error={errors.role}
            hint={roleDescription(role)}
            onChange={(event) => setRole(event.target.value as Role)}
            options={roleOptions.map((option) => ({ value: option, label: roleLabel(option) }))}
          />
        ) : (
          <p className="field-static">
            <span className="field-label">Role</span>
            <span>{roleLabel(user.role)}</span>
          </p>
        )}
        {role !== user.role ? (
          <Alert tone="warning">Changing the role signs {user.name || 'them'} out on every device.</Alert>
        ) : null}
        {role === 'client' && abilities.editSections ? (
          <SectionsPicker
            value={sections}
            onChange={setSections}
            hint="Which parts of the portal they may use."
          />
        ) : role === 'client' ? (
          <p className="field-static">
            <span className="field-label">Sections</span>
            <span>{user.sections.map(sectionLabel).join(', ') || 'None'}</span>
          </p>
        ) : null}
        <FormError message={save.error ? describeError(save.error) : null} />
        <div className="row">
          <Button type="submit" variant="primary" pending={save.isPending} disabled={!dirty}>
            Save changes
          </Button>
          {dirty ? (
            <Button
              variant="ghost"
              onClick={() => {
                setName(user.name);
                setRole(user.role);
                setSections(user.sections);
                save.reset();
              }}
            >
              Discard
            </Button>
          ) : null}
        </div>
      </form>
    </Card>
  );
}

function AccessCard({ user }: { user: UserView }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [confirming, setConfirming] = useState(false);
  const deactivated = user.status === 'deactivated';
  const change = useMutation({
    mutationFn: () =>
      api<{ user: UserView }>(
        'POST',
        `/api/users/${encodeURIComponent(user.id)}/${deactivated ? 'reactivate' : 'deactivate'}`,
      ),
    onSuccess: ({ user: updated }) => {
      queryClient.setQueryData(queryKeys.user(user.id), { user: updated });
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
      setConfirming(false);
      toast(
        deactivated
          ? `${user.name || user.email} can sign in again`
          : `${user.name || user.email} was deactivated`,
      );
    },
  });

  return (
    <Card
      title="Access"
      id="user-access"
      description={
        deactivated
          ? 'This person can’t sign in. Reactivate them to give their access back.'
          : 'Deactivating signs this person out at once and stops them signing in. Nothing they made is deleted.'
      }
    >
      <div className="row">
        <Button variant={deactivated ? 'primary' : 'danger'} onClick={() => setConfirming(true)}>
          {deactivated ? 'Reactivate' : 'Deactivate'}
        </Button>
      </div>
      <ConfirmDialog
        open={confirming}
        onClose={() => {
          setConfirming(false);
          change.reset();
        }}
        onConfirm={() => change.mutate()}
        title={
          deactivated ? `Reactivate ${user.name || user.email}?` : `Deactivate ${user.name || user.email}?`
        }
        confirmLabel={deactivated ? 'Reactivate' : 'Deactivate'}
        danger={!deactivated}
        pending={change.isPending}
        error={change.error ? describeError(change.error) : null}
      >
        <p>
          {deactivated
            ? 'They’ll be able to sign in again with their existing password or an email link.'
            : 'They’ll be signed out on every device straight away and won’t be able to sign in until reactivated.'}
        </p>
      </ConfirmDialog>
    </Card>
  );
}
