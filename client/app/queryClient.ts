import { QueryClient } from '@tanstack/react-query';
import { ApiError, onUnauthenticated } from '../lib/api.ts';

/** Client errors (4xx) will not change on a retry; network and server errors might. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  const client = new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: shouldRetry },
      mutations: { retry: false },
    },
  });

  // A 401 anywhere means the session ended (expired, revoked, signed out elsewhere). Re-ask /api/me:
  // its 401 makes the auth gate show the sign-in page. Skip /api/me itself and the sign-in routes.
  onUnauthenticated((path) => {
    if (path === '/api/me' || path.startsWith('/api/auth/')) return;
    void client.invalidateQueries({ queryKey: ['me'] });
  });

  return client;
}
