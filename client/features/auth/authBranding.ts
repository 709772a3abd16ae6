import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { completeBranding, hasBootData, readBoot } from '../../lib/branding.ts';
import type { BootData } from '../../lib/types.ts';

/**
 * The host tenant's branding for the signed-out pages. The server injects it into the HTML before
 * first paint; only when it did not (under `vite dev`) is it fetched from the public endpoint.
 */
export function useHostBranding(): BootData {
  const injected = hasBootData();
  const fetched = useQuery({
    queryKey: ['host-branding'],
    queryFn: () => api<{ branding: unknown; tenantName: string }>('GET', '/api/branding'),
    enabled: !injected,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  if (!injected && fetched.data) {
    return {
      branding: completeBranding(fetched.data.branding),
      tenantName: fetched.data.tenantName,
      me: null,
    };
  }
  return readBoot();
}
