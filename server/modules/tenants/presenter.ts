/** TenantView (docs/API.md): each field picked by hand, with the actor's computed abilities. */
import { type Actor, tenantAbilities } from '../../policy/index.ts';
import { type TenantRow, tenantRefOf } from './queries.ts';

/** The wire shape of a tenant as the actor sees it. */
export function presentTenant(actor: Actor, row: TenantRow) {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    slug: row.slug,
    parentId: row.parentId,
    active: row.active,
    customDomain: row.customDomain,
    customDomainStatus: row.customDomainStatus,
    createdAt: row.createdAt.toISOString(),
    abilities: tenantAbilities(actor, tenantRefOf(row)),
  };
}
export type TTenantView = ReturnType<typeof presentTenant>;
