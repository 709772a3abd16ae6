import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMe } from '../../app/me.tsx';
import { useToast } from '../../app/toast.tsx';
import { FormError } from '../../components/Alert.tsx';
import { Avatar } from '../../components/Avatar.tsx';
import { Badge, StatusBadge } from '../../components/Badge.tsx';
import { Button, ButtonLink } from '../../components/Button.tsx';
import { Card } from '../../components/Card.tsx';
import { ConfirmDialog } from '../../components/Dialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { TextField } from '../../components/Field.tsx';
import { Icon } from '../../components/Icon.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Skeleton, SkeletonCard } from '../../components/Spinner.tsx';
import { api } from '../../lib/api.ts';
import { describeError, fieldErrors } from '../../lib/errors.ts';
import { domainStatusLabel, formatDate, kindLabel, roleLabel, statusLabel } from '../../lib/format.ts';
import { queryKeys, useTenant, useTenants, useUsers } from '../../lib/queries.ts';
import type { TenantDetail, TenantView } from '../../lib/types.ts';
import { InviteUserDialog } from '../users/InviteUserDialog.tsx';

export default function OrganizationDetailPage() {
  const { id } = useParams();
  const detail = useTenant(id);
  const back = { to: '/organizations', label: 'Organisations' };

  if (detail.isPending) {
    return (
      <>
        <PageHeader title="Organisation" back={back} />
        <SkeletonCard lines={4} label="Loading organisation…" />
      </>
    );
  }
  if (detail.isError) {
    return (
      <>
        <PageHeader title="Organisation" back={back} />
        <div className="card">
          <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
        </div>
      </>
    );
  }
  return <OrganizationDetail key={detail.data.tenant.id} tenant={detail.data.tenant} />;
}

/** After a change, refresh every view that shows tenants. */
function useTenantUpdated() {
  const queryClient = useQueryClient();
  return (tenant: TenantView) => {
    queryClient.setQueryData<TenantDetail>(queryKeys.tenant(tenant.id), (current) =>
      current ? { ...current, tenant } : current,
    );
    void queryClient.invalidateQueries({ queryKey: queryKeys.tenants });
    void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
  };
}

function OrganizationDetail({ tenant }: { tenant: TenantView }) {
  const me = useMe();
  const tenants = useTenants();
  const [inviting, setInviting] = useState(false);
  const all = tenants.data ?? [];
  const parent = all.find((candidate) => candidate.id === tenant.parentId);
  const children = all.filter((candidate) => candidate.parentId === tenant.id);
  const { abilities } = tenant;

  return (
    <>
      <PageHeader
        title={tenant.name}
        back={{ to: '/organizations', label: 'Organisations' }}
        meta={
          <span className="row">
            <Badge>{kindLabel(tenant.kind)}</Badge>
            {tenant.active ? null : <Badge tone="warning">Inactive</Badge>}
          </span>
        }
        actions={
          <>
            {abilities.configureBranding ? (
              <ButtonLink to={`/branding?tenant=${encodeURIComponent(tenant.id)}`} icon="palette">
                Branding
              </ButtonLink>
            ) : null}
            {abilities.manageUsers ? (
              <Button variant="primary" icon="plus" onClick={() => setInviting(true)}>
                Invite someone
              </Button>
            ) : null}
          </>
        }
      />
      <div className="detail-grid">
        <div className="stack-l">
          <PeopleCard tenant={tenant} />
          {children.length > 0 ? (
            <Card title="Organisations below" id="org-children" flush>
              <ul className="list">
                {children.map((child) => (
                  <li key={child.id} className="list-item">
                    <span className="list-item-icon">
                      <Icon name="building" size={18} />
                    </span>
                    <div className="list-item-text">
                      <Link to={`/organizations/${child.id}`} className="list-item-title">
                        {child.name}
                      </Link>
                      <span className="list-item-meta">{kindLabel(child.kind)}</span>
                    </div>
                    {child.active ? null : <Badge tone="warning">Inactive</Badge>}
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
        </div>
        <div className="stack-l">
          <DetailsCard tenant={tenant} parent={parent} />
          {abilities.requestDomain || abilities.verifyDomain || tenant.customDomain ? (
            <DomainCard tenant={tenant} />
          ) : null}
          {abilities.update && tenant.kind !== 'platform' ? <StatusCard tenant={tenant} /> : null}
        </div>
      </div>
      <InviteUserDialog
        open={inviting && me.abilities.manageUsers}
        onClose={() => setInviting(false)}
        tenants={all.filter((candidate) => candidate.abilities.manageUsers)}
        defaultTenantId={tenant.id}
      />
    </>
  );
}

function PeopleCard({ tenant }: { tenant: TenantView }) {
  const users = useUsers({ tenantId: tenant.id });
  return (
    <Card
      title="People"
      id="org-people"
      description={
        users.data ? `${users.data.length} ${users.data.length === 1 ? 'person' : 'people'}` : undefined
      }
      flush
    >
      {users.isPending ? (
        <div className="card-body stack-s" role="status" aria-busy="true">
          <span className="visually-hidden">Loading people…</span>
          <Skeleton width="60%" />
          <Skeleton width="45%" />
        </div>
      ) : users.isError ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} />
      ) : users.data.length === 0 ? (
        <EmptyState icon="users" title="No one here yet">
          People invited to {tenant.name} will appear here.
        </EmptyState>
      ) : (
        <ul className="list">
          {users.data.map((user) => (
            <li key={user.id} className="list-item">
              <Avatar name={user.name || user.email} />
              <div className="list-item-text">
                <Link to={`/users/${user.id}`} className="list-item-title">
                  {user.name || user.email}
                </Link>
                <span className="list-item-meta">
                  {roleLabel(user.role)} · {user.email}
                </span>
              </div>
              {user.status === 'active' ? null : (
                <StatusBadge status={user.status} label={statusLabel(user.status)} />
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function DetailsCard({ tenant, parent }: { tenant: TenantView; parent: TenantView | undefined }) {
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

// HTML compiles `pattern` with the regex `v` flag, where a literal "-" in a class must be escaped.
const DOMAIN_PATTERN = '([a-zA-Z0-9]([a-zA-Z0-9\\-]{0,61}[a-zA-Z0-9])?\\.)+[a-zA-Z]{2,63}';

function DomainCard({ tenant }: { tenant: TenantView }) {
  const toast = useToast();
  const updated = useTenantUpdated();
  const [domain, setDomain] = useState('');
  const request = useMutation({
    mutationFn: () =>
      api<{ tenant: TenantView }>('POST', `/api/tenants/${encodeURIComponent(tenant.id)}/domain`, {
        domain: domain.trim().toLowerCase(),
      }),
    onSuccess: ({ tenant: saved }) => {
      updated(saved);
      setDomain('');
      toast(saved.customDomainStatus === 'verified' ? 'Custom domain verified' : 'Custom domain requested');
    },
  });
  const verify = useMutation({
    mutationFn: () =>
      api<{ tenant: TenantView }>('POST', `/api/tenants/${encodeURIComponent(tenant.id)}/domain/verify`),
    onSuccess: ({ tenant: saved }) => {
      updated(saved);
      toast('Custom domain verified');
    },
  });
  const errors = fieldErrors(request.error);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!event.currentTarget.reportValidity()) return;
    request.mutate();
  };
  const tone =
    tenant.customDomainStatus === 'verified'
      ? 'success'
      : tenant.customDomainStatus === 'requested'
        ? 'info'
        : 'neutral';

  return (
    <Card
      title="Custom domain"
      id="org-domain"
      description="People can reach this organisation’s portal on its own web address."
    >
      <div className="stack">
        {tenant.customDomain ? (
          <div className="row-between">
            <span className="mono">{tenant.customDomain}</span>
            <Badge tone={tone}>{domainStatusLabel(tenant.customDomainStatus)}</Badge>
          </div>
        ) : (
          <p className="muted">No custom domain yet.</p>
        )}
        {tenant.customDomainStatus === 'requested' && tenant.abilities.verifyDomain ? (
          <div className="stack-s">
            <FormError message={verify.error ? describeError(verify.error) : null} />
            <div className="row">
              <Button
                variant="primary"
                icon="check"
                onClick={() => verify.mutate()}
                pending={verify.isPending}
              >
                Mark as verified
              </Button>
            </div>
          </div>
        ) : null}
        {/* Whoever may verify sets a domain directly (verified at once); a requester asks for one. */}
        {tenant.abilities.requestDomain || tenant.abilities.verifyDomain ? (
          <form className="stack" onSubmit={submit}>
            <TextField
              label={tenant.customDomain ? 'Change domain' : 'Domain'}
              name="domain"
              inputMode="url"
              autoCapitalize="off"
              spellCheck={false}
              placeholder="portal.example.com"
              pattern={DOMAIN_PATTERN}
              required
              hint={
                tenant.abilities.verifyDomain
                  ? 'Point the domain at this portal first; it is active as soon as you save it.'
                  : 'Point the domain at this portal, then request it. The platform team verifies it.'
              }
              value={domain}
              error={errors.domain}
              onChange={(event) => setDomain(event.target.value)}
            />
            <FormError message={request.error && !errors.domain ? describeError(request.error) : null} />
            <div className="row">
              <Button type="submit" pending={request.isPending}>
                {tenant.abilities.verifyDomain ? 'Save domain' : 'Request domain'}
              </Button>
            </div>
          </form>
        ) : null}
      </div>
    </Card>
  );
}

function StatusCard({ tenant }: { tenant: TenantView }) {
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
