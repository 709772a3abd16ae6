import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api } from '../lib/api.ts';
import { applyBranding, readBoot } from '../lib/branding.ts';

/** Signs out, forgets everything cached for this user and returns to the host's branded sign-in. */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => api<void>('POST', '/api/auth/logout'),
    // Even if the request fails (already signed out, offline) the local state must be cleared.
    onSettled: () => {
      queryClient.clear();
      applyBranding(readBoot().branding);
      navigate('/login', { replace: true });
    },
  });
}
