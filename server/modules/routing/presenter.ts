/** RoutingRuleView (docs/API.md "Routing"): each field picked by hand. */
import type { DeskAgent } from './agents.ts';
import type { RuleRow } from './queries.ts';

/**
 * A rule as its desk sees it. `assignee` resolves a named assignee among the desk's active
 * people; `assigneeMissing` flags one who no longer works the desk (routing skips them).
 */
export function presentRule(row: RuleRow, agents: ReadonlyMap<string, DeskAgent>) {
  const assigneeId = row.actions.assigneeId ?? null;
  const agent = assigneeId ? agents.get(assigneeId) : undefined;
  return {
    id: row.id,
    name: row.name,
    position: row.position,
    enabled: row.enabled,
    conditions: {
      categories: row.conditions.categories,
      priorities: row.conditions.priorities,
      orgIds: row.conditions.orgIds,
      keywords: row.conditions.keywords,
    },
    actions: {
      assigneeId: row.actions.assigneeId,
      assignTo: row.actions.assignTo,
      team: row.actions.team,
      priority: row.actions.priority,
    },
    assignee: agent ? { id: agent.id, name: agent.name } : null,
    assigneeMissing: assigneeId !== null && !agent,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type TRoutingRuleView = ReturnType<typeof presentRule>;
