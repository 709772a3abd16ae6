/** The tickets REST API as TanStack Query hooks. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useToast } from '../../app/toast.tsx';
import { api, withQuery } from '../../lib/api.ts';
import { describeError } from '../../lib/errors.ts';
import type {
  TenantView,
  Ticket,
  TicketAssignee,
  TicketCategory,
  TicketChanges,
  TicketEvent,
  TicketPriority,
  TicketReply,
  Visibility,
} from '../../lib/types.ts';
import { type TicketFilters, ticketKeys } from './keys.ts';

const ticketPath = (id: string) => `/api/tickets/${encodeURIComponent(id)}`;

export function useTickets(filters: TicketFilters) {
  return useQuery({
    queryKey: ticketKeys.list(filters),
    queryFn: () => api<{ tickets: Ticket[] }>('GET', withQuery('/api/tickets', { ...filters })),
    select: (data) => data.tickets,
    placeholderData: (previous) => previous,
  });
}

export function useTicket(id: string | undefined) {
  return useQuery({
    queryKey: ticketKeys.ticket(id ?? ''),
    queryFn: () => api<{ ticket: Ticket }>('GET', ticketPath(id ?? '')),
    select: (data) => data.ticket,
    enabled: Boolean(id),
  });
}

export function useTicketEvents(id: string) {
  return useQuery({
    queryKey: ticketKeys.events(id),
    queryFn: () => api<{ events: TicketEvent[] }>('GET', `${ticketPath(id)}/events`),
    select: (data) => data.events,
  });
}

export function useTicketReplies(id: string) {
  return useQuery({
    queryKey: ticketKeys.replies(id),
    queryFn: () => api<{ replies: TicketReply[] }>('GET', `${ticketPath(id)}/replies`),
    select: (data) => data.replies,
  });
}

/** The people a ticket of `orgId` can be assigned to. */
export function useAssignees(orgId: string, enabled: boolean) {
  return useQuery({
    queryKey: ticketKeys.assignees(orgId),
    queryFn: () =>
      api<{ people?: TicketAssignee[]; assignees?: TicketAssignee[] }>(
        'GET',
        withQuery('/api/tickets/assignees', { orgId }),
      ),
    // The contract says `people`; the server sends `assignees`. Read either.
    select: (data) => data.people ?? data.assignees ?? [],
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** Client organisations the caller can see: where staff and partners may file a ticket. */
export function useClientOrgs(enabled: boolean) {
  return useQuery({
    queryKey: ticketKeys.clientOrgs,
    queryFn: () => api<{ tenants: TenantView[] }>('GET', withQuery('/api/tenants', { kind: 'client' })),
    // The filter is the server's; this only guards against an older server that ignores `kind`.
    select: (data) => data.tenants.filter((tenant) => tenant.kind === 'client' && tenant.active),
    enabled,
  });
}

export interface NewTicket {
  subject: string;
  category: TicketCategory;
  priority: TicketPriority;
  description?: string;
  orgId?: string;
}

export function useCreateTicket() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewTicket) => api<{ ticket: Ticket }>('POST', '/api/tickets', input),
    onSuccess: ({ ticket }) => {
      queryClient.setQueryData(ticketKeys.ticket(ticket.id), { ticket });
      void queryClient.invalidateQueries({ queryKey: ticketKeys.lists });
    },
  });
}

/** The ticket with `changes` applied, as the server is expected to answer (for optimistic updates). */
export function applyTicketChanges(
  ticket: Ticket,
  changes: TicketChanges,
  people: readonly { id: string; name: string }[] = [],
): Ticket {
  const next: Ticket = { ...ticket };
  if (changes.status) next.status = changes.status;
  if (changes.priority) next.priority = changes.priority;
  if (changes.category) next.category = changes.category;
  if (changes.assigneeId !== undefined) {
    const person = people.find((candidate) => candidate.id === changes.assigneeId);
    next.assignee =
      changes.assigneeId === null ? null : person ? { id: person.id, name: person.name } : ticket.assignee;
  }
  return next;
}

/**
 * `PATCH /api/tickets/:id`, optimistic: the page shows the change at once and puts the old value
 * back (with the server's reason in an error toast) if the server refuses it.
 */
export function useUpdateTicket(id: string, people: readonly { id: string; name: string }[]) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const key = ticketKeys.ticket(id);
  return useMutation({
    mutationFn: (changes: TicketChanges) => api<{ ticket: Ticket }>('PATCH', ticketPath(id), changes),
    onMutate: async (changes) => {
      await queryClient.cancelQueries({ queryKey: key, exact: true });
      const previous = queryClient.getQueryData<{ ticket: Ticket }>(key);
      if (previous) {
        queryClient.setQueryData(key, { ticket: applyTicketChanges(previous.ticket, changes, people) });
      }
      return { previous };
    },
    onError: (error, _changes, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
      toast(`Not saved: ${describeError(error)}`, 'danger');
    },
    onSuccess: ({ ticket }) => {
      queryClient.setQueryData(key, { ticket });
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ticketKeys.events(id) });
      void queryClient.invalidateQueries({ queryKey: ticketKeys.lists });
    },
  });
}

export function usePostReply(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { body: string; visibility: Visibility }) =>
      api<{ reply: TicketReply }>('POST', `${ticketPath(id)}/replies`, input),
    onSuccess: ({ reply }) => {
      queryClient.setQueryData<{ replies: TicketReply[] }>(ticketKeys.replies(id), (current) =>
        current && !current.replies.some((existing) => existing.id === reply.id)
          ? { replies: [...current.replies, reply] }
          : current,
      );
      // A reply can move the status (e.g. a client's answer re-opens a pending ticket).
      void queryClient.invalidateQueries({ queryKey: ticketKeys.ticket(id) });
      void queryClient.invalidateQueries({ queryKey: ticketKeys.lists });
    },
  });
}

/* ---- Links, merges, bulk changes and saved filters (docs/API.md "Ticket links and merges"…) ---- */

/** Another ticket as a link or a merge banner names it. */
export interface LinkedTicketSummary {
  id: string;
  key: string;
  subject: string;
  status: Ticket['status'];
}

export interface TicketLinkView {
  id: string;
  kind: 'related' | 'duplicate';
  ticket: LinkedTicketSummary;
  /** The link records a merge; it cannot be removed on its own. */
  merge: boolean;
  createdAt: string;
  abilities: { remove: boolean };
}

/** `GET /api/tickets/:id/links`: links for the service side; `mergedInto` when the caller sees the survivor. */
export interface TicketLinks {
  links: TicketLinkView[];
  mergedInto: LinkedTicketSummary | null;
  abilities: { link: boolean; merge: boolean };
}

/** Under the ticket's key, so a `ticket.changed` refetch of the ticket refreshes its links too. */
const linksKey = (id: string) => [...ticketKeys.ticket(id), 'links'] as const;

export function useTicketLinks(id: string) {
  return useQuery({
    queryKey: linksKey(id),
    queryFn: () => api<TicketLinks>('GET', `${ticketPath(id)}/links`),
  });
}

/** After a link or merge: both tickets, their timelines and every list changed. */
function useRefreshAfterLinking(id: string) {
  const queryClient = useQueryClient();
  return (otherId?: string) => {
    void queryClient.invalidateQueries({ queryKey: ticketKeys.ticket(id) });
    if (otherId) void queryClient.invalidateQueries({ queryKey: ticketKeys.ticket(otherId) });
    void queryClient.invalidateQueries({ queryKey: ticketKeys.lists });
  };
}

export function useLinkTicket(id: string) {
  const refresh = useRefreshAfterLinking(id);
  return useMutation({
    mutationFn: (input: { ticketKeyOrId: string; kind: TicketLinkView['kind'] }) =>
      api<{ link: TicketLinkView }>('POST', `${ticketPath(id)}/links`, input),
    onSuccess: ({ link }) => refresh(link.ticket.id),
  });
}

export function useUnlinkTicket(id: string) {
  const refresh = useRefreshAfterLinking(id);
  return useMutation({
    mutationFn: (link: TicketLinkView) =>
      api<undefined>('DELETE', `${ticketPath(id)}/links/${encodeURIComponent(link.id)}`),
    onSuccess: (_data, link) => refresh(link.ticket.id),
  });
}

export function useMergeTicket(id: string) {
  const refresh = useRefreshAfterLinking(id);
  return useMutation({
    // The server's TicketView carries `mergedIntoId` (lib/types.ts does not list it yet).
    mutationFn: (intoTicketId: string) =>
      api<{ ticket: Ticket & { mergedIntoId: string | null } }>('POST', `${ticketPath(id)}/merge`, {
        intoTicketId,
      }),
    onSuccess: ({ ticket }) => refresh(ticket.mergedIntoId ?? undefined),
  });
}

/** What `POST /api/tickets/bulk` changes on each ticket. */
export interface BulkChanges {
  status?: Ticket['status'];
  priority?: TicketPriority;
  assigneeId?: string | null;
}

/** What became of one ticket: `error` is a code, `message` its reason (none for `not_found`). */
export interface BulkResult {
  id: string;
  ok: boolean;
  error?: string;
  message?: string;
}

export function useBulkUpdateTickets() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { ids: string[]; changes: BulkChanges }) =>
      api<{ results: BulkResult[] }>('POST', '/api/tickets/bulk', input),
    onSettled: (_data, _error, input) => {
      void queryClient.invalidateQueries({ queryKey: ticketKeys.lists });
      for (const id of input.ids) void queryClient.invalidateQueries({ queryKey: ticketKeys.ticket(id) });
    },
  });
}

/** A person's saved ticket-list filter: the list's query-string parameters under a name. */
export interface SavedFilter {
  id: string;
  name: string;
  query: Record<string, string>;
  createdAt: string;
}

const savedFiltersKey = ['saved-filters'] as const;

export function useSavedFilters(enabled = true) {
  return useQuery({
    queryKey: savedFiltersKey,
    queryFn: () => api<{ filters: SavedFilter[] }>('GET', '/api/saved-filters'),
    select: (data) => data.filters,
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function useCreateSavedFilter() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; query: Record<string, string> }) =>
      api<{ filter: SavedFilter }>('POST', '/api/saved-filters', input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: savedFiltersKey }),
  });
}

export function useDeleteSavedFilter() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<undefined>('DELETE', `/api/saved-filters/${encodeURIComponent(id)}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: savedFiltersKey }),
  });
}
