/** "Available for new tickets": whether round-robin routing may assign the signed-in person. */
import { FormError } from '../../components/Alert.tsx';
import { Card } from '../../components/Card.tsx';
import { Checkbox } from '../../components/Field.tsx';
import { Skeleton } from '../../components/Spinner.tsx';
import { describeError } from '../../lib/errors.ts';
import { useAvailability, useSetAvailability } from './api.ts';

export function AvailabilityCard() {
  const availability = useAvailability();
  const change = useSetAvailability();
  return (
    <Card id="desk-availability" title="Your availability">
      {availability.isPending ? (
        <div role="status" aria-busy="true">
          <span className="visually-hidden">Loading your availability…</span>
          <Skeleton width="40%" />
        </div>
      ) : availability.isError ? (
        <FormError message={describeError(availability.error)} />
      ) : (
        <>
          <Checkbox
            label="Available for new tickets"
            hint="When on, round-robin rules can assign new tickets to you. Turn it off while you’re away."
            checked={change.isPending ? (change.variables ?? availability.data) : availability.data}
            disabled={change.isPending}
            onChange={(event) => change.mutate(event.target.checked)}
          />
          <FormError message={change.error ? describeError(change.error) : null} />
        </>
      )}
    </Card>
  );
}
