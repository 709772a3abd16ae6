/**
 * Inputs of the routing routes, validated at the edge. Each message names the condition or
 * action that is wrong, because the desk settings dialog shows it next to that field. Checks
 * that need the database (org ids of this desk, an assignee who can work it) are in validate.ts.
 */
import { z } from 'zod';
import { TICKET_CATEGORIES, TICKET_PRIORITIES } from '../../../storage/schema.ts';
import { ZId } from '../tenants/schema.ts';

export const ZRuleParams = z.object({ id: ZId }).strict();

const list = <T extends z.ZodType>(item: T, what: string) =>
  z
    .array(item)
    .min(1, `List at least one ${what}, or remove the condition.`)
    .max(50, `List at most 50 ${what}s.`);

export const ZRoutingConditions = z
  .object({
    categories: list(
      z.enum(TICKET_CATEGORIES, { error: `Unknown category: use one of ${TICKET_CATEGORIES.join(', ')}.` }),
      'category',
    ).optional(),
    priorities: list(
      z.enum(TICKET_PRIORITIES, { error: `Unknown priority: use one of ${TICKET_PRIORITIES.join(', ')}.` }),
      'priority',
    ).optional(),
    orgIds: list(ZId, 'organization').optional(),
    keywords: list(
      z
        .string({ error: 'Each keyword must be text.' })
        .trim()
        .min(1, 'A keyword cannot be empty.')
        .max(60, 'Use at most 60 characters per keyword.'),
      'keyword',
    ).optional(),
  })
  .strict()
  // A rule without conditions would swallow every ticket of the desk: refuse it by name.
  .refine((c) => Object.values(c).some((v) => v !== undefined), {
    message: 'Add at least one condition (category, priority, organization or keyword).',
  });

export const ZRoutingActions = z
  .object({
    assigneeId: ZId.optional(),
    assignTo: z.literal('round_robin', { error: "assignTo can only be 'round_robin'." }).optional(),
    team: z.string().trim().min(1, 'Enter a team name, or remove the team.').max(60).optional(),
    priority: z
      .enum(TICKET_PRIORITIES, { error: `Unknown priority: use one of ${TICKET_PRIORITIES.join(', ')}.` })
      .optional(),
  })
  .strict()
  .refine((a) => Object.values(a).some((v) => v !== undefined), {
    message: 'Add at least one action (assignee, round-robin, team or priority).',
  })
  .refine((a) => !(a.assigneeId && a.assignTo), {
    message: 'Choose either a named assignee or round-robin, not both.',
    path: ['assignTo'],
  });

const ZRuleName = z.string().trim().min(1, 'Enter a name.').max(100, 'Use at most 100 characters.');

export const ZRuleCreate = z
  .object({
    name: ZRuleName,
    enabled: z.boolean().optional(),
    conditions: ZRoutingConditions,
    actions: ZRoutingActions,
  })
  .strict();
export type TRuleCreate = z.infer<typeof ZRuleCreate>;

/** Each field sent replaces that field whole (conditions and actions are not merged). */
export const ZRuleUpdate = z
  .object({
    name: ZRuleName.optional(),
    enabled: z.boolean().optional(),
    conditions: ZRoutingConditions.optional(),
    actions: ZRoutingActions.optional(),
  })
  .strict()
  .refine(
    (v) => Object.values(v).some((x) => x !== undefined),
    'Send a name, enabled, conditions or actions.',
  );
export type TRuleUpdate = z.infer<typeof ZRuleUpdate>;

export const ZRuleOrder = z
  .object({
    ids: z.array(ZId).max(500),
  })
  .strict();

export const ZAvailability = z.object({ available: z.boolean() }).strict();
