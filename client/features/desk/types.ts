/** The wire shapes of the desk settings routes (docs/API.md "Routing", "Canned responses"). */
import type { Role, TicketCategory, TicketPriority } from '../../lib/types.ts';

export interface RoutingConditions {
  categories?: TicketCategory[];
  priorities?: TicketPriority[];
  orgIds?: string[];
  keywords?: string[];
}

export interface RoutingActions {
  assigneeId?: string;
  assignTo?: 'round_robin';
  team?: string;
  priority?: TicketPriority;
}

/** RoutingRuleView. */
export interface RoutingRule {
  id: string;
  name: string;
  position: number;
  enabled: boolean;
  conditions: RoutingConditions;
  actions: RoutingActions;
  assignee: { id: string; name: string } | null;
  /** The named assignee no longer works this desk: routing skips them. */
  assigneeMissing: boolean;
  createdAt: string;
  updatedAt: string;
}

/** What a rule may name: this desk's people and client orgs. */
export interface RoutingOptions {
  agents: { id: string; name: string; role: Role }[];
  orgs: { id: string; name: string }[];
  categories: TicketCategory[];
  priorities: TicketPriority[];
}

/** The body of POST /api/routing/rules (and, field by field, of PUT). */
export interface RuleInput {
  name: string;
  enabled: boolean;
  conditions: RoutingConditions;
  actions: RoutingActions;
}

/** CannedResponseView. */
export interface CannedResponse {
  id: string;
  title: string;
  body: string;
  shared: boolean;
  abilities: { edit: boolean };
  createdAt: string;
  updatedAt: string;
}

export interface CannedList {
  cannedResponses: CannedResponse[];
  abilities: { createShared: boolean };
}
