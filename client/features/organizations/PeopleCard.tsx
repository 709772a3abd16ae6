import { Link } from 'react-router';
import { Avatar } from '../../components/Avatar.tsx';
import { Badge, StatusBadge } from '../../components/Badge.tsx';
import { Card } from '../../components/Card.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Icon } from '../../components/Icon.tsx';
import { Skeleton } from '../../components/Spinner.tsx';
import { kindLabel, roleLabel, statusLabel } from '../../lib/format.ts';
import { useUsers } from '../../lib/queries.ts';
import type { TenantView } from '../../lib/types.ts';

/** The people who belong to an organisation, each linking to their user page. */
export function PeopleCard({ tenant }: { tenant: TenantView }) {
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

/** The organisations directly below this one, each linking to its own page; nothing when there are none. */
export function ChildOrganizationsCard({ organizations }: { organizations: TenantView[] }) {
  if (organizations.length === 0) return null;
  return (
    <Card title="Organisations below" id="org-children" flush>
      <ul className="list">
        {organizations.map((child) => (
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
  );
}
