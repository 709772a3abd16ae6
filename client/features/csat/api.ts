/** CSAT on the wire (docs/API.md "CSAT"): the signed-in ticket routes and the emailed-link routes. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

export interface CsatRating {
  rating: number;
  comment: string;
  rater: { id: string; name: string };
  createdAt: string;
}

/** `GET /api/tickets/:id/csat`: whether it was rated, the rating when the viewer may see it. */
export interface TicketCsat {
  rated: boolean;
  csat: CsatRating | null;
  abilities: { rate: boolean };
}

/** `GET /api/csat/:token`: what the rating page shows. */
export interface CsatLinkView {
  ticket: { key: string; subject: string };
  servicingName: string;
  alreadyRated: boolean;
  canRate: boolean;
}

export interface CsatInput {
  rating: number;
  comment: string;
}

export const csatKeys = {
  ticket: (ticketId: string) => ['csat', 'ticket', ticketId] as const,
  link: (token: string) => ['csat', 'link', token] as const,
};

export function useTicketCsat(ticketId: string, enabled: boolean) {
  return useQuery({
    queryKey: csatKeys.ticket(ticketId),
    queryFn: () => api<TicketCsat>('GET', `/api/tickets/${encodeURIComponent(ticketId)}/csat`),
    enabled,
  });
}

export function useRateTicket(ticketId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CsatInput) =>
      api<TicketCsat>('POST', `/api/tickets/${encodeURIComponent(ticketId)}/csat`, input),
    onSuccess: (result) => queryClient.setQueryData(csatKeys.ticket(ticketId), result),
  });
}

/** Reading the link records nothing: only the POST does. No retries: a 404 is the answer. */
export function useCsatLink(token: string) {
  return useQuery({
    queryKey: csatKeys.link(token),
    queryFn: () => api<CsatLinkView>('GET', `/api/csat/${encodeURIComponent(token)}`),
    retry: false,
  });
}

export function useRateByLink(token: string) {
  return useMutation({
    mutationFn: (input: CsatInput) =>
      api<{ rated: true }>('POST', `/api/csat/${encodeURIComponent(token)}`, input),
  });
}
