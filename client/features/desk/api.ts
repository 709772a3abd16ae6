/** The desk settings REST API as TanStack Query hooks: routing rules, canned responses, availability. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import type { CannedList, CannedResponse, RoutingOptions, RoutingRule, RuleInput } from './types.ts';

export const deskKeys = {
  rules: ['routing-rules'] as const,
  options: ['routing-options'] as const,
  canned: ['canned-responses'] as const,
  availability: ['me', 'availability'] as const,
};

const rulePath = (id: string) => `/api/routing/rules/${encodeURIComponent(id)}`;
const cannedPath = (id: string) => `/api/canned-responses/${encodeURIComponent(id)}`;

export function useRoutingRules() {
  return useQuery({
    queryKey: deskKeys.rules,
    queryFn: () => api<{ rules: RoutingRule[] }>('GET', '/api/routing/rules'),
    select: (data) => data.rules,
    // A 403 is an answer (this person does not configure the desk), not a blip to retry.
    retry: false,
  });
}

export function useRoutingOptions(enabled: boolean) {
  return useQuery({
    queryKey: deskKeys.options,
    queryFn: () => api<RoutingOptions>('GET', '/api/routing/options'),
    enabled,
    staleTime: 60_000,
  });
}

/** Keeps the rules list in step with a server answer that carries the whole list or one rule. */
function useRulesWriter() {
  const queryClient = useQueryClient();
  return {
    setAll: (rules: RoutingRule[]) => queryClient.setQueryData(deskKeys.rules, { rules }),
    refresh: () => queryClient.invalidateQueries({ queryKey: deskKeys.rules }),
  };
}

export function useSaveRule(id: string | null) {
  const rules = useRulesWriter();
  return useMutation({
    mutationFn: (input: Partial<RuleInput>) =>
      id
        ? api<{ rule: RoutingRule }>('PUT', rulePath(id), input)
        : api<{ rule: RoutingRule }>('POST', '/api/routing/rules', input),
    onSettled: () => rules.refresh(),
  });
}

export function useToggleRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, enabled }: { id: string; enabled: boolean }) =>
      api<{ rule: RoutingRule }>('PUT', rulePath(id), { enabled }),
    onSuccess: ({ rule }) => {
      queryClient.setQueryData<{ rules: RoutingRule[] }>(deskKeys.rules, (current) =>
        current ? { rules: current.rules.map((r) => (r.id === rule.id ? rule : r)) } : current,
      );
    },
  });
}

export function useDeleteRule() {
  const rules = useRulesWriter();
  return useMutation({
    mutationFn: (id: string) => api<void>('DELETE', rulePath(id)),
    onSettled: () => rules.refresh(),
  });
}

export function useReorderRules() {
  const rules = useRulesWriter();
  return useMutation({
    mutationFn: (ids: string[]) => api<{ rules: RoutingRule[] }>('PUT', '/api/routing/rules/order', { ids }),
    onSuccess: (data) => rules.setAll(data.rules),
    // A refused order (someone else changed the list meanwhile) re-reads the server's order.
    onError: () => rules.refresh(),
  });
}

export function useCannedResponses(enabled = true) {
  return useQuery({
    queryKey: deskKeys.canned,
    queryFn: () => api<CannedList>('GET', '/api/canned-responses'),
    enabled,
    retry: false,
  });
}

export function useSaveCanned(id: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { title: string; body: string; shared?: boolean }) =>
      id
        ? api<{ cannedResponse: CannedResponse }>('PUT', cannedPath(id), {
            title: input.title,
            body: input.body,
          })
        : api<{ cannedResponse: CannedResponse }>('POST', '/api/canned-responses', input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: deskKeys.canned }),
  });
}

export function useDeleteCanned() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>('DELETE', cannedPath(id)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: deskKeys.canned }),
  });
}

/** The canned response's text with this ticket's values filled in. */
export function renderCanned(id: string, ticketId: string): Promise<{ text: string }> {
  return api<{ text: string }>('POST', `${cannedPath(id)}/render`, { ticketId });
}

export function useAvailability() {
  return useQuery({
    queryKey: deskKeys.availability,
    queryFn: () => api<{ available: boolean }>('GET', '/api/me/availability'),
    select: (data) => data.available,
    retry: false,
  });
}

export function useSetAvailability() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (available: boolean) =>
      api<{ available: boolean }>('PUT', '/api/me/availability', { available }),
    onSuccess: (data) => queryClient.setQueryData(deskKeys.availability, data),
  });
}
