/**
 * The ticket widgets of the caller's role, in the order the server lists them, with one loading
 * and one error state for the lot (they come from one request). Styles in widgets.css.
 */
import './widgets.css';
import { ErrorState } from '../../components/ErrorState.tsx';
import { SkeletonCard } from '../../components/Spinner.tsx';
import type { DashboardWidget, TicketDashboardData } from '../../lib/types.ts';
import { useTicketDashboard } from './api.ts';
import { ByOrgWidget, RecentUpdatesWidget, SlaComplianceWidget, VolumeWidget } from './InsightWidgets.tsx';
import {
  MyTicketsWidget,
  NearBreachWidget,
  OpenTicketsWidget,
  UnassignedWidget,
} from './TicketListWidgets.tsx';

function Widget({ name, data }: { name: DashboardWidget; data: TicketDashboardData }) {
  switch (name) {
    case 'open_tickets':
      return data.openTickets ? <OpenTicketsWidget data={data.openTickets} /> : null;
    case 'recent_updates':
      return data.recentUpdates ? <RecentUpdatesWidget data={data.recentUpdates} /> : null;
    case 'my_tickets':
      return data.myTickets ? <MyTicketsWidget data={data.myTickets} /> : null;
    case 'unassigned':
      return data.unassigned ? <UnassignedWidget data={data.unassigned} /> : null;
    case 'near_breach':
      return data.nearBreach ? <NearBreachWidget data={data.nearBreach} /> : null;
    case 'by_org':
      return data.byOrg ? <ByOrgWidget data={data.byOrg} /> : null;
    case 'volume':
      return data.volume ? <VolumeWidget data={data.volume} /> : null;
    case 'sla_compliance':
      return data.slaCompliance ? <SlaComplianceWidget data={data.slaCompliance} /> : null;
    default:
      // A widget this client does not know yet (a newer server): skipped.
      return null;
  }
}

export function TicketWidgets() {
  const dashboard = useTicketDashboard(true);
  if (dashboard.isPending) {
    return (
      <div className="widget-grid">
        <SkeletonCard lines={3} label="Loading your tickets…" />
        <SkeletonCard lines={3} />
      </div>
    );
  }
  if (dashboard.isError && !dashboard.data) {
    return (
      <div className="card">
        <ErrorState
          error={dashboard.error}
          onRetry={() => void dashboard.refetch()}
          title="Your tickets couldn’t be loaded"
        />
      </div>
    );
  }
  const data = dashboard.data;
  if (data.widgets.length === 0) return null;
  return (
    <div className="widget-grid">
      {data.widgets.map((name) => (
        <Widget key={name} name={name} data={data} />
      ))}
    </div>
  );
}
