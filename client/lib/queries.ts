/** Queries shared by several pages, so they share one cache entry and one key. */
import { useQuery } from '@tanstack/react-query';
import { api, withQuery } from './api.ts';
import type { Role, TenantDetail, TenantKind, TenantView, UserView } from './types.ts';

export const queryKeys = {
  tenants: ['tenants'] as const,
  tenant: (id: string) => ['tenants', id] as const,
  users: (filters: UserFilters) => ['users', filters] as const,
  user: (id: string) => ['user', id] as const,
};

export function useTenants(enabled = true) {
  return useQuery({
    queryKey: queryKeys.tenants,
    queryFn: () => api<{ tenants: TenantView[] }>('GET', '/api/tenants'),
    select: (data) => data.tenants,
    enabled,
  });
}

export function useTenant(id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.tenant(id ?? ''),
    queryFn: () => api<TenantDetail>('GET', `/api/tenants/${encodeURIComponent(id ?? '')}`),
    enabled: Boolean(id),
  });
}

export interface UserFilters {
  tenantId?: string;
  role?: string;
  status?: string;
  q?: string;
}

export function useUsers(filters: UserFilters, enabled = true) {
  return useQuery({
    queryKey: queryKeys.users(filters),
    queryFn: () => api<{ users: UserView[] }>('GET', withQuery('/api/users', { ...filters })),
    select: (data) => data.users,
    enabled,
    placeholderData: (previous) => previous,
  });
}

export function useUser(id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.user(id ?? ''),
    queryFn: () => api<{ user: UserView }>('GET', `/api/users/${encodeURIComponent(id ?? '')}`),
    select: (data) => data.user,
    enabled: Boolean(id),
  });
}

/**
 * The roles that exist in an organisation of each kind (structure, not permission). Which of them
 * the caller may actually give is the server's call: it sends `abilities.assignableRoles` where it
 * knows them, and refuses anything else.
 */
const ROLES_BY_KIND: Record<TenantKind, Role[]> = {
  platform: ['staff', 'super_admin'],
  partner: ['partner_staff', 'partner'],
  client: ['client', 'client_admin'],
};

export function rolesForTenant(tenant: TenantView): Role[] {
  return tenant.abilities.assignableRoles ?? ROLES_BY_KIND[tenant.kind];
}

/** Orders tenants as a tree (each parent followed by its children), with each one's depth. */
export function tenantTree(tenants: readonly TenantView[]): { tenant: TenantView; depth: number }[] {
  const ids = new Set(tenants.map((tenant) => tenant.id));
  const children = new Map<string | null, TenantView[]>();
  for (const tenant of tenants) {
    // A tenant whose parent the caller cannot see is a root of the caller's view.
    const parent = tenant.parentId !== null && ids.has(tenant.parentId) ? tenant.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(tenant);
    children.set(parent, list);
  }
  const kindOrder: Record<TenantKind, number> = { platform: 0, partner: 1, client: 2 };
  for (const list of children.values()) {
    list.sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind] || a.name.localeCompare(b.name));
  }
  const result: { tenant: TenantView; depth: number }[] = [];
  const visit = (parent: string | null, depth: number) => {
    for (const tenant of children.get(parent) ?? []) {
      result.push({ tenant, depth });
      visit(tenant.id, depth + 1);
    }
  };
  visit(null, 0);
  return result;
}
