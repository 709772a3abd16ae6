/**
 * SLA: the policy (read by the platform team, changed by super_admin) and the service team's
 * at-risk list. The policy is loaded from DATA_DIR when the routes are registered, so a broken
 * `sla.json` stops the boot with a message naming it.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { callerOf } from '../../http/caller.ts';
import { forbidden } from '../../http/errors.ts';
import { parse } from '../../http/validate.ts';
import { type Actor, has } from '../../policy/index.ts';
import { presentTicket } from '../tickets/presenter.ts';
import { listVisibleTickets } from '../tickets/queries.ts';
import { ZSlaPolicy } from './policy.ts';
import { ZSlaTicketsQuery } from './schema.ts';
import { activeSlaPolicy, loadSlaPolicy, saveSlaPolicy } from './store.ts';

/** Whoever works every queue (super_admin, staff) reads the targets. */
const canReadSlaPolicy = (actor: Actor) => has(actor, 'tickets.manage_all');
/** Only a system-settings holder (super_admin) changes them. */
const canConfigureSla = (actor: Actor) => has(actor, 'system.manage_settings');

/** Registers `GET|PUT /api/sla/policy` and `GET /api/sla/tickets`. */
export function slaRoutes(app: FastifyInstance, ctx: AppContext): void {
  loadSlaPolicy(ctx.config.dataDir);

  app.get('/api/sla/policy', async (req) => {
    const { actor } = callerOf(req);
    if (!canReadSlaPolicy(actor)) throw forbidden('Only the platform team reads the SLA policy.');
    return { policy: activeSlaPolicy(), abilities: { update: canConfigureSla(actor) } };
  });

  app.put('/api/sla/policy', async (req) => {
    const { actor } = callerOf(req);
    if (!canConfigureSla(actor)) throw forbidden('Only a super admin changes the SLA policy.');
    const policy = saveSlaPolicy(ctx.config.dataDir, parse(ZSlaPolicy, req.body));
    ctx.log.info({ userId: actor.userId }, 'SLA policy updated');
    return { policy, abilities: { update: true } };
  });

  /** Tickets in the caller's scope whose SLA state is one of `state` (computed after the query). */
  app.get('/api/sla/tickets', async (req) => {
    const { actor } = callerOf(req);
    const { state, ...filter } = parse(ZSlaTicketsQuery, req.query);
    if (!has(actor, 'tickets.manage_tenant')) throw forbidden('SLA flags are for the service team.');
    const wanted = new Set<string>(state);
    const tickets = listVisibleTickets(ctx.db, actor, filter)
      .map((t) => presentTicket(actor, t))
      .filter((t) => t.sla !== null && wanted.has(t.sla.state));
    return { tickets };
  });
}
