import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { ME_KEY } from '../../app/me.tsx';
import { api } from '../../lib/api.ts';
import type { Me } from '../../lib/types.ts';

/** After a successful sign-in: drop anything cached for a previous user, load /api/me, go on. */
export function useCompleteSignIn() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return async (next: string) => {
    queryClient.removeQueries();
    await queryClient.fetchQuery({ queryKey: ME_KEY, queryFn: () => api<Me>('GET', '/api/me') });
    navigate(next, { replace: true });
  };
}
