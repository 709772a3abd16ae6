import { Link } from 'react-router';
import { useMe } from '../../app/me.tsx';
import { Avatar } from '../../components/Avatar.tsx';
import { Badge, StatusBadge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { type Column, DataTable } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SkeletonCard } from '../../components/Spinner.tsx';
import { useSearchParamFilters } from '../../components/useSearchParamFilters.ts';
import { formatDate, roleLabel, statusLabel } from '../../lib/format.ts';
import { tenantTree, useTenants, useUsers } from '../../lib/queries.ts';
import { ROLES, USER_STATUSES, type UserView } from '../../lib/types.ts';
import { InviteUserDialog } from './InviteUserDialog.tsx';

const FILTER_KEYS = ['tenantId', 'role', 'status', 'q'] as const;

export default function UsersPage() {
  const me = useMe();
  const { params, filters, setParam, search, setSearch, bindSelect, clear } =
    useSearchParamFilters(FILTER_KEYS);
  const tenants = useTenants();
  const users = useUsers(filters);
  const inviteOpen = params.get('invite') === '1';

  const tenantList = tenants.data ?? [];
  const invitable = tenantList.filter((tenant) => tenant.abilities.manageUsers);
  const canInvite = me.abilities.manageUsers && invitable.length > 0;
  const showOrgColumn = tenantList.length > 1;
  const filtered = FILTER_KEYS.some((key) => filters[key]);

  const columns: Column<UserView>[] = [
    {
      key: 'name',
      header: 'Name',
      primary: true,
      render: (user) => (
        <span className="person-cell">
          <Avatar name={user.name || user.email} />
          <span className="person-text">
            <Link to={`/users/${user.id}`} className="row-link">
              {user.name || user.email}
            </Link>
            <span className="subtle">{user.email}</span>
          </span>
        </span>
      ),
    },
    { key: 'role', header: 'Role', render: (user) => roleLabel(user.role) },
    ...(showOrgColumn
      ? [
          {
            key: 'org',
            header: 'Organisation',
            render: (user: UserView) => user.tenantName,
          } satisfies Column<UserView>,
        ]
      : []),
    {
      key: 'status',
      header: 'Status',
      render: (user) => <StatusBadge status={user.status} label={statusLabel(user.status)} />,
    },
    {
      key: '2fa',
      header: 'Two-factor',
      hideOnPhone: true,
      render: (user) =>
        user.twoFactorEnabled ? <Badge tone="success">On</Badge> : <span className="subtle">Off</span>,
    },
    { key: 'created', header: 'Added', hideOnPhone: true, render: (user) => formatDate(user.createdAt) },
  ];

  return (
    <>
      <PageHeader
        title="People"
        description="The people you can see, and their roles and access."
        actions={
          canInvite ? (
            <Button variant="primary" icon="plus" onClick={() => setParam('invite', '1')}>
              Invite someone
            </Button>
          ) : null
        }
      />
      <div className="stack">
        <search className="filters" aria-label="Filter people">
          <TextField
            label="Search"
            type="search"
            placeholder="Search by name or email"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            className="filter-search"
          />
          {showOrgColumn ? (
            <SelectField
              label="Organisation"
              {...bindSelect('tenantId')}
              options={[
                { value: '', label: 'All organisations' },
                ...tenantTree(tenantList).map(({ tenant, depth }) => ({
                  value: tenant.id,
                  label: `${'\u2003'.repeat(depth)}${tenant.name}`,
                })),
              ]}
            />
          ) : null}
          <SelectField
            label="Role"
            {...bindSelect('role')}
            options={[
              { value: '', label: 'All roles' },
              ...ROLES.map((role) => ({ value: role, label: roleLabel(role) })),
            ]}
          />
          <SelectField
            label="Status"
            {...bindSelect('status')}
            options={[
              { value: '', label: 'Any status' },
              ...USER_STATUSES.map((status) => ({ value: status, label: statusLabel(status) })),
            ]}
          />
          {filtered ? (
            <Button variant="ghost" className="filter-clear" onClick={() => clear()}>
              Clear filters
            </Button>
          ) : null}
        </search>

        <div aria-live="polite" className="visually-hidden">
          {users.data ? `${users.data.length} ${users.data.length === 1 ? 'person' : 'people'} shown` : ''}
        </div>

        {users.isPending ? (
          <SkeletonCard lines={5} label="Loading people…" />
        ) : users.isError ? (
          <div className="card">
            <ErrorState error={users.error} onRetry={() => void users.refetch()} />
          </div>
        ) : users.data.length === 0 ? (
          <div className="card">
            {filtered ? (
              <EmptyState icon="search" title="No one matches these filters">
                Try a different search, or clear the filters.
              </EmptyState>
            ) : (
              <EmptyState
                icon="users"
                title="No people yet"
                action={
                  canInvite ? (
                    <Button variant="primary" icon="plus" onClick={() => setParam('invite', '1')}>
                      Invite someone
                    </Button>
                  ) : null
                }
              >
                People you invite will appear here.
              </EmptyState>
            )}
          </div>
        ) : (
          <div className={users.isFetching ? 'card is-refreshing' : 'card'}>
            <DataTable caption="People" columns={columns} rows={users.data} rowKey={(user) => user.id} />
          </div>
        )}
      </div>
      <InviteUserDialog
        open={inviteOpen && canInvite}
        onClose={() => setParam('invite', null)}
        tenants={invitable}
        defaultTenantId={filters.tenantId ?? me.tenant.id}
      />
    </>
  );
}
