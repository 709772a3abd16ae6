/** The routing rule engine: each condition, AND across conditions, order, first match wins, keywords. */
import { describe, expect, it } from 'vitest';
import {
  containsWord,
  type EngineRule,
  firstMatchingRule,
  matchesConditions,
  type RoutableTicket,
} from '../../server/modules/routing/engine.ts';
import { nextInTurn } from '../../server/modules/routing/round-robin.ts';

const ticket: RoutableTicket = {
  category: 'billing',
  priority: 'medium',
  orgId: 'org-globex',
  subject: 'Invoice 42 is wrong',
  description: 'The VAT line on our e-mail invoice is doubled.',
};

let seq = 0;
const rule = (over: Partial<EngineRule>): EngineRule => {
  seq += 1;
  return {
    id: `r${seq}`,
    name: `rule ${seq}`,
    position: seq,
    enabled: true,
    conditions: {},
    actions: {},
    ...over,
  };
};

describe('each condition', () => {
  it('categories: any listed category matches', () => {
    expect(matchesConditions(ticket, { categories: ['billing', 'bug_report'] })).toBe(true);
    expect(matchesConditions(ticket, { categories: ['bug_report'] })).toBe(false);
  });

  it('priorities: any listed priority matches', () => {
    expect(matchesConditions(ticket, { priorities: ['medium'] })).toBe(true);
    expect(matchesConditions(ticket, { priorities: ['high', 'critical'] })).toBe(false);
  });

  it('orgIds: the ticket’s org must be listed', () => {
    expect(matchesConditions(ticket, { orgIds: ['org-initech', 'org-globex'] })).toBe(true);
    expect(matchesConditions(ticket, { orgIds: ['org-initech'] })).toBe(false);
  });

  it('keywords: any keyword in the subject or the description', () => {
    expect(matchesConditions(ticket, { keywords: ['refund', 'invoice'] })).toBe(true);
    expect(matchesConditions(ticket, { keywords: ['vat'] })).toBe(true);
    expect(matchesConditions(ticket, { keywords: ['refund'] })).toBe(false);
  });

  it('conditions are AND-ed: one failing condition fails the rule', () => {
    expect(
      matchesConditions(ticket, { categories: ['billing'], priorities: ['medium'], keywords: ['invoice'] }),
    ).toBe(true);
    expect(matchesConditions(ticket, { categories: ['billing'], priorities: ['high'] })).toBe(false);
    expect(matchesConditions(ticket, { categories: ['billing'], orgIds: ['org-initech'] })).toBe(false);
    expect(matchesConditions(ticket, { priorities: ['medium'], keywords: ['refund'] })).toBe(false);
  });
});

describe('keywords match whole words, ignoring case', () => {
  it.each([
    ['Mail is down', 'mail', true],
    ['MAIL is down', 'Mail', true],
    ['our e-mail bounced', 'mail', true],
    ['the mailbox is full', 'mail', false],
    ['Gmail rejects us', 'mail', false],
    ['mail_server crashed', 'mail', false],
    ['Mail.', 'mail', true],
    ['(mail)', 'mail', true],
    ['mail2 is new', 'mail', false],
    ['Password reset please', 'password reset', true],
    ['password\n reset', 'password reset', true],
    ['passwords reset', 'password reset', false],
    ['Café closed', 'café', true],
    ['Cafés closed', 'café', false],
    ['price is $5 (approx)', '$5', true],
    ['a.b c', 'a.b', true],
    ['axb c', 'a.b', false],
  ])('%j contains %j: %s', (text, keyword, expected) => {
    expect(containsWord(text, keyword)).toBe(expected);
  });

  it('an empty keyword never matches', () => {
    expect(containsWord('anything', '  ')).toBe(false);
  });
});

describe('rule order', () => {
  it('the first matching rule by position wins, whatever order they are given in', () => {
    const late = rule({ position: 5, conditions: { categories: ['billing'] } });
    const early = rule({ position: 2, conditions: { keywords: ['invoice'] } });
    const other = rule({ position: 1, conditions: { categories: ['bug_report'] } });
    expect(firstMatchingRule(ticket, [late, early, other])?.id).toBe(early.id);
  });

  it('disabled rules are skipped; the next match applies', () => {
    const off = rule({ position: 1, enabled: false, conditions: { categories: ['billing'] } });
    const on = rule({ position: 2, conditions: { priorities: ['medium'] } });
    expect(firstMatchingRule(ticket, [off, on])?.id).toBe(on.id);
  });

  it('no matching rule: undefined', () => {
    expect(firstMatchingRule(ticket, [rule({ conditions: { priorities: ['critical'] } })])).toBeUndefined();
    expect(firstMatchingRule(ticket, [])).toBeUndefined();
  });
});

describe('round-robin turn', () => {
  const pool = [{ id: 'a' }, { id: 'c' }, { id: 'e' }];
  it('starts at the first, follows the cursor and wraps around', () => {
    expect(nextInTurn(pool, null)?.id).toBe('a');
    expect(nextInTurn(pool, 'a')?.id).toBe('c');
    expect(nextInTurn(pool, 'e')?.id).toBe('a');
  });
  it('a cursor on someone no longer in the pool moves to the next id after them', () => {
    expect(nextInTurn(pool, 'b')?.id).toBe('c');
    expect(nextInTurn(pool, 'z')?.id).toBe('a');
  });
  it('an empty pool has no one', () => {
    expect(nextInTurn([], 'a')).toBeUndefined();
  });
});
