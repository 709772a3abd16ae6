/**
 * Changing a person's name, role, portal sections or ticket scope. A role change ends all their
 * sessions; any change of what they may see re-checks their live connections.
 */
import { eq } from 'drizzle-orm';
import { memberships, type Section, type TicketScope, users } from '../../../storage/schema.ts';
import { recordAudit } from '../../audit/audit.ts';
import { invalidateUserSessions } from '../../auth/sessions.ts';
import type { AppContext } from '../../context.ts';
import type { Caller } from '../../http/caller.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { canChangeRole, canEditSections, canManageUser, sectionsFor } from '../../policy/index.ts';
import { effectiveTicketScope } from './presenter.ts';
import { findVisibleUser, userRefOf } from './queries.ts';
import type { TUserUpdate } from './schema.ts';

/**
 * Applies `{name?, role?, sections?, ticketScope?}` to a user the caller manages (another org's
 * user: 404; a visible one they may not manage, or a role they may not give: 403). Sections and
 * ticket scope are only for the `client` role, judged on the role the user will have after this
 * change, under the same rule (`canEditSections`): both decide what an employee may see.
 */
export function updateUser(ctx: AppContext, caller: Caller, id: string, input: TUserUpdate): void {
  const { actor } = caller;
  const before = findVisibleUser(ctx.db, actor, id);
  if (!before) throw notFound('user');
  const ref = userRefOf(before);
  if (!canManageUser(actor, ref)) throw forbidden('You cannot change this person.');
  const role = input.role ?? before.role;
  const roleChanges = role !== before.role;
  if (roleChanges && !canChangeRole(actor, ref, role)) throw forbidden('You cannot give that role.');
  if (input.sections !== undefined && !canEditSections(actor, { ...ref, role })) {
    throw forbidden('Sections can only be chosen for client employees.');
  }
  if (input.ticketScope !== undefined && !canEditSections(actor, { ...ref, role })) {
    throw forbidden('Ticket visibility can only be chosen for client employees.');
  }
  // Like sections, a new role starts from the default scope unless one comes with it.
  const scopeStoredBefore = before.ticketScope;
  const storedScope: TicketScope | null =
    input.ticketScope !== undefined ? input.ticketScope : roleChanges ? null : scopeStoredBefore;
  const scopeBefore = effectiveTicketScope(before.role, scopeStoredBefore);
  const scopeAfter = effectiveTicketScope(role, storedScope);
  const scopeChanges = scopeBefore !== scopeAfter;
  // A new role starts from that role's default sections unless sections come with it.
  const stored: Section[] | null =
    input.sections !== undefined ? input.sections : roleChanges ? null : before.sections;
  const sectionsBefore = sectionsFor(before.role, before.sections);
  const sectionsAfter = sectionsFor(role, stored);
  const sectionsChange = sectionsBefore.join() !== sectionsAfter.join();
  const nameChanges = input.name !== undefined && input.name !== before.name;
  const audit = {
    tenantId: before.tenantId,
    actorUserId: actor.userId,
    targetType: 'user',
    targetId: id,
    ip: caller.ip,
  } as const;

  const revoked = ctx.db.transaction((tx) => {
    if (nameChanges) {
      tx.update(users).set({ name: input.name }).where(eq(users.id, id)).run();
      recordAudit(tx, {
        ...audit,
        action: 'user.updated',
        data: { name: { from: before.name, to: input.name } },
      });
    }
    tx.update(memberships)
      .set({ role, sections: stored, ticketScope: storedScope })
      .where(eq(memberships.userId, id))
      .run();
    let revoked: string[] = [];
    if (roleChanges) {
      // Every session goes: rights are read at sign-in by the collaboration server, so an old
      // session must not keep the old role. ctx.db shares tx's connection: same transaction.
      revoked = invalidateUserSessions(ctx.db, id);
      recordAudit(tx, {
        ...audit,
        action: 'user.role_changed',
        data: { from: before.role, to: role, sessionsRevoked: revoked.length },
      });
    }
    if (sectionsChange) {
      recordAudit(tx, {
        ...audit,
        action: 'user.sections_changed',
        data: { from: sectionsBefore, to: sectionsAfter },
      });
    }
    if (scopeChanges) {
      // A visibility change is audited (DESIGN.md); there is no dedicated action for it yet.
      recordAudit(tx, {
        ...audit,
        action: 'user.updated',
        data: { ticketScope: { from: scopeBefore, to: scopeAfter } },
      });
    }
    return revoked;
  });

  if (revoked.length > 0) ctx.events.emit('sessions.revoked', { userId: id, sessionIds: revoked });
  if (roleChanges || sectionsChange || scopeChanges) ctx.events.emit('user.rights_changed', { userId: id });
}
