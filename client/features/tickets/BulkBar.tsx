/**
 * The bulk action bar of the ticket list: "3 selected — Status ▾ Assignee ▾ Priority ▾ Apply".
 * It sticks to the bottom of the list (above the tab bar on phones) while tickets are selected.
 * Each ticket is changed on its own server-side, so the bar reports per ticket: those that
 * changed leave the selection, those that did not stay selected with the reason beside them.
 */
import { useState } from 'react';
import { useMe } from '../../app/me.tsx';
import { useToast } from '../../app/toast.tsx';
import { FormError } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { SelectField } from '../../components/Field.tsx';
import { describeError } from '../../lib/errors.ts';
import { TICKET_PRIORITIES, TICKET_STATUSES, type Ticket } from '../../lib/types.ts';
import { type BulkChanges, type BulkResult, useAssignees, useBulkUpdateTickets } from './api.ts';
import { type Audience, priorityLabel, ticketStatusLabel } from './words.ts';

/** The assignee select's value for "unassign" (a user id never looks like this). */
const UNASSIGN = '-';

interface BulkBarProps {
  selected: readonly Ticket[];
  audience: Audience;
  /** Replaces the selection (with the tickets that failed, after an apply). */
  onSelect: (ids: ReadonlySet<string>) => void;
}

/** Why a ticket was not changed, in words (an invisible ticket says no more than "not found"). */
function failureReason(result: BulkResult): string {
  if (result.error === 'not_found') return 'Not found, or no longer visible to you.';
  return result.message ?? 'It could not be changed.';
}

export function BulkBar({ selected, audience, onSelect }: BulkBarProps) {
  const me = useMe();
  const toast = useToast();
  const bulk = useBulkUpdateTickets();
  const [status, setStatus] = useState('');
  const [priority, setPriority] = useState('');
  const [assignee, setAssignee] = useState('');
  const [failures, setFailures] = useState<{ key: string; reason: string }[]>([]);

  // People are assignable per organisation: offer names only when every ticket shares one.
  const orgIds = new Set(selected.map((ticket) => ticket.org.id));
  const singleOrg = orgIds.size === 1 ? [...orgIds][0] : undefined;
  const people = useAssignees(singleOrg ?? '', singleOrg !== undefined).data ?? [];

  const changes: BulkChanges = {};
  if (status) changes.status = status as Ticket['status'];
  if (priority) changes.priority = priority as Ticket['priority'];
  if (assignee) changes.assigneeId = assignee === UNASSIGN ? null : assignee;
  const hasChanges = Object.keys(changes).length > 0;
  const count = selected.length;

  const apply = () => {
    setFailures([]);
    bulk.mutate(
      { ids: selected.map((ticket) => ticket.id), changes },
      {
        onSuccess: ({ results }) => {
          const failed = results.filter((result) => !result.ok);
          const changed = results.length - failed.length;
          const keyOf = (id: string) => selected.find((ticket) => ticket.id === id)?.key ?? id;
          setFailures(failed.map((result) => ({ key: keyOf(result.id), reason: failureReason(result) })));
          if (changed > 0) toast(`Updated ${changed} ${changed === 1 ? 'ticket' : 'tickets'}.`, 'success');
          onSelect(new Set(failed.map((result) => result.id)));
          if (failed.length === 0) {
            setStatus('');
            setPriority('');
            setAssignee('');
          }
        },
      },
    );
  };

  const assigneeOptions = [
    { value: '', label: 'Assignee' },
    { value: UNASSIGN, label: 'Unassigned' },
    ...(people.some((person) => person.id === me.user.id) || singleOrg === undefined
      ? [{ value: me.user.id, label: 'Me' }]
      : []),
    ...people
      .filter((person) => person.id !== me.user.id)
      .map((person) => ({ value: person.id, label: person.name })),
  ];

  // Mounted for as long as the list offers bulk changes; shown while there is a selection or a report.
  if (count === 0 && failures.length === 0) return null;

  return (
    <section className="bulk-bar" aria-label="Change selected tickets">
      <form
        className="bulk-bar-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (hasChanges && count > 0) apply();
        }}
      >
        <p className="bulk-bar-count">
          <strong>{count}</strong> selected
        </p>
        {/* Each select's first option ("Status", …) keeps the field as it is on every ticket. */}
        <SelectField
          label="Set status"
          hideLabel
          className="bulk-bar-field"
          value={status}
          onChange={(event) => setStatus(event.target.value)}
          options={[
            { value: '', label: 'Status' },
            ...TICKET_STATUSES.map((value) => ({ value, label: ticketStatusLabel(value, audience) })),
          ]}
        />
        <SelectField
          label="Set assignee"
          hideLabel
          className="bulk-bar-field"
          value={assignee}
          onChange={(event) => setAssignee(event.target.value)}
          options={assigneeOptions}
        />
        <SelectField
          label="Set priority"
          hideLabel
          className="bulk-bar-field"
          value={priority}
          onChange={(event) => setPriority(event.target.value)}
          options={[
            { value: '', label: 'Priority' },
            ...TICKET_PRIORITIES.map((value) => ({ value, label: priorityLabel(value) })),
          ]}
        />
        <div className="bulk-bar-actions">
          <Button
            type="submit"
            variant="primary"
            pending={bulk.isPending}
            disabled={!hasChanges || count === 0}
          >
            Apply
          </Button>
          <Button variant="ghost" onClick={() => onSelect(new Set())}>
            Clear selection
          </Button>
        </div>
      </form>
      <FormError message={bulk.isError ? `Nothing was changed: ${describeError(bulk.error)}` : null} />
      <div role="status" aria-live="polite">
        {failures.length > 0 ? (
          <div className="bulk-bar-failures">
            <p>
              {failures.length} {failures.length === 1 ? 'ticket was' : 'tickets were'} not changed (still
              selected):
            </p>
            <ul>
              {failures.map((failure) => (
                <li key={failure.key}>
                  <span className="ticket-key">{failure.key}</span> {failure.reason}
                </li>
              ))}
            </ul>
            <Button size="s" variant="ghost" onClick={() => setFailures([])}>
              Dismiss report
            </Button>
          </div>
        ) : null}
      </div>
    </section>
  );
}

/** "Select all on this page": checked when all are, mixed when some are. */
export function SelectAllTickets({
  selectable,
  selectedCount,
  onChange,
}: {
  selectable: number;
  selectedCount: number;
  onChange: (all: boolean) => void;
}) {
  const all = selectable > 0 && selectedCount === selectable;
  return (
    <div className="checkbox bulk-select-all">
      <input
        id="tickets-select-all"
        type="checkbox"
        checked={all}
        // A mixed state cannot be set from markup; the ref keeps it in step on every render.
        ref={(input) => {
          if (input) input.indeterminate = selectedCount > 0 && !all;
        }}
        onChange={() => onChange(!all)}
      />
      <label htmlFor="tickets-select-all">Select all {selectable} on this page</label>
    </div>
  );
}
