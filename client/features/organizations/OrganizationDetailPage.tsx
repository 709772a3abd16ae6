import { useState } from 'react';
import { useParams } from 'react-router';
import { useMe } from '../../app/me.tsx';
import { Badge } from '../../components/Badge.tsx';
import { Button, ButtonLink } from '../../components/Button.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SkeletonCard } from '../../components/Spinner.tsx';
import { kindLabel } from '../../lib/format.ts';
import { useTenant, useTenants } from '../../lib/queries.ts';
import type { TenantView } from '../../lib/types.ts';
import { InviteUserDialog } from '../users/InviteUserDialog.tsx';
import { DetailsCard } from './DetailsCard.tsx';
import { DomainCard } from './DomainCard.tsx';
import { ChildOrganizationsCard, PeopleCard } from './PeopleCard.tsx';
import { ServiceSettingsCard } from './ServiceSettingsCard.tsx';
import { StatusCard } from './StatusCard.tsx';

/** One organisation's page: its people, the organisations below it, its details, domain and status. */
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

/** The loaded organisation, with the header actions (branding, invite) its abilities allow. */
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
          <ChildOrganizationsCard organizations={children} />
        </div>
        <div className="stack-l">
          <DetailsCard tenant={tenant} parent={parent} />
          {abilities.requestDomain || abilities.verifyDomain || tenant.customDomain ? (
            <DomainCard tenant={tenant} />
          ) : null}
          <ServiceSettingsCard tenant={tenant} />
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
