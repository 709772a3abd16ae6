/**
 * Status, priority, category and assignee, each shown as a control only when the ticket's
 * abilities allow it (and as plain text otherwise). Changes save at once, optimistically.
 */
import { useMe } from '../../app/me.tsx';
import { SelectField } from '../../components/Field.tsx';
import {
  TICKET_CATEGORIES,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  type Ticket,
  type TicketCategory,
  type TicketPriority,
  type TicketStatus,
} from '../../lib/types.ts';
import { useAssignees, useUpdateTicket } from './api.ts';
import { type Audience, categoryLabel, priorityLabel, ticketStatusLabel } from './words.ts';

/** The value always stays selectable, even one this list does not know (a newer server). */
function withCurrent<T extends string>(values: readonly T[], current: T): readonly T[] {
  return values.includes(current) ? values : [current, ...values];
}

export function TicketControls({ ticket, audience }: { ticket: Ticket; audience: Audience }) {
  const me = useMe();
  const { abilities } = ticket;
  const assignees = useAssignees(ticket.org.id, abilities.assign);
  const people = assignees.data ?? [];
  const update = useUpdateTicket(ticket.id, people);

  if (!abilities.update && !abilities.assign) return null;

  const assigneeOptions = [
    { value: '', label: 'Unassigned' },
    ...(ticket.assignee && !people.some((person) => person.id === ticket.assignee?.id)
      ? [{ value: ticket.assignee.id, label: ticket.assignee.name }]
      : []),
    ...people.map((person) => ({
      value: person.id,
      label: person.id === me.user.id ? `${person.name} (you)` : person.name,
    })),
  ];

  return (
    <section className="ticket-controls" aria-label="Manage ticket">
      {abilities.update ? (
        <>
          <SelectField
            label="Status"
            value={ticket.status}
            onChange={(event) => update.mutate({ status: event.target.value as TicketStatus })}
            options={withCurrent(TICKET_STATUSES, ticket.status).map((status) => ({
              value: status,
              label: ticketStatusLabel(status, audience),
            }))}
          />
          <SelectField
            label="Priority"
            value={ticket.priority}
            onChange={(event) => update.mutate({ priority: event.target.value as TicketPriority })}
            options={withCurrent(TICKET_PRIORITIES, ticket.priority).map((priority) => ({
              value: priority,
              label: priorityLabel(priority),
            }))}
          />
          <SelectField
            label="Category"
            value={ticket.category}
            onChange={(event) => update.mutate({ category: event.target.value as TicketCategory })}
            options={withCurrent(TICKET_CATEGORIES, ticket.category).map((category) => ({
              value: category,
              label: categoryLabel(category),
            }))}
          />
        </>
      ) : null}
      {abilities.assign ? (
        <SelectField
          label="Assignee"
          value={ticket.assignee?.id ?? ''}
          hint={assignees.isError ? 'The list of people couldn’t be loaded.' : undefined}
          onChange={(event) => update.mutate({ assigneeId: event.target.value || null })}
          options={assigneeOptions}
        />
      ) : null}
    </section>
  );
}
