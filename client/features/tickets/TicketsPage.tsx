/**
 * The ticket list: filters in the URL (so a filtered view can be bookmarked and shared), a table
 * from 768 px and one card per ticket on phones, refreshed live when the server pushes
 * `tickets.changed` on the user's channel (client/collab/useUserChannel.ts).
 */
import '../../styles/tickets.css';
import '../../styles/ticket-tools.css';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { useMe } from '../../app/me.tsx';
import { Button, ButtonLink } from '../../components/Button.tsx';
import { type Column, DataTable } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { Icon } from '../../components/Icon.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SkeletonCard } from '../../components/Spinner.tsx';
import { useSearchParamFilters } from '../../components/useSearchParamFilters.ts';
import { formatDateTime, formatRelative } from '../../lib/format.ts';
import { TICKET_CATEGORIES, TICKET_PRIORITIES, TICKET_STATUSES, type Ticket } from '../../lib/types.ts';
import { useClientOrgs, useTickets } from './api.ts';
import { BulkBar, SelectAllTickets } from './BulkBar.tsx';
import { SavedFilters } from './SavedFilters.tsx';
import { PriorityBadge, TicketSlaBadge, TicketStatusBadge } from './TicketBadges.tsx';
import {
  type Audience,
  audienceOf,
  categoryLabel,
  parseStatusList,
  priorityLabel,
  ticketStatusLabel,
} from './words.ts';

const FILTER_KEYS = [
  'status',
  'priority',
  'category',
  'orgId',
  'assignee',
  'requester',
  'q',
  'sort',
] as const;

export default function TicketsPage() {
  const me = useMe();
  const audience = audienceOf(me.user.role);
  const { filters, setParam, search, setSearch, bindSelect, clear } = useSearchParamFilters(FILTER_KEYS);
  // Ids chosen for a bulk change; only those shown (and changeable) on the page count.
  const [selectedIds, setSelectedIds] = useState<ReadonlySet<string>>(new Set());
  const tickets = useTickets(filters);
  const orgs = useClientOrgs(audience === 'staff');
  const showOrg = (orgs.data?.length ?? 0) > 1;
  // Phones show search and status first; the other filters open on request (always shown on wider screens).
  const activeSelects = (['assignee', 'requester', 'priority', 'category', 'orgId', 'sort'] as const).filter(
    (key) => filters[key],
  ).length;
  const [moreFilters, setMoreFilters] = useState(activeSelects > 0);
  const selectsId = useId();
  const statuses = parseStatusList(filters.status ?? null, TICKET_STATUSES);
  const filtered = FILTER_KEYS.some((key) => key !== 'sort' && filters[key]);

  const toggleStatus = (status: string) => {
    const next = statuses.includes(status) ? statuses.filter((s) => s !== status) : [...statuses, status];
    setParam('status', TICKET_STATUSES.filter((s) => next.includes(s)).join(',') || null);
  };

  const selectable = audience === 'staff' ? (tickets.data ?? []).filter((t) => t.abilities.update) : [];
  const selected = selectable.filter((ticket) => selectedIds.has(ticket.id));
  const toggleSelected = (id: string) => {
    const next = new Set(selectedIds);
    if (!next.delete(id)) next.add(id);
    setSelectedIds(next);
  };
  const listColumns = ticketColumns(audience, showOrg);
  const columns =
    selectable.length > 0 ? [selectColumn(selectedIds, toggleSelected), ...listColumns] : listColumns;
  /** Applies a saved filter: its parameters replace the URL's, and the search box shows its `q`. */
  const applySaved = (query: Record<string, string>) => {
    clear(query);
    setSearch(query.q ?? '');
  };

  return (
    <>
      <PageHeader
        title="Tickets"
        description={
          audience === 'client'
            ? 'Your organisation’s requests and our replies.'
            : 'Every ticket you can work on, newest activity first.'
        }
        actions={
          <ButtonLink to="/tickets/new" variant="primary" icon="plus">
            New ticket
          </ButtonLink>
        }
      />
      <div className="stack">
        <search className="ticket-filters" aria-label="Filter tickets">
          <TextField
            label="Search"
            type="search"
            placeholder="Search by key, subject or description"
            maxLength={100}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            className="filter-search"
          />
          <fieldset className="chips">
            <legend className="field-label">Status</legend>
            <div className="chip-row">
              {TICKET_STATUSES.map((status) => (
                <button
                  key={status}
                  type="button"
                  className="chip"
                  aria-pressed={statuses.includes(status)}
                  onClick={() => toggleStatus(status)}
                >
                  {ticketStatusLabel(status, audience)}
                </button>
              ))}
            </div>
          </fieldset>
          <button
            type="button"
            className="btn btn-secondary btn-s filter-toggle"
            aria-expanded={moreFilters}
            aria-controls={selectsId}
            onClick={() => setMoreFilters((open) => !open)}
          >
            <Icon name="chevronDown" size={16} />
            {moreFilters
              ? 'Fewer filters'
              : activeSelects > 0
                ? `More filters (${activeSelects} on)`
                : 'More filters'}
          </button>
          <div
            id={selectsId}
            className={moreFilters ? 'ticket-filter-selects open' : 'ticket-filter-selects'}
          >
            {audience === 'staff' ? (
              <SelectField
                label="Assigned"
                {...bindSelect('assignee')}
                options={[
                  { value: '', label: 'Anyone' },
                  { value: 'me', label: 'Assigned to me' },
                  { value: 'none', label: 'Unassigned' },
                ]}
              />
            ) : (
              <SelectField
                label="Requested by"
                {...bindSelect('requester')}
                options={[
                  { value: '', label: 'Anyone' },
                  { value: 'me', label: 'Me' },
                ]}
              />
            )}
            <SelectField
              label="Priority"
              {...bindSelect('priority')}
              options={[
                { value: '', label: 'Any priority' },
                ...TICKET_PRIORITIES.map((priority) => ({ value: priority, label: priorityLabel(priority) })),
              ]}
            />
            <SelectField
              label="Category"
              {...bindSelect('category')}
              options={[
                { value: '', label: 'Any category' },
                ...TICKET_CATEGORIES.map((category) => ({ value: category, label: categoryLabel(category) })),
              ]}
            />
            {showOrg ? (
              <SelectField
                label="Organisation"
                {...bindSelect('orgId')}
                options={[
                  { value: '', label: 'All organisations' },
                  ...(orgs.data ?? []).map((org) => ({ value: org.id, label: org.name })),
                ]}
              />
            ) : null}
            <SelectField
              label="Sort by"
              {...bindSelect('sort', 'updated')}
              options={[
                { value: 'updated', label: 'Last updated' },
                { value: 'created', label: 'Newest' },
                { value: 'priority', label: 'Highest priority' },
              ]}
            />
          </div>
          {filtered ? (
            <Button
              variant="ghost"
              className="filter-clear"
              onClick={() => clear(filters.sort ? { sort: filters.sort } : {})}
            >
              Clear filters
            </Button>
          ) : null}
          <SavedFilters current={filters} onApply={applySaved} />
        </search>

        <div aria-live="polite" className="visually-hidden">
          {tickets.data
            ? `${tickets.data.length} ${tickets.data.length === 1 ? 'ticket' : 'tickets'} shown`
            : ''}
        </div>

        {tickets.isPending ? (
          <SkeletonCard lines={5} label="Loading tickets…" />
        ) : tickets.isError && !tickets.data ? (
          <div className="card">
            <ErrorState error={tickets.error} onRetry={() => void tickets.refetch()} />
          </div>
        ) : tickets.data.length === 0 ? (
          <div className="card">
            <NoTickets audience={audience} filtered={filtered} />
          </div>
        ) : (
          <div className={tickets.isFetching ? 'card is-refreshing' : 'card'}>
            {selectable.length > 0 ? (
              <SelectAllTickets
                selectable={selectable.length}
                selectedCount={selected.length}
                onChange={(all) => setSelectedIds(new Set(all ? selectable.map((t) => t.id) : []))}
              />
            ) : null}
            <DataTable
              caption="Tickets"
              columns={columns}
              rows={tickets.data}
              rowKey={(ticket) => ticket.id}
            />
          </div>
        )}
        {audience === 'staff' ? (
          <BulkBar selected={selected} audience={audience} onSelect={setSelectedIds} />
        ) : null}
      </div>
    </>
  );
}

/** The bulk-selection checkbox of each row the caller may change. */
function selectColumn(selectedIds: ReadonlySet<string>, toggle: (id: string) => void): Column<Ticket> {
  return {
    key: 'select',
    header: 'Select',
    render: (ticket) =>
      ticket.abilities.update ? (
        <input
          type="checkbox"
          className="row-check"
          aria-label={`Select ${ticket.key}`}
          checked={selectedIds.has(ticket.id)}
          onChange={() => toggle(ticket.id)}
        />
      ) : null,
  };
}

function ticketColumns(audience: Audience, showOrg: boolean): Column<Ticket>[] {
  return [
    {
      key: 'ticket',
      header: 'Ticket',
      primary: true,
      render: (ticket) => (
        <span className="ticket-cell">
          <span className="ticket-key">{ticket.key}</span>
          <Link to={`/tickets/${ticket.id}`} className="row-link">
            {ticket.subject}
          </Link>
        </span>
      ),
    },
    {
      key: 'status',
      header: 'Status',
      render: (ticket) => <TicketStatusBadge status={ticket.status} audience={audience} />,
    },
    { key: 'priority', header: 'Priority', render: (ticket) => <PriorityBadge priority={ticket.priority} /> },
    // The service side's SLA flag: near-breach and breached rows say so in words, with an icon.
    ...(audience === 'staff'
      ? [
          {
            key: 'sla',
            header: 'SLA',
            render: (t: Ticket) => <TicketSlaBadge ticket={t} />,
          } satisfies Column<Ticket>,
        ]
      : []),
    ...(showOrg
      ? [
          {
            key: 'org',
            header: 'Organisation',
            render: (ticket: Ticket) => ticket.org.name,
          } satisfies Column<Ticket>,
        ]
      : []),
    ...(audience === 'staff'
      ? [
          {
            key: 'assignee',
            header: 'Assignee',
            hideOnPhone: true,
            render: (ticket: Ticket) => ticket.assignee?.name ?? <span className="subtle">Unassigned</span>,
          } satisfies Column<Ticket>,
        ]
      : []),
    {
      key: 'updated',
      header: 'Updated',
      render: (ticket) => (
        <time dateTime={ticket.updatedAt} title={formatDateTime(ticket.updatedAt)} className="nowrap">
          {formatRelative(ticket.updatedAt)}
        </time>
      ),
    },
  ];
}

function NoTickets({ audience, filtered }: { audience: Audience; filtered: boolean }) {
  if (filtered) {
    return (
      <EmptyState icon="search" title="No tickets match these filters">
        Try a different search, or clear the filters.
      </EmptyState>
    );
  }
  const action = (
    <ButtonLink to="/tickets/new" variant="primary" icon="plus">
      New ticket
    </ButtonLink>
  );
  return audience === 'client' ? (
    <EmptyState icon="ticket" title="No tickets yet" action={action}>
      When something needs our attention, open a ticket: you can follow it here and talk to the team.
    </EmptyState>
  ) : (
    <EmptyState icon="ticket" title="The queue is empty" action={action}>
      Tickets your clients open will appear here as they arrive. You can also file one on a client’s behalf.
    </EmptyState>
  );
}
