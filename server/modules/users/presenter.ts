/** UserView (docs/API.md): each field picked by hand, with the actor's computed abilities. */
import type { Role, TicketScope } from '../../../storage/schema.ts';
import { type Actor, sectionsFor, userAbilities } from '../../policy/index.ts';
import { type UserRow, userRefOf } from './queries.ts';

/**
 * Which tickets of their org the user sees: only a `client` can be narrowed to their own (the
 * default); every other role's reach is the organization's. Matches loadActor.
 */
export function effectiveTicketScope(role: Role, stored: TicketScope | null): TicketScope {
  return role === 'client' ? (stored ?? 'own') : 'organization';
}

/** The wire shape of a user as the actor sees it. Never a password hash or any secret. */
export function presentUser(actor: Actor, row: UserRow) {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    tenantId: row.tenantId,
    tenantName: row.tenantName,
    status: row.status,
    sections: sectionsFor(row.role, row.sections),
    ticketScope: effectiveTicketScope(row.role, row.ticketScope),
    twoFactorEnabled: row.twoFactorEnabledAt !== null,
    createdAt: row.createdAt.toISOString(),
    abilities: userAbilities(actor, userRefOf(row)),
  };
}
export type TUserView = ReturnType<typeof presentUser>;
