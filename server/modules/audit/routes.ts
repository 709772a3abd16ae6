/** The audit log reader: super_admin sees every entry, a partner their agency's tree. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { callerOf } from '../../http/caller.ts';
import { forbidden } from '../../http/errors.ts';
import { parse } from '../../http/validate.ts';
import { canViewAuditLog } from '../../policy/index.ts';
import { presentAuditEntry } from './presenter.ts';
import { listAuditEntries } from './queries.ts';
import { ZAuditListQuery } from './schema.ts';

/** Registers `GET /api/audit`. */
export function auditRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/audit', async (req) => {
    const { actor } = callerOf(req);
    if (!canViewAuditLog(actor)) throw forbidden('You cannot read the audit log.');
    const { limit } = parse(ZAuditListQuery, req.query);
    return { entries: listAuditEntries(ctx.db, actor, limit).map(presentAuditEntry) };
  });
}
