/** People: list, detail, invite, edit, deactivate, reactivate. */
import type { FastifyInstance } from 'fastify';
import { LIMITS } from '../../auth/rate-limit.ts';
import type { AppContext } from '../../context.ts';
import { callerOf } from '../../http/caller.ts';
import { notFound } from '../../http/errors.ts';
import { parse } from '../../http/validate.ts';
import type { Actor } from '../../policy/index.ts';
import { inviteUser } from './invite.ts';
import { presentUser } from './presenter.ts';
import { findVisibleUser, listVisibleUsers } from './queries.ts';
import { ZUserInvite, ZUserListQuery, ZUserParams, ZUserUpdate } from './schema.ts';
import { deactivateUser, reactivateUser } from './status.ts';
import { updateUser } from './update.ts';

/** Registers the `/api/users` routes. */
export function userRoutes(app: FastifyInstance, ctx: AppContext): void {
  /** Re-reads a user through the caller's scope after a command, as the caller now sees them. */
  const userView = (actor: Actor, id: string) => {
    const row = findVisibleUser(ctx.db, actor, id);
    if (!row) throw notFound('user');
    return { user: presentUser(actor, row) };
  };

  app.get('/api/users', async (req) => {
    const { actor } = callerOf(req);
    const filter = parse(ZUserListQuery, req.query);
    return { users: listVisibleUsers(ctx.db, actor, filter).map((u) => presentUser(actor, u)) };
  });

  app.get('/api/users/:id', async (req) => {
    const { actor } = callerOf(req);
    const { id } = parse(ZUserParams, req.params);
    return userView(actor, id);
  });

  app.post('/api/users', async (req, reply) => {
    const caller = callerOf(req);
    // Every invitation sends an email: a runaway script must not turn the portal into a spammer.
    ctx.limiter.consume(`user:invite:${caller.actor.userId}`, LIMITS.invitePerActor);
    const input = parse(ZUserInvite, req.body);
    const { userId, invitationSent } = await inviteUser(ctx, caller, input);
    return reply.code(201).send({ ...userView(caller.actor, userId), invitationSent });
  });

  app.patch('/api/users/:id', async (req) => {
    const caller = callerOf(req);
    const { id } = parse(ZUserParams, req.params);
    const input = parse(ZUserUpdate, req.body);
    updateUser(ctx, caller, id, input);
    return userView(caller.actor, id);
  });

  app.post('/api/users/:id/deactivate', async (req) => {
    const caller = callerOf(req);
    const { id } = parse(ZUserParams, req.params);
    deactivateUser(ctx, caller, id);
    return userView(caller.actor, id);
  });

  app.post('/api/users/:id/reactivate', async (req) => {
    const caller = callerOf(req);
    const { id } = parse(ZUserParams, req.params);
    reactivateUser(ctx, caller, id);
    return userView(caller.actor, id);
  });
}
