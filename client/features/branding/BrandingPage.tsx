import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMe } from '../../app/me.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { SelectField } from '../../components/Field.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SkeletonCard } from '../../components/Spinner.tsx';
import { api } from '../../lib/api.ts';
import { kindLabel } from '../../lib/format.ts';
import { queryKeys, tenantTree, useTenant, useTenants } from '../../lib/queries.ts';
import type { TenantDetail, TenantView } from '../../lib/types.ts';
import { BrandingEditor } from './BrandingEditor.tsx';
import { inheritedBranding } from './brandingDraft.ts';

/** The Branding page: pick an organisation you may brand (from `?tenant=`), then edit its branding. */
export default function BrandingPage() {
  const me = useMe();
  const tenants = useTenants();
  const [params, setParams] = useSearchParams();
  const brandable = (tenants.data ?? []).filter((tenant) => tenant.abilities.configureBranding);
  const requested = params.get('tenant');
  const selected =
    brandable.find((tenant) => tenant.id === requested) ??
    brandable.find((tenant) => tenant.id === me.tenant.id) ??
    tenantTree(brandable)[0]?.tenant;

  return (
    <>
      <PageHeader
        title="Branding"
        description="Your name, logo and colours on the portal and its sign-in page. Organisations below inherit anything they don’t set themselves."
      />
      {tenants.isPending ? (
        <SkeletonCard lines={4} label="Loading…" />
      ) : tenants.isError ? (
        <div className="card">
          <ErrorState error={tenants.error} onRetry={() => void tenants.refetch()} />
        </div>
      ) : !selected ? (
        <div className="card">
          <EmptyState icon="palette" title="There’s nothing you can brand">
            Branding is managed by the organisation above yours.
          </EmptyState>
        </div>
      ) : (
        <div className="stack-l">
          {brandable.length > 1 ? (
            <div className="card card-padded">
              <SelectField
                label="Organisation"
                value={selected.id}
                onChange={(event) => setParams({ tenant: event.target.value }, { replace: true })}
                options={tenantTree(brandable).map(({ tenant, depth }) => ({
                  value: tenant.id,
                  label: `${'\u2003'.repeat(depth)}${tenant.name} (${kindLabel(tenant.kind)})`,
                }))}
              />
            </div>
          ) : null}
          <TenantBranding
            tenant={selected}
            parent={(tenants.data ?? []).find((t) => t.id === selected.parentId)}
          />
        </div>
      )}
    </>
  );
}

/** Loads a tenant's own and inherited branding and hands them to a fresh editor after each save. */
function TenantBranding({ tenant, parent }: { tenant: TenantView; parent: TenantView | undefined }) {
  const detail = useTenant(tenant.id);
  // Bumped after each save so the editor starts again from the saved values. (Not keyed on the
  // query's update time: a background refetch must never throw away someone's unsaved draft.)
  const [version, setVersion] = useState(0);
  // The parent's effective branding is what "inherit" would give; a partner may not be able to read
  // the platform tenant, which is fine (see inheritedBranding).
  const parentDetail = useQuery({
    queryKey: queryKeys.tenant(tenant.parentId ?? ''),
    queryFn: () => api<TenantDetail>('GET', `/api/tenants/${encodeURIComponent(tenant.parentId ?? '')}`),
    enabled: Boolean(tenant.parentId) && Boolean(parent),
    retry: false,
  });

  if (detail.isPending || (parent && parentDetail.isPending))
    return <SkeletonCard lines={6} label="Loading branding…" />;
  if (detail.isError) {
    return (
      <div className="card">
        <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
      </div>
    );
  }
  const inherited = inheritedBranding(
    detail.data.branding,
    detail.data.effectiveBranding,
    parentDetail.data?.effectiveBranding ?? null,
  );
  return (
    <BrandingEditor
      key={`${tenant.id}:${version}`}
      tenant={tenant}
      onSaved={() => setVersion((current) => current + 1)}
      own={detail.data.branding}
      inherited={inherited}
      inheritLabel={parent ? `Same as ${parent.name}` : 'Use the default'}
    />
  );
}
