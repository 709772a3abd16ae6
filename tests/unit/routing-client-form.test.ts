/** The desk settings dialog's conversions: rule ↔ draft ↔ request body, server errors → fields, summaries. */
import { describe, expect, it } from 'vitest';
import {
  actionsSummary,
  conditionsSummary,
  draftFromRule,
  inputFromDraft,
  ruleErrors,
  ruleFieldOf,
  splitKeywords,
} from '../../client/features/desk/ruleForm.ts';
import { matchesTitle } from '../../client/features/desk/search.ts';
import type { RoutingRule } from '../../client/features/desk/types.ts';
import { ApiError } from '../../client/lib/api.ts';

const rule: RoutingRule = {
  id: 'r1',
  name: 'Billing',
  position: 1,
  enabled: true,
  conditions: { categories: ['billing'], keywords: ['invoice', 'refund'], orgIds: ['o1'] },
  actions: { assigneeId: 'u1', team: 'finance', priority: 'high' },
  assignee: { id: 'u1', name: 'Tara Team' },
  assigneeMissing: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('draft and request body', () => {
  it('a rule survives the round trip through the dialog unchanged', () => {
    const input = inputFromDraft(draftFromRule(rule));
    expect(input).toEqual({
      name: 'Billing',
      enabled: true,
      conditions: rule.conditions,
      actions: rule.actions,
    });
  });

  it('empty conditions and actions are left out; round-robin replaces a named person', () => {
    const draft = {
      ...draftFromRule(),
      name: ' New ',
      keywords: ' , mail ,,dns ',
      assignment: 'round_robin' as const,
    };
    expect(inputFromDraft(draft)).toEqual({
      name: 'New',
      enabled: true,
      conditions: { keywords: ['mail', 'dns'] },
      actions: { assignTo: 'round_robin' },
    });
    expect(draftFromRule({ ...rule, actions: { assignTo: 'round_robin' } }).assignment).toBe('round_robin');
  });

  it('splits keywords on commas and drops blanks', () => {
    expect(splitKeywords('a, b ,, c d')).toEqual(['a', 'b', 'c d']);
    expect(splitKeywords('  ')).toEqual([]);
  });
});

describe('server errors land on the field they name', () => {
  it.each([
    ['name', 'name'],
    ['conditions', 'conditions'],
    ['conditions.categories.1', 'categories'],
    ['conditions.orgIds.0', 'orgIds'],
    ['conditions.keywords.2', 'keywords'],
    ['conditions.colour', 'conditions'],
    ['actions.assigneeId', 'assignee'],
    ['actions.assignTo', 'assignee'],
    ['actions.priority', 'priority'],
    ['actions', 'actions'],
    ['', null],
  ])('%j → %j', (path, field) => {
    expect(ruleFieldOf(path)).toBe(field);
  });

  it('keeps the first message per field', () => {
    const error = new ApiError(
      400,
      'validation_failed',
      'x',
      [
        { path: 'conditions.keywords.0', message: 'A keyword cannot be empty.' },
        { path: 'conditions.keywords.1', message: 'second' },
        { path: 'actions.assigneeId', message: 'That person cannot work this desk’s tickets.' },
      ],
      null,
    );
    expect(ruleErrors(error)).toEqual({
      keywords: 'A keyword cannot be empty.',
      assignee: 'That person cannot work this desk’s tickets.',
    });
    expect(ruleErrors(new Error('boom'))).toEqual({});
  });
});

describe('summaries', () => {
  it('says what a rule matches and does, in words', () => {
    const options = { agents: [], orgs: [{ id: 'o1', name: 'Globex' }], categories: [], priorities: [] };
    expect(conditionsSummary(rule, options)).toBe(
      'When category is Billing and organisation is Globex and mentions “invoice” or “refund”',
    );
    expect(actionsSummary(rule)).toBe('assign to Tara Team, team “finance”, priority High');
    expect(actionsSummary({ ...rule, assignee: null, assigneeMissing: true })).toMatch(/left the desk/);
  });
});

describe('picker search', () => {
  it('matches every typed word in the title, in any order, ignoring case', () => {
    expect(matchesTitle('Password reset steps', 'RESET pass')).toBe(true);
    expect(matchesTitle('Password reset steps', 'invoice')).toBe(false);
    expect(matchesTitle('Anything', '  ')).toBe(true);
  });
});
