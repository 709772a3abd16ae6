/**
 * The abilities sent to the client (TenantView, UserView, Me, navigation) and the generic
 * `can()` dispatcher, over the tree in policy-fixtures.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  type Actor,
  can,
  type MeAbilities,
  meAbilities,
  type NavEntry,
  navigationFor,
  sectionsFor,
  tenantAbilities,
  userAbilities,
} from '../../server/policy/index.ts';
import type { Role } from '../../storage/schema.ts';
import { actorOf, TREE, userOf } from './policy-fixtures.ts';

describe('navigationFor', () => {
  const rows: [string, Actor, NavEntry[]][] = [
    ['client without tickets', actorOf('client', 'A1', []), ['dashboard', 'profile', 'security']],
    [
      'client with tickets',
      actorOf('client', 'A1', ['tickets']),
      ['dashboard', 'tickets', 'profile', 'security'],
    ],
    ['client_admin', actorOf('client_admin'), ['dashboard', 'tickets', 'users', 'profile', 'security']],
    [
      'partner',
      actorOf('partner'),
      ['dashboard', 'tickets', 'organizations', 'users', 'branding', 'audit', 'desk', 'profile', 'security'],
    ],
    [
      'partner_staff',
      actorOf('partner_staff'),
      ['dashboard', 'tickets', 'organizations', 'desk', 'profile', 'security'],
    ],
    [
      'staff',
      actorOf('staff'),
      ['dashboard', 'tickets', 'organizations', 'users', 'outbox', 'desk', 'profile', 'security'],
    ],
    [
      'super_admin',
      actorOf('super_admin'),
      [
        'dashboard',
        'tickets',
        'organizations',
        'users',
        'branding',
        'outbox',
        'audit',
        'desk',
        'profile',
        'security',
      ],
    ],
  ];
  it.each(rows)('%s', (_what, actor, expected) => {
    expect(navigationFor(actor)).toEqual(expected);
  });
});

describe('meAbilities', () => {
  const f = false;
  const t = true;
  const EXPECTED: Record<Role, MeAbilities> = {
    super_admin: {
      manageUsers: t,
      manageOrganizations: t,
      configureBranding: t,
      readOutbox: t,
      viewAuditLog: t,
    },
    staff: { manageUsers: t, manageOrganizations: t, configureBranding: f, readOutbox: t, viewAuditLog: f },
    partner: { manageUsers: t, manageOrganizations: t, configureBranding: t, readOutbox: f, viewAuditLog: t },
    partner_staff: {
      manageUsers: f,
      manageOrganizations: f,
      configureBranding: f,
      readOutbox: f,
      viewAuditLog: f,
    },
    client_admin: {
      manageUsers: t,
      manageOrganizations: f,
      configureBranding: f,
      readOutbox: f,
      viewAuditLog: f,
    },
    client: { manageUsers: f, manageOrganizations: f, configureBranding: f, readOutbox: f, viewAuditLog: f },
  };
  it.each(Object.entries(EXPECTED) as [Role, MeAbilities][])('%s', (role, expected) => {
    expect(meAbilities(actorOf(role))).toEqual(expected);
  });
});

describe('tenantAbilities', () => {
  it('partner on their own agency', () => {
    expect(tenantAbilities(actorOf('partner'), TREE.A)).toEqual({
      update: true,
      manageUsers: true,
      configureBranding: true,
      createClientOrg: true,
      verifyDomain: false,
      requestDomain: true,
      assignableRoles: ['partner', 'partner_staff'],
    });
  });
  it('partner on their client org', () => {
    expect(tenantAbilities(actorOf('partner'), TREE.A1)).toEqual({
      update: true,
      manageUsers: true,
      configureBranding: true,
      createClientOrg: false,
      verifyDomain: false,
      requestDomain: false,
      assignableRoles: ['client_admin', 'client'],
    });
  });
  it('staff on a partner', () => {
    expect(tenantAbilities(actorOf('staff'), TREE.B)).toEqual({
      update: true,
      manageUsers: true,
      configureBranding: false,
      createClientOrg: true,
      verifyDomain: false,
      requestDomain: false,
      assignableRoles: ['partner', 'partner_staff'],
    });
  });
  it('client_admin on their org', () => {
    expect(tenantAbilities(actorOf('client_admin'), TREE.A1)).toEqual({
      update: false,
      manageUsers: true,
      configureBranding: false,
      createClientOrg: false,
      verifyDomain: false,
      requestDomain: false,
      assignableRoles: ['client'],
    });
  });
});

describe('userAbilities', () => {
  it('client_admin on an employee: manage and edit sections, but no other role to give', () => {
    expect(userAbilities(actorOf('client_admin'), userOf('client', 'A1'))).toEqual({
      update: true,
      deactivate: true,
      changeRole: false,
      assignableRoles: ['client'],
      editSections: true,
    });
  });
  it('partner on a client_admin of their client org', () => {
    expect(userAbilities(actorOf('partner'), userOf('client_admin', 'A1'))).toEqual({
      update: true,
      deactivate: true,
      changeRole: true,
      assignableRoles: ['client_admin', 'client'],
      editSections: false,
    });
  });
  it('anyone on themself: nothing', () => {
    const me = actorOf('super_admin');
    expect(userAbilities(me, userOf('super_admin', 'P', me.userId))).toEqual({
      update: false,
      deactivate: false,
      changeRole: false,
      assignableRoles: [],
      editSections: false,
    });
  });
});

describe('can()', () => {
  it('dispatches to the resource rules', () => {
    expect(can(actorOf('partner'), 'update', { type: 'tenant', tenant: TREE.A1 })).toBe(true);
    expect(can(actorOf('partner'), 'view', { type: 'tenant', tenant: TREE.B1 })).toBe(false);
    expect(can(actorOf('partner'), 'request_domain', { type: 'tenant', tenant: TREE.A })).toBe(true);
    expect(can(actorOf('super_admin'), 'verify_domain', { type: 'tenant', tenant: TREE.A })).toBe(true);
    expect(can(actorOf('client_admin'), 'manage_users', { type: 'tenant', tenant: TREE.A1 })).toBe(true);
    expect(can(actorOf('client_admin'), 'deactivate', { type: 'user', user: userOf('client', 'A1') })).toBe(
      true,
    );
    expect(can(actorOf('client_admin'), 'view', { type: 'user', user: userOf('client', 'A2') })).toBe(false);
    expect(can(actorOf('staff'), 'read', { type: 'outbox' })).toBe(true);
    expect(can(actorOf('partner'), 'read', { type: 'outbox' })).toBe(false);
    expect(can(actorOf('partner'), 'view', { type: 'audit' })).toBe(true);
    expect(can(actorOf('partner'), 'view', { type: 'audit', tenant: TREE.A2 })).toBe(true);
    expect(can(actorOf('partner'), 'view', { type: 'audit', tenant: TREE.B })).toBe(false);
    expect(can(actorOf('staff'), 'view', { type: 'audit' })).toBe(false);
  });

  it('refuses actions and resource types it does not know, including prototype names', () => {
    const admin = actorOf('super_admin');
    // Untyped callers (a parsed document name, a JSON body) can pass anything.
    const loose = can as (actor: Actor, action: string, resource: { type: string }) => boolean;
    expect(loose(admin, 'delete', { type: 'tenant' })).toBe(false);
    expect(loose(admin, 'constructor', { type: 'tenant' })).toBe(false);
    expect(loose(admin, 'toString', { type: 'outbox' })).toBe(false);
    expect(loose(admin, 'view', { type: 'ticket' })).toBe(false);
    expect(loose(admin, 'view', { type: 'constructor' })).toBe(false);
  });

  it('types actions per resource', () => {
    // @ts-expect-error 'read' is an outbox action, not a tenant action
    can(actorOf('staff'), 'read', { type: 'tenant', tenant: TREE.A });
    expect(true).toBe(true);
  });
});

describe('sectionsFor', () => {
  it('client employees are read-restricted by default; other roles are not gated', () => {
    expect(sectionsFor('client', null)).toEqual(['tickets', 'kb']);
    expect(sectionsFor('client', ['invoices', 'tickets'])).toEqual(['tickets', 'invoices']);
    expect(sectionsFor('client_admin', null)).toHaveLength(7);
  });
});
