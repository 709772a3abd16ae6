/** A ticket's attachments as TanStack Query hooks (docs/API.md "Attachments"). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import type { AttachmentView } from '../../../lib/types.ts';

export const attachmentKeys = {
  /** Under the ticket's key, so refreshing a ticket refreshes its files too. */
  list: (ticketId: string) => ['ticket', ticketId, 'attachments'] as const,
};

export function useAttachments(ticketId: string) {
  return useQuery({
    queryKey: attachmentKeys.list(ticketId),
    queryFn: () =>
      api<{ attachments: AttachmentView[] }>(
        'GET',
        `/api/tickets/${encodeURIComponent(ticketId)}/attachments`,
      ),
    select: (data) => data.attachments,
  });
}

export function useDeleteAttachment(ticketId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>('DELETE', `/api/attachments/${encodeURIComponent(id)}`),
    onSuccess: (_data, id) => {
      queryClient.setQueryData<{ attachments: AttachmentView[] }>(attachmentKeys.list(ticketId), (current) =>
        current ? { attachments: current.attachments.filter((a) => a.id !== id) } : current,
      );
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: attachmentKeys.list(ticketId) }),
  });
}
