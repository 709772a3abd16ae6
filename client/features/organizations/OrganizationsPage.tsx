import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMe } from '../../app/me.tsx';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { TextField } from '../../components/Field.tsx';
import { Icon } from '../../components/Icon.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SkeletonCard } from '../../components/Spinner.tsx';
import { kindLabel } from '../../lib/format.ts';
import { useTenants } from '../../lib/queries.ts';
import type { TenantView } from '../../lib/types.ts';
import { CreateOrganizationDialog } from './CreateOrganizationDialog.tsx';

interface TreeNode {
  tenant: TenantView;
  children: TreeNode[];
}

function buildTree(tenants: TenantView[]): TreeNode[] {
  const ids = new Set(tenants.map((tenant) => tenant.id));
  const nodes = new Map(tenants.map((tenant) => [tenant.id, { tenant, children: [] as TreeNode[] }]));
  const roots: TreeNode[] = [];
  for (const node of nodes.values()) {
    const parentId = node.tenant.parentId;
    const parent = parentId !== null && ids.has(parentId) ? nodes.get(parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const order = { platform: 0, partner: 1, client: 2 } as const;
  const sort = (list: TreeNode[]) => {
    list.sort(
      (a, b) => order[a.tenant.kind] - order[b.tenant.kind] || a.tenant.name.localeCompare(b.tenant.name),
    );
    for (const node of list) sort(node.children);
  };
  sort(roots);
  return roots;
}

export default function OrganizationsPage() {
  const me = useMe();
  const tenants = useTenants();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState('');
  const parents = (tenants.data ?? []).filter((tenant) => tenant.abilities.createClientOrg);
  const canCreate = me.abilities.manageOrganizations && parents.length > 0;
  const createOpen = params.get('create') === '1';

  const setCreateOpen = (open: boolean) => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (open) next.set('create', '1');
        else next.delete('create');
        return next;
      },
      { replace: true },
    );
  };

  const term = search.trim().toLowerCase();
  const list = tenants.data ?? [];
  const matches = term
    ? list.filter((tenant) => tenant.name.toLowerCase().includes(term) || tenant.slug.includes(term))
    : list;

  return (
    <>
      <PageHeader
        title="Organisations"
        description="The organisations you look after, and the ones below them."
        actions={
          canCreate ? (
            <Button variant="primary" icon="plus" onClick={() => setCreateOpen(true)}>
              New organisation
            </Button>
          ) : null
        }
      />
      <div className="stack">
        {list.length > 6 ? (
          <search className="filters" aria-label="Find an organisation">
            <TextField
              label="Find an organisation"
              type="search"
              placeholder="Name or short name"
              value={search}
              onChange={(event) => setSearch(event.target.value)}
              className="filter-search"
            />
          </search>
        ) : null}
        {tenants.isPending ? (
          <SkeletonCard lines={5} label="Loading organisations…" />
        ) : tenants.isError ? (
          <div className="card">
            <ErrorState error={tenants.error} onRetry={() => void tenants.refetch()} />
          </div>
        ) : matches.length === 0 ? (
          <div className="card">
            <EmptyState icon="building" title={term ? 'No organisation matches' : 'No organisations yet'}>
              {term ? 'Try another name.' : 'Organisations you create will appear here.'}
            </EmptyState>
          </div>
        ) : term ? (
          <div className="card">
            <ul className="org-tree">
              {matches.map((tenant) => (
                <li key={tenant.id}>
                  <OrgRow tenant={tenant} />
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <div className="card">
            <OrgTree nodes={buildTree(list)} />
          </div>
        )}
      </div>
      <CreateOrganizationDialog
        open={createOpen && canCreate}
        onClose={() => setCreateOpen(false)}
        parents={parents}
        defaultParentId={parents.find((tenant) => tenant.id === me.tenant.id)?.id}
      />
    </>
  );
}

function OrgTree({ nodes, nested = false }: { nodes: TreeNode[]; nested?: boolean }) {
  return (
    <ul className={nested ? 'org-tree org-tree-nested' : 'org-tree'}>
      {nodes.map((node) => (
        <li key={node.tenant.id}>
          <OrgRow tenant={node.tenant} childCount={node.children.length} />
          {node.children.length > 0 ? <OrgTree nodes={node.children} nested /> : null}
        </li>
      ))}
    </ul>
  );
}

function OrgRow({ tenant, childCount = 0 }: { tenant: TenantView; childCount?: number }) {
  return (
    <div className="org-row">
      <span className={`org-icon org-icon-${tenant.kind}`}>
        <Icon
          name={tenant.kind === 'client' ? 'building' : tenant.kind === 'partner' ? 'users' : 'globe'}
          size={18}
        />
      </span>
      <div className="org-row-text">
        <Link to={`/organizations/${tenant.id}`} className="row-link">
          {tenant.name}
        </Link>
        <span className="subtle">
          {kindLabel(tenant.kind)}
          {childCount > 0 ? ` · ${childCount} ${childCount === 1 ? 'organisation' : 'organisations'}` : ''}
          {tenant.customDomain ? ` · ${tenant.customDomain}` : ''}
        </span>
      </div>
      {tenant.active ? null : <Badge tone="warning">Inactive</Badge>}
      <Icon name="chevronRight" size={16} className="org-row-chevron" />
    </div>
  );
}
