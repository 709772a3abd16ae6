import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useMe } from '../../app/me.tsx';
import { Avatar } from '../../components/Avatar.tsx';
import { Badge, StatusBadge } from '../../components/Badge.tsx';
import { ButtonLink } from '../../components/Button.tsx';
import { Card } from '../../components/Card.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Icon, type IconName } from '../../components/Icon.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Skeleton, SkeletonCard } from '../../components/Spinner.tsx';
import { api } from '../../lib/api.ts';
import { kindLabel, roleLabel, statusLabel } from '../../lib/format.ts';
import type { DashboardData, Me } from '../../lib/types.ts';
import '../../styles/tickets.css';
import { TicketWidgets } from './TicketWidgets.tsx';

function greeting(now = new Date()): string {
  const hour = now.getHours();
  if (hour < 5) return 'Good evening';
  if (hour < 12) return 'Good morning';
  if (hour < 18) return 'Good afternoon';
  return 'Good evening';
}

export default function DashboardPage() {
  const me = useMe();
  const dashboard = useQuery({
    queryKey: ['dashboard'],
    queryFn: () => api<DashboardData>('GET', '/api/dashboard'),
  });
  const firstName = me.user.name.trim().split(/\s+/)[0] || me.user.email;
  const canSeeUsers = me.navigation.includes('users');
  const canSeeOrgs = me.navigation.includes('organizations');
  const usesTickets = me.navigation.includes('tickets');

  return (
    <>
      <PageHeader
        title={`${greeting()}, ${firstName}`}
        description={`${roleLabel(me.user.role)} at ${me.tenant.name}`}
      />
      <div className="stack-l">
        <QuickActions me={me} />
        {usesTickets ? <TicketWidgets /> : null}
        {dashboard.isPending ? (
          <DashboardSkeleton />
        ) : dashboard.isError ? (
          <div className="card">
            <ErrorState error={dashboard.error} onRetry={() => void dashboard.refetch()} />
          </div>
        ) : (
          <>
            <Stats data={dashboard.data} />
            <div className="dashboard-grid">
              <OrganizationCard data={dashboard.data} />
              <PeopleCard data={dashboard.data} linkToUsers={canSeeUsers} />
              {dashboard.data.childOrganizations.length > 0 ||
              dashboard.data.counts.childOrganizations > 0 ? (
                <ChildOrganizationsCard data={dashboard.data} linkToOrgs={canSeeOrgs} />
              ) : null}
            </div>
          </>
        )}
      </div>
    </>
  );
}

function QuickActions({ me }: { me: Me }) {
  const actions: { to: string; label: string; icon: IconName }[] = [];
  if (me.navigation.includes('tickets'))
    actions.push({ to: '/tickets/new', label: 'New ticket', icon: 'ticket' });
  if (me.abilities.manageUsers)
    actions.push({ to: '/users?invite=1', label: 'Invite someone', icon: 'plus' });
  if (me.abilities.manageOrganizations)
    actions.push({ to: '/organizations?create=1', label: 'New organisation', icon: 'building' });
  if (me.abilities.configureBranding)
    actions.push({ to: '/branding', label: 'Edit branding', icon: 'palette' });
  if (me.abilities.readOutbox) actions.push({ to: '/outbox', label: 'Open the outbox', icon: 'inbox' });
  if (me.abilities.viewAuditLog) actions.push({ to: '/audit', label: 'Audit log', icon: 'history' });

  return (
    <>
      {!me.user.twoFactorEnabled && me.navigation.includes('security') ? (
        <div className="callout">
          <Icon name="shield" size={20} className="callout-icon" />
          <div className="callout-body">
            <p className="callout-title">Protect your account with two-factor authentication</p>
            <p className="muted">
              A code from your phone keeps your account safe even if your password leaks.
            </p>
          </div>
          <ButtonLink to="/security" size="s">
            Set it up
          </ButtonLink>
        </div>
      ) : null}
      {actions.length > 0 ? (
        <nav aria-label="Quick actions">
          <ul className="quick-actions">
            {actions.map((action) => (
              <li key={action.to}>
                <Link to={action.to} className="quick-action">
                  <span className="quick-action-icon">
                    <Icon name={action.icon} size={18} />
                  </span>
                  {action.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </>
  );
}

function Stats({ data }: { data: DashboardData }) {
  const stats = [
    { label: `People in ${data.organization.name}`, value: data.counts.people },
    ...(data.counts.childOrganizations > 0 || data.organization.kind !== 'client'
      ? [{ label: 'Organisations below yours', value: data.counts.childOrganizations }]
      : []),
    ...(data.counts.users !== data.counts.people
      ? [{ label: 'People you can see', value: data.counts.users }]
      : []),
  ];
  return (
    <dl className="stats">
      {stats.map((stat) => (
        <div key={stat.label} className="stat">
          <dt className="stat-label">{stat.label}</dt>
          <dd className="stat-value">{stat.value.toLocaleString()}</dd>
        </div>
      ))}
    </dl>
  );
}

function OrganizationCard({ data }: { data: DashboardData }) {
  const org = data.organization;
  return (
    <Card title="Your organisation" id="dash-org">
      <div className="org-summary">
        <span className="org-summary-icon">
          <Icon name="building" size={22} />
        </span>
        <div>
          <p className="org-summary-name">{org.name}</p>
          <p className="muted">
            {kindLabel(org.kind)}
            {org.parentName ? ` · part of ${org.parentName}` : ''}
          </p>
        </div>
      </div>
    </Card>
  );
}

function PeopleCard({ data, linkToUsers }: { data: DashboardData; linkToUsers: boolean }) {
  const shown = data.people.slice(0, 8);
  return (
    <Card
      title="People"
      id="dash-people"
      description={`${data.counts.people} in ${data.organization.name}`}
      actions={
        linkToUsers ? (
          <Link to="/users" className="card-link">
            View all
          </Link>
        ) : null
      }
      flush
    >
      {shown.length === 0 ? (
        <EmptyState icon="users" title="No one here yet">
          People invited to {data.organization.name} will appear here.
        </EmptyState>
      ) : (
        <ul className="list">
          {shown.map((person) => (
            <li key={person.id} className="list-item">
              <Avatar name={person.name || person.email} />
              <div className="list-item-text">
                {linkToUsers ? (
                  <Link to={`/users/${person.id}`} className="list-item-title">
                    {person.name || person.email}
                  </Link>
                ) : (
                  <span className="list-item-title">{person.name || person.email}</span>
                )}
                <span className="list-item-meta">{roleLabel(person.role)}</span>
              </div>
              {person.status !== 'active' ? (
                <StatusBadge status={person.status} label={statusLabel(person.status)} />
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function ChildOrganizationsCard({ data, linkToOrgs }: { data: DashboardData; linkToOrgs: boolean }) {
  return (
    <Card
      title="Organisations"
      id="dash-orgs"
      description={`${data.counts.childOrganizations} below ${data.organization.name}`}
      actions={
        linkToOrgs ? (
          <Link to="/organizations" className="card-link">
            View all
          </Link>
        ) : null
      }
      flush
    >
      {data.childOrganizations.length === 0 ? (
        <EmptyState icon="building" title="No organisations yet">
          Client organisations you add will appear here.
        </EmptyState>
      ) : (
        <ul className="list">
          {data.childOrganizations.map((org) => (
            <li key={org.id} className="list-item">
              <span className="list-item-icon">
                <Icon name="building" size={18} />
              </span>
              <div className="list-item-text">
                {linkToOrgs ? (
                  <Link to={`/organizations/${org.id}`} className="list-item-title">
                    {org.name}
                  </Link>
                ) : (
                  <span className="list-item-title">{org.name}</span>
                )}
                <span className="list-item-meta">{kindLabel(org.kind)}</span>
              </div>
              <Badge>
                {org.people} {org.people === 1 ? 'person' : 'people'}
              </Badge>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function DashboardSkeleton() {
  return (
    <>
      <div className="stats" aria-hidden>
        {[0, 1, 2].map((i) => (
          <div key={i} className="stat">
            <Skeleton width="60%" />
            <Skeleton width={48} height={28} />
          </div>
        ))}
      </div>
      <div className="dashboard-grid">
        <SkeletonCard lines={2} label="Loading your dashboard…" />
        <SkeletonCard lines={4} />
      </div>
    </>
  );
}
