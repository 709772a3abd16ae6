/**
 * Table-driven scenarios for the tenant and user rules over the fixed tree in policy-fixtures.ts
 * (P; partners A and B; A1, A2 under A; B1 under B; direct client D). Each table says, per role,
 * which tenants the rule accepts; every role × tenant cell is asserted, the refusals included.
 */
import { describe, expect, it } from 'vitest';
import {
  assignableRoles,
  canChangeRole,
  canConfigureBranding,
  canCreateTenant,
  canDeactivateTenant,
  canEditSections,
  canManageUser,
  canManageUsersIn,
  canRequestDomain,
  canUpdateTenant,
  canVerifyDomain,
  canViewTenant,
  canViewUser,
} from '../../server/policy/index.ts';
import { ROLES, type Role } from '../../storage/schema.ts';
import { actorOf, names, TENANT_NAMES, TREE, userOf } from './policy-fixtures.ts';

type PerRole = Record<Role, string>;
const ALL = 'P A B A1 A2 B1 D';
const NONE = '';

/** Every role × tenant cell of a per-role table of accepted tenants. */
function cells(table: PerRole) {
  return ROLES.flatMap((role) =>
    TENANT_NAMES.map((tenant) => ({ role, tenant, expected: names(table[role]).has(tenant) })),
  );
}

const RULE_TABLES: [string, (role: Role, tenant: (typeof TREE)[keyof typeof TREE]) => boolean, PerRole][] = [
  [
    'canViewTenant',
    (role, t) => canViewTenant(actorOf(role), t),
    {
      super_admin: ALL,
      staff: ALL,
      partner: 'A A1 A2',
      partner_staff: 'A A1 A2',
      client_admin: 'A1',
      client: 'A1',
    },
  ],
  [
    'canUpdateTenant',
    (role, t) => canUpdateTenant(actorOf(role), t),
    {
      super_admin: ALL,
      staff: 'A B A1 A2 B1 D',
      partner: 'A A1 A2',
      partner_staff: NONE,
      client_admin: NONE,
      client: NONE,
    },
  ],
  [
    'canConfigureBranding',
    (role, t) => canConfigureBranding(actorOf(role), t),
    {
      super_admin: ALL,
      staff: NONE,
      partner: 'A A1 A2',
      partner_staff: NONE,
      client_admin: NONE,
      client: NONE,
    },
  ],
  [
    'canCreateTenant(partner, under t)',
    (role, t) => canCreateTenant(actorOf(role), 'partner', t),
    { super_admin: 'P', staff: 'P', partner: NONE, partner_staff: NONE, client_admin: NONE, client: NONE },
  ],
  [
    'canCreateTenant(client, under t)',
    (role, t) => canCreateTenant(actorOf(role), 'client', t),
    {
      super_admin: 'P A B',
      staff: 'P A B',
      partner: 'A',
      partner_staff: NONE,
      client_admin: NONE,
      client: NONE,
    },
  ],
  [
    'canCreateTenant(platform, under t)',
    (role, t) => canCreateTenant(actorOf(role), 'platform', t),
    { super_admin: NONE, staff: NONE, partner: NONE, partner_staff: NONE, client_admin: NONE, client: NONE },
  ],
  [
    'canDeactivateTenant',
    (role, t) => canDeactivateTenant(actorOf(role), t),
    {
      super_admin: 'A B A1 A2 B1 D',
      staff: 'A B A1 A2 B1 D',
      partner: 'A1 A2',
      partner_staff: NONE,
      client_admin: NONE,
      client: NONE,
    },
  ],
  [
    'canRequestDomain',
    (role, t) => canRequestDomain(actorOf(role), t),
    { super_admin: NONE, staff: NONE, partner: 'A', partner_staff: NONE, client_admin: NONE, client: NONE },
  ],
  [
    'canVerifyDomain',
    (role, t) => canVerifyDomain(actorOf(role), t),
    { super_admin: ALL, staff: NONE, partner: NONE, partner_staff: NONE, client_admin: NONE, client: NONE },
  ],
  [
    'canManageUsersIn',
    (role, t) => canManageUsersIn(actorOf(role), t),
    {
      super_admin: ALL,
      staff: 'A B A1 A2 B1 D',
      partner: 'A A1 A2',
      partner_staff: NONE,
      client_admin: 'A1',
      client: NONE,
    },
  ],
];

describe.each(RULE_TABLES)('%s', (_name, rule, table) => {
  it.each(cells(table))('$role on $tenant → $expected', ({ role, tenant, expected }) => {
    expect(rule(role, TREE[tenant])).toBe(expected);
  });
});

describe('assignableRoles', () => {
  const PLATFORM: Role[] = ['super_admin', 'staff'];
  const PARTNER: Role[] = ['partner', 'partner_staff'];
  const CLIENT: Role[] = ['client_admin', 'client'];
  // role → tenant → roles; tenants left out get [].
  const EXPECTED: Record<Role, Partial<Record<keyof typeof TREE, Role[]>>> = {
    super_admin: { P: PLATFORM, A: PARTNER, B: PARTNER, A1: CLIENT, A2: CLIENT, B1: CLIENT, D: CLIENT },
    staff: { A: PARTNER, B: PARTNER, A1: CLIENT, A2: CLIENT, B1: CLIENT, D: CLIENT },
    partner: { A: PARTNER, A1: CLIENT, A2: CLIENT },
    partner_staff: {},
    client_admin: { A1: ['client'] },
    client: {},
  };
  const rows = ROLES.flatMap((role) =>
    TENANT_NAMES.map((tenant) => ({ role, tenant, expected: EXPECTED[role][tenant] ?? [] })),
  );
  it.each(rows)('$role in $tenant → $expected', ({ role, tenant, expected }) => {
    expect(assignableRoles(actorOf(role), TREE[tenant])).toEqual(expected);
  });

  it('a client_admin of a direct client manages only their own org', () => {
    const admin = actorOf('client_admin', 'D');
    expect(assignableRoles(admin, TREE.D)).toEqual(['client']);
    expect(assignableRoles(admin, TREE.A1)).toEqual([]);
  });
});

type Scenario = {
  what: string;
  actor: ReturnType<typeof actorOf>;
  target: ReturnType<typeof userOf>;
  view: boolean;
  manage: boolean;
  /** [newRole, allowed] pairs for canChangeRole. */
  change?: [Role, boolean][];
};

const ME = actorOf('partner');
// biome-ignore format: one scenario per line.
const SCENARIOS: Scenario[] = [
  { what: 'partner A → client_admin of own client org', actor: ME, target: userOf('client_admin', 'A1'), view: true, manage: true, change: [['client', true], ['partner', false]] },
  { what: "partner A → another partner's client (invisible)", actor: ME, target: userOf('client', 'B1'), view: false, manage: false, change: [['client_admin', false]] },
  { what: 'partner A → partner B', actor: ME, target: userOf('partner', 'B'), view: false, manage: false },
  { what: 'partner A → direct client', actor: ME, target: userOf('client', 'D'), view: false, manage: false },
  { what: 'partner A → platform staff', actor: ME, target: userOf('staff', 'P'), view: false, manage: false },
  { what: 'partner A → own partner_staff', actor: ME, target: userOf('partner_staff', 'A'), view: true, manage: true, change: [['partner', true], ['client', false], ['staff', false]] },
  { what: 'partner A → themself', actor: ME, target: userOf('partner', 'A', ME.userId), view: true, manage: false, change: [['partner_staff', false]] },
  { what: 'partner_staff A → client in A1', actor: actorOf('partner_staff'), target: userOf('client', 'A1'), view: true, manage: false },
  { what: 'client_admin A1 → own employee', actor: actorOf('client_admin'), target: userOf('client', 'A1'), view: true, manage: true, change: [['client', true], ['client_admin', false]] },
  { what: 'client_admin A1 → a fellow client_admin', actor: actorOf('client_admin'), target: userOf('client_admin', 'A1'), view: true, manage: false, change: [['client', false]] },
  { what: 'client_admin A1 → employee of A2', actor: actorOf('client_admin'), target: userOf('client', 'A2'), view: false, manage: false },
  { what: 'client_admin A1 → employee of direct client D', actor: actorOf('client_admin'), target: userOf('client', 'D'), view: false, manage: false },
  { what: 'client_admin A1 → their partner', actor: actorOf('client_admin'), target: userOf('partner', 'A'), view: false, manage: false },
  { what: 'client_admin A1 → themself', actor: actorOf('client_admin'), target: userOf('client_admin', 'A1', 'client_admin@A1'), view: true, manage: false },
  { what: 'client A1 → colleague', actor: actorOf('client'), target: userOf('client', 'A1'), view: true, manage: false },
  { what: 'client A1 → platform staff', actor: actorOf('client'), target: userOf('staff', 'P'), view: false, manage: false },
  { what: 'staff → fellow staff', actor: actorOf('staff'), target: userOf('staff', 'P'), view: true, manage: false, change: [['super_admin', false]] },
  { what: 'staff → super_admin', actor: actorOf('staff'), target: userOf('super_admin', 'P'), view: true, manage: false },
  { what: 'staff → partner B', actor: actorOf('staff'), target: userOf('partner', 'B'), view: true, manage: true, change: [['partner_staff', true], ['staff', false]] },
  { what: 'staff → client of direct client D', actor: actorOf('staff'), target: userOf('client', 'D'), view: true, manage: true, change: [['client_admin', true]] },
  { what: 'super_admin → staff', actor: actorOf('super_admin'), target: userOf('staff', 'P'), view: true, manage: true, change: [['super_admin', true], ['client', false]] },
  { what: 'super_admin → client of B1', actor: actorOf('super_admin'), target: userOf('client', 'B1'), view: true, manage: true, change: [['client_admin', true], ['partner', false]] },
  { what: 'super_admin → themself', actor: actorOf('super_admin'), target: userOf('super_admin', 'P', 'super_admin@P'), view: true, manage: false },
];

describe('user rules', () => {
  it.each(SCENARIOS)('$what', ({ actor, target, view, manage, change }) => {
    expect(canViewUser(actor, target)).toBe(view);
    expect(canManageUser(actor, target)).toBe(manage);
    for (const [newRole, allowed] of change ?? []) {
      expect([newRole, canChangeRole(actor, target, newRole)]).toEqual([newRole, allowed]);
    }
  });

  it('sections are edited only on manageable client employees', () => {
    expect(canEditSections(actorOf('client_admin'), userOf('client', 'A1'))).toBe(true);
    expect(canEditSections(actorOf('client_admin'), userOf('client', 'A2'))).toBe(false);
    expect(canEditSections(actorOf('partner'), userOf('client_admin', 'A1'))).toBe(false);
    expect(canEditSections(actorOf('partner'), userOf('client', 'A1'))).toBe(true);
    expect(canEditSections(actorOf('client'), userOf('client', 'A1'))).toBe(false);
  });
});

describe('misplaced actors fail closed', () => {
  it('a partner role on the platform tenant reaches nothing', () => {
    const misplaced = {
      ...actorOf('partner'),
      tenantId: 'P',
      tenantKind: 'platform' as const,
      tenantParentId: null,
    };
    for (const tenant of TENANT_NAMES) {
      expect(canViewTenant(misplaced, TREE[tenant])).toBe(false);
      expect(canUpdateTenant(misplaced, TREE[tenant])).toBe(false);
      expect(assignableRoles(misplaced, TREE[tenant])).toEqual([]);
    }
  });
});
