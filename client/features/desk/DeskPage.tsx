/**
 * Desk settings (/desk): the signed-in person's availability for round-robin, the desk's routing
 * rules and its canned responses. What each section allows is the server's answer, not worked out
 * here: availability answers 403 for client roles (no desk at all), routing rules for people who
 * work a desk but don't configure it.
 */
import '../../styles/desk.css';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SkeletonCard } from '../../components/Spinner.tsx';
import { isApiError } from '../../lib/api.ts';
import { AvailabilityCard } from './AvailabilityCard.tsx';
import { useAvailability } from './api.ts';
import { CannedCard } from './CannedCard.tsx';
import { RoutingRulesCard } from './RoutingRulesCard.tsx';

export default function DeskPage() {
  const availability = useAvailability();
  return (
    <>
      <PageHeader
        title="Desk settings"
        description="How new tickets reach your team, and the replies you reuse."
      />
      {availability.isPending ? (
        <SkeletonCard label="Loading desk settings…" />
      ) : isApiError(availability.error, 'forbidden') ? (
        <ErrorState error={availability.error} title="Desk settings are for the service team" />
      ) : (
        <div className="stack-l">
          <AvailabilityCard />
          <RoutingRulesCard />
          <CannedCard />
        </div>
      )}
    </>
  );
}
