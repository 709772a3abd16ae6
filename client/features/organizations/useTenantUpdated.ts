import { useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../lib/queries.ts';
import type { TenantDetail, TenantView } from '../../lib/types.ts';

/** After a change, refresh every view that shows tenants. */
export function useTenantUpdated() {
  const queryClient = useQueryClient();
  return (tenant: TenantView) => {
    queryClient.setQueryData<TenantDetail>(queryKeys.tenant(tenant.id), (current) =>
      current ? { ...current, tenant } : current,
    );
    void queryClient.invalidateQueries({ queryKey: queryKeys.tenants });
    void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
  };
}
