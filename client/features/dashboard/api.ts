/** `GET /api/dashboard/tickets` as a query. */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import type { TicketDashboardData } from '../../lib/types.ts';

/**
 * Under the `tickets` key, so whatever refreshes ticket lists (the live `tickets.changed` push,
 * a change made on a ticket page) refreshes the widgets too.
 */
export const ticketDashboardKey = ['tickets', 'dashboard-widgets'] as const;

export function useTicketDashboard(enabled: boolean) {
  return useQuery({
    queryKey: ticketDashboardKey,
    queryFn: () => api<TicketDashboardData>('GET', '/api/dashboard/tickets'),
    enabled,
  });
}
