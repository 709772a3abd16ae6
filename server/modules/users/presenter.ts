/** UserView (docs/API.md): each field picked by hand, with the actor's computed abilities. */
import { hasTwoFactor } from '../../auth/sign-in.ts';
import type { AppContext } from '../../context.ts';
import { type Actor, sectionsFor, userAbilities } from '../../policy/index.ts';
import { type UserRow, userRefOf } from './queries.ts';

/** The wire shape of a user as the actor sees it. Never a password hash or any secret. */
export function presentUser(ctx: AppContext, actor: Actor, row: UserRow) {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    tenantId: row.tenantId,
    tenantName: row.tenantName,
    status: row.status,
    sections: sectionsFor(row.role, row.sections),
    twoFactorEnabled: hasTwoFactor(ctx, row.id),
    createdAt: row.createdAt.toISOString(),
    abilities: userAbilities(actor, userRefOf(row)),
  };
}
export type TUserView = ReturnType<typeof presentUser>;
