/**
 * Routing (docs/API.md "Routing"): a desk's auto-routing rules, the choices the rule dialog
 * offers, and each desk member's availability for round-robin. Rules are only ever read and
 * written for the caller's own desk; another desk's rule id is a 404.
 */
import type { FastifyInstance } from 'fastify';
import { TICKET_CATEGORIES, TICKET_PRIORITIES } from '../../../storage/schema.ts';
import type { AppContext } from '../../context.ts';
import { callerOf } from '../../http/caller.ts';
import { parse } from '../../http/validate.ts';
import { type DeskAgent, listDeskAgents } from './agents.ts';
import { availabilityOf, requireDeskMember, setAvailability } from './availability.ts';
import { presentRule } from './presenter.ts';
import { listDeskOrgs, listRules, type RuleRow } from './queries.ts';
import { configurableDesk, createRule, deleteRule, reorderRules, updateRule } from './rules.ts';
import { ZAvailability, ZRuleCreate, ZRuleOrder, ZRuleParams, ZRuleUpdate } from './schema.ts';

/** Registers `/api/routing/*` and `/api/me/availability`. */
export function routingRoutes(app: FastifyInstance, ctx: AppContext): void {
  /** Presents rules with their assignees resolved among the desk's people. */
  const present = (deskId: string, rows: RuleRow[]) => {
    const agents = new Map<string, DeskAgent>(listDeskAgents(ctx.db, deskId).map((a) => [a.id, a]));
    return rows.map((row) => presentRule(row, agents));
  };

  app.get('/api/routing/rules', async (req) => {
    const desk = configurableDesk(ctx.db, callerOf(req));
    return { rules: present(desk.id, listRules(ctx.db, desk.id)) };
  });

  // What the rule dialog may offer: this desk's people and client orgs, and the fixed lists.
  app.get('/api/routing/options', async (req) => {
    const desk = configurableDesk(ctx.db, callerOf(req));
    return {
      agents: listDeskAgents(ctx.db, desk.id).map((a) => ({ id: a.id, name: a.name, role: a.role })),
      orgs: listDeskOrgs(ctx.db, desk),
      categories: TICKET_CATEGORIES,
      priorities: TICKET_PRIORITIES,
    };
  });

  app.post('/api/routing/rules', async (req, reply) => {
    const caller = callerOf(req);
    configurableDesk(ctx.db, caller);
    const row = createRule(ctx.db, caller, parse(ZRuleCreate, req.body));
    return reply.code(201).send({ rule: present(row.tenantId, [row])[0] });
  });

  // Registered before `/:id`; Fastify prefers the static segment anyway.
  app.put('/api/routing/rules/order', async (req) => {
    const caller = callerOf(req);
    const desk = configurableDesk(ctx.db, caller);
    const { ids } = parse(ZRuleOrder, req.body);
    return { rules: present(desk.id, reorderRules(ctx.db, caller, ids)) };
  });

  app.put('/api/routing/rules/:id', async (req) => {
    const caller = callerOf(req);
    configurableDesk(ctx.db, caller);
    const { id } = parse(ZRuleParams, req.params);
    const row = updateRule(ctx.db, caller, id, parse(ZRuleUpdate, req.body));
    return { rule: present(row.tenantId, [row])[0] };
  });

  app.delete('/api/routing/rules/:id', async (req, reply) => {
    const caller = callerOf(req);
    configurableDesk(ctx.db, caller);
    const { id } = parse(ZRuleParams, req.params);
    deleteRule(ctx.db, caller, id);
    return reply.code(204).send();
  });

  app.get('/api/me/availability', async (req) => ({ available: availabilityOf(ctx.db, callerOf(req)) }));

  app.put('/api/me/availability', async (req) => {
    const caller = callerOf(req);
    requireDeskMember(caller);
    const { available } = parse(ZAvailability, req.body);
    return { available: setAvailability(ctx.db, caller, available) };
  });
}
