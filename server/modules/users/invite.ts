/** Inviting a person: an `invited` user and their membership in one transaction, then the email. */
import { eq } from 'drizzle-orm';
import { memberships, users } from '../../../storage/schema.ts';
import { recordAudit } from '../../audit/audit.ts';
import { sendInvitation } from '../../auth/magic-link/index.ts';
import type { AppContext } from '../../context.ts';
import type { Caller } from '../../http/caller.ts';
import { AppError, conflict, forbidden, notFound } from '../../http/errors.ts';
import { newId } from '../../ids.ts';
import { assignableRoles } from '../../policy/index.ts';
import { isUniqueViolation } from '../tenants/constraint.ts';
import { findVisibleTenant, tenantRefOf } from '../tenants/queries.ts';
import type { TUserInvite } from './schema.ts';

const emailTaken = () =>
  new AppError(409, 'email_taken', 'Someone with this email address already has an account.');

/**
 * Creates an `invited` user without a password in `input.tenantId` and emails them a sign-in link.
 * An invisible tenant is a 404; a role the caller may not give there is a 403. The email check
 * comes after authorisation, so only people who may invite learn which addresses exist.
 * Returns the new user's id and whether the invitation email went out: the account exists
 * either way, and a failed send must not turn into a retry that collides with `email_taken`.
 */
export async function inviteUser(
  ctx: AppContext,
  caller: Caller,
  input: TUserInvite,
): Promise<{ userId: string; invitationSent: boolean }> {
  const { actor } = caller;
  const tenant = findVisibleTenant(ctx.db, actor, input.tenantId);
  if (!tenant) throw notFound('organization');
  if (!assignableRoles(actor, tenantRefOf(tenant)).includes(input.role)) {
    throw forbidden('You cannot give that role in this organization.');
  }
  if (!tenant.active) throw conflict('This organization is deactivated.');

  let userId: string;
  try {
    userId = ctx.db.transaction((tx) => {
      if (tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).get())
        throw emailTaken();
      const id = newId();
      tx.insert(users)
        .values({ id, email: input.email, name: input.name, passwordHash: null, status: 'invited' })
        .run();
      tx.insert(memberships)
        .values({
          id: newId(),
          userId: id,
          tenantId: tenant.id,
          role: input.role,
          sections: input.sections ?? null,
        })
        .run();
      recordAudit(tx, {
        action: 'user.invited',
        tenantId: tenant.id,
        actorUserId: actor.userId,
        targetType: 'user',
        targetId: id,
        ip: caller.ip,
        data: { email: input.email, role: input.role },
      });
      return id;
    });
  } catch (err) {
    if (isUniqueViolation(err, 'users.email')) throw emailTaken();
    throw err;
  }

  try {
    await sendInvitation(ctx, { userId, invitedBy: { name: caller.name }, tenantName: tenant.name });
    return { userId, invitationSent: true };
  } catch (err) {
    // The outbox row records the failure too; the admin sees `invitationSent: false`.
    ctx.log.error({ err, userId }, 'invitation email failed');
    return { userId, invitationSent: false };
  }
}
