/**
 * The ticket rules as a table over the fixed tree in policy-fixtures.ts: every actor × a ticket
 * in P, A, A1, B1 and D, filed by the actor themself (`own`) or by someone else (`other`). Each
 * row lists the cells the rule accepts; every other cell is asserted refused.
 */
import { describe, expect, it } from 'vitest';
import {
  type Actor,
  can,
  canCreateTicketIn,
  canEditTicketDescription,
  canReplyToTicket,
  canSeeInternalTicket,
  canUpdateTicket,
  canViewTicket,
  type TicketRef,
  ticketAbilities,
} from '../../server/policy/index.ts';
import type { TicketStatus } from '../../storage/schema.ts';
import { actorOf, names, type TenantName, TREE } from './policy-fixtures.ts';

const ORGS: TenantName[] = ['P', 'A', 'A1', 'B1', 'D'];
const WHO = ['own', 'other'] as const;

/** The actors of the table: every role at home, plus the client variants that matter. */
const ACTORS: Record<string, Actor> = {
  super_admin: actorOf('super_admin'),
  staff: actorOf('staff'),
  partner: actorOf('partner'),
  partner_staff: actorOf('partner_staff'),
  'partner@B': actorOf('partner', 'B'),
  client_admin: actorOf('client_admin'),
  'client_admin@D': actorOf('client_admin', 'D'),
  client: actorOf('client', 'A1', ['tickets']),
  'client(org scope)': { ...actorOf('client', 'A1', ['tickets']), ticketScope: 'organization' },
  'client(no section)': { ...actorOf('client', 'A1', ['kb']), ticketScope: 'organization' },
};
type ActorName = keyof typeof ACTORS;

function ticketIn(org: TenantName, who: 'own' | 'other', actor: Actor, status: TicketStatus): TicketRef {
  const t = TREE[org];
  return {
    id: `t-${org}-${who}`,
    tenantId: t.id,
    tenantParentId: t.parentId,
    requesterId: who === 'own' ? actor.userId : 'someone-else',
    status,
  };
}

const EVERY = ORGS.flatMap((o) => WHO.map((w) => `${o}.${w}`)).join(' ');
const TREE_A = 'A.own A.other A1.own A1.other';
const NONE = '';

/** Which cells each actor may view; most other rules are this table narrowed. */
const VIEW: Record<ActorName, string> = {
  super_admin: EVERY,
  staff: EVERY,
  partner: TREE_A,
  partner_staff: TREE_A,
  'partner@B': 'B1.own B1.other',
  client_admin: 'A1.own A1.other',
  'client_admin@D': 'D.own D.other',
  client: 'A1.own',
  'client(org scope)': 'A1.own A1.other',
  'client(no section)': NONE,
};

/** The agency and provider rows of VIEW: the people who work tickets and read internal notes. */
const INTERNAL: Record<ActorName, string> = {
  ...VIEW,
  client_admin: NONE,
  'client_admin@D': NONE,
  client: NONE,
  'client(org scope)': NONE,
  'client(no section)': NONE,
};

type Rule = (actor: Actor, t: TicketRef) => boolean;
const TABLES: [string, TicketStatus, Rule, Record<ActorName, string>][] = [
  ['canViewTicket', 'open', canViewTicket, VIEW],
  ['canViewTicket (closed)', 'closed', canViewTicket, VIEW],
  ['canUpdateTicket', 'open', canUpdateTicket, INTERNAL],
  ['canSeeInternalTicket', 'open', canSeeInternalTicket, INTERNAL],
  ['canEditTicketDescription', 'open', canEditTicketDescription, VIEW],
  ['canEditTicketDescription (closed)', 'closed', canEditTicketDescription, mapAll(NONE)],
  ['canReplyToTicket client', 'open', (a, t) => canReplyToTicket(a, t, 'client'), VIEW],
  ['canReplyToTicket client (closed)', 'closed', (a, t) => canReplyToTicket(a, t, 'client'), mapAll(NONE)],
  ['canReplyToTicket internal', 'open', (a, t) => canReplyToTicket(a, t, 'internal'), INTERNAL],
  ['canReplyToTicket internal (closed)', 'closed', (a, t) => canReplyToTicket(a, t, 'internal'), INTERNAL],
];

function mapAll(value: string): Record<ActorName, string> {
  return Object.fromEntries(Object.keys(ACTORS).map((k) => [k, value])) as Record<ActorName, string>;
}

describe.each(TABLES)('%s', (_name, status, rule, table) => {
  const cells = Object.keys(ACTORS).flatMap((actorName) =>
    ORGS.flatMap((org) =>
      WHO.map((who) => ({
        actorName,
        cell: `${org}.${who}`,
        org,
        who,
        expected: names(table[actorName]!).has(`${org}.${who}`),
      })),
    ),
  );
  it.each(cells)('$actorName on $cell → $expected', ({ actorName, org, who, expected }) => {
    const actor = ACTORS[actorName]!;
    expect(rule(actor, ticketIn(org, who, actor, status))).toBe(expected);
  });
});

/** Which client orgs each actor may file tickets in (never a platform or partner tenant). */
const CREATE_IN: Record<ActorName, string> = {
  super_admin: 'A1 B1 D',
  staff: 'A1 B1 D',
  partner: 'A1',
  partner_staff: 'A1',
  'partner@B': 'B1',
  client_admin: 'A1',
  'client_admin@D': 'D',
  client: 'A1',
  'client(org scope)': 'A1',
  'client(no section)': NONE,
};

describe('canCreateTicketIn', () => {
  const cells = Object.keys(ACTORS).flatMap((actorName) =>
    ORGS.map((org) => ({ actorName, org, expected: names(CREATE_IN[actorName]!).has(org) })),
  );
  it.each(cells)('$actorName in $org → $expected', ({ actorName, org, expected }) => {
    expect(canCreateTicketIn(ACTORS[actorName]!, TREE[org])).toBe(expected);
  });
});

describe('fails closed', () => {
  it('an Actor without ticketScope is a client limited to their own tickets', () => {
    const actor = actorOf('client', 'A1', ['tickets']);
    expect(actor.ticketScope).toBeUndefined();
    expect(canViewTicket(actor, ticketIn('A1', 'other', actor, 'open'))).toBe(false);
  });

  it('a misplaced actor (partner role on the platform tenant) reaches no ticket', () => {
    const misplaced: Actor = {
      ...actorOf('partner'),
      tenantId: 'P',
      tenantKind: 'platform',
      tenantParentId: null,
    };
    for (const org of ORGS) {
      const t = ticketIn(org, 'other', misplaced, 'open');
      expect([org, canViewTicket(misplaced, t), canUpdateTicket(misplaced, t)]).toEqual([org, false, false]);
      expect(canCreateTicketIn(misplaced, TREE[org])).toBe(false);
    }
  });

  it('can() refuses a ticket resource without a ticket', () => {
    const loose = can as (actor: Actor, action: string, resource: { type: string }) => boolean;
    expect(loose(actorOf('super_admin'), 'view', { type: 'ticket' })).toBe(false);
  });
});

describe('can() and abilities agree with the rules', () => {
  it.each(Object.keys(ACTORS))('%s', (actorName) => {
    const actor = ACTORS[actorName]!;
    for (const org of ORGS) {
      for (const who of WHO) {
        const ticket = ticketIn(org, who, actor, 'open');
        const abilities = ticketAbilities(actor, ticket);
        expect(can(actor, 'view', { type: 'ticket', ticket })).toBe(canViewTicket(actor, ticket));
        expect(can(actor, 'update', { type: 'ticket', ticket })).toBe(abilities.update);
        expect(can(actor, 'see_internal', { type: 'ticket', ticket })).toBe(abilities.seeInternal);
        expect(can(actor, 'edit_description', { type: 'ticket', ticket })).toBe(abilities.editDescription);
        expect(can(actor, 'reply', { type: 'ticket', ticket })).toBe(abilities.reply);
        expect(can(actor, 'reply_internal', { type: 'ticket', ticket })).toBe(abilities.replyInternal);
        expect(abilities.assign).toBe(abilities.update);
      }
    }
  });
});
