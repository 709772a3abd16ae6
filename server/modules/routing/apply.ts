/**
 * Routing a ticket as it is filed: the servicing desk's first matching rule sets its priority,
 * team and assignee. Called inside the creating transaction (tickets/create.ts), so the row, the
 * round-robin cursor and the `routed` timeline entry are written together or not at all.
 */
import type { Db } from '../../../storage/db.ts';
import type { TicketPriority } from '../../../storage/schema.ts';
import { servicingTenantOf as deskOfOrg } from '../tickets/numbering.ts';
import { appendTicketEvent } from '../tickets/timeline.ts';
import { findDeskAgent } from './agents.ts';
import { firstMatchingRule, type RoutableTicket } from './engine.ts';
import { listEnabledRules } from './queries.ts';
import { takeRoundRobinTurn } from './round-robin.ts';

type Tx = Pick<Db, 'select' | 'insert'>;

/** What routing decided for a new ticket. */
export interface RoutingOutcome {
  rule: { id: string; name: string };
  priority: TicketPriority;
  /** The priority as filed, when the rule changed it. */
  filedPriority: TicketPriority | null;
  team: string | null;
  assignee: { id: string; name: string } | null;
  /** The rule named someone who no longer works the desk (deactivated, moved): left unassigned. */
  assigneeSkipped: boolean;
  /** Round-robin found nobody available: left unassigned. */
  nobodyAvailable: boolean;
}

/** The ticket being filed, as routing reads it. */
export interface NewTicketFacts extends RoutableTicket {
  priority: TicketPriority;
}

/**
 * The outcome of the desk's first matching rule, or null when no rule matches. A partner's
 * clients are routed by the partner's rules only, direct clients by the platform's. Never
 * throws for a stale rule: the client filing the ticket must not pay for a desk's old setting.
 */
export function routeNewTicket(tx: Tx, ticket: NewTicketFacts): RoutingOutcome | null {
  const desk = deskOfOrg(tx, ticket.orgId);
  const rule = firstMatchingRule(ticket, listEnabledRules(tx, desk.id));
  if (!rule) return null;
  const { actions } = rule;
  const priority = (actions.priority as TicketPriority | undefined) ?? ticket.priority;
  let assignee: RoutingOutcome['assignee'] = null;
  let assigneeSkipped = false;
  let nobodyAvailable = false;
  if (actions.assigneeId) {
    // Re-checked now, not trusted from when the rule was saved: people leave desks.
    const agent = findDeskAgent(tx, desk.id, actions.assigneeId);
    if (agent) assignee = { id: agent.id, name: agent.name };
    else assigneeSkipped = true;
  } else if (actions.assignTo === 'round_robin') {
    const agent = takeRoundRobinTurn(tx, desk.id);
    if (agent) assignee = { id: agent.id, name: agent.name };
    else nobodyAvailable = true;
  }
  return {
    rule: { id: rule.id, name: rule.name },
    priority,
    filedPriority: priority === ticket.priority ? null : ticket.priority,
    team: actions.team ?? null,
    assignee,
    assigneeSkipped,
    nobodyAvailable,
  };
}

/**
 * Appends the internal `routed` timeline entry naming the rule and what it did. Written straight
 * to the timeline table: `routed` is routing's own entry type (see docs/API.md "Routing").
 */
export function recordRouting(
  tx: Pick<Db, 'insert'>,
  ticket: { id: string; tenantId: string },
  outcome: RoutingOutcome,
): void {
  const data: Record<string, unknown> = { rule: outcome.rule };
  if (outcome.filedPriority) data.priority = { from: outcome.filedPriority, to: outcome.priority };
  if (outcome.team) data.team = outcome.team;
  if (outcome.assignee) data.assignee = outcome.assignee;
  if (outcome.assigneeSkipped) data.assigneeSkipped = true;
  if (outcome.nobodyAvailable) data.nobodyAvailable = true;
  appendTicketEvent(tx, {
    ticketId: ticket.id,
    tenantId: ticket.tenantId,
    actorId: null,
    type: 'routed',
    // Rules, teams and agents are the desk's business, never the client's.
    visibility: 'internal',
    data,
  });
}
