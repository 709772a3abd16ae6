/** A user's own sessions: see them, revoke one, revoke all others. */
import { and, desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { sessions } from '../../../storage/schema.ts';
import { recordAudit } from '../../audit/audit.ts';
import { invalidateUserSessions } from '../../auth/sessions.ts';
import type { AppContext } from '../../context.ts';
import { notFound } from '../../http/errors.ts';
import { requireActor } from '../../http/request-auth.ts';
import { parse } from '../../http/validate.ts';

const ZSessionParams = z.object({ id: z.string().regex(/^[a-z2-9]{24}$/, 'not a session id') });

export function sessionRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/me/sessions', async (req) => {
    const { user, session } = requireActor(req);
    const rows = ctx.db
      .select({
        id: sessions.id,
        createdAt: sessions.createdAt,
        lastSeenAt: sessions.lastSeenAt,
        ip: sessions.ip,
        userAgent: sessions.userAgent,
      })
      .from(sessions)
      .where(eq(sessions.userId, user.id))
      .orderBy(desc(sessions.lastSeenAt))
      .all();
    return {
      sessions: rows.map((r) => ({
        id: r.id,
        current: r.id === session.id,
        createdAt: r.createdAt.toISOString(),
        lastSeenAt: r.lastSeenAt.toISOString(),
        ip: r.ip,
        userAgent: r.userAgent,
      })),
    };
  });

  app.delete('/api/me/sessions/:id', async (req, reply) => {
    const { user, actor } = requireActor(req);
    const { id } = parse(ZSessionParams, req.params);
    // Scoped by owner in the delete itself: another user's session id is simply not found.
    const deleted = ctx.db
      .delete(sessions)
      .where(and(eq(sessions.id, id), eq(sessions.userId, user.id)))
      .run().changes;
    if (!deleted) throw notFound('session');
    ctx.events.emit('sessions.revoked', { userId: user.id, sessionIds: [id] });
    recordAudit(ctx.db, {
      action: 'auth.session_revoked',
      tenantId: actor.tenantId,
      actorUserId: user.id,
      targetType: 'session',
      targetId: id,
      ip: req.ip,
    });
    return reply.code(204).send();
  });

  app.post('/api/me/sessions/revoke-others', async (req, reply) => {
    const { user, actor, session } = requireActor(req);
    const revoked = invalidateUserSessions(ctx.db, user.id, session.id);
    ctx.events.emit('sessions.revoked', { userId: user.id, sessionIds: revoked });
    recordAudit(ctx.db, {
      action: 'auth.session_revoked',
      tenantId: actor.tenantId,
      actorUserId: user.id,
      ip: req.ip,
      data: { count: revoked.length },
    });
    return reply.code(204).send();
  });
}
