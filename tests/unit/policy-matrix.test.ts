/**
 * The permission matrix, transcribed independently from PRD §3.2 (seeds/003) with the Client
 * column split into client_admin | client (seeds/002), and DESIGN.md's overrides marked.
 * Symbols as in the PRD: ✓ yes, — no, Request, Scoped, Optional, ✓ (own); § = client only with
 * the matching portal section granted by their client_admin.
 */
import { describe, expect, it } from 'vitest';
import {
  type Actor,
  type Grant,
  grantOf,
  has,
  PERMISSION_NAMES,
  type Permission,
} from '../../server/policy/index.ts';
import { ROLES, type Role, type Section } from '../../storage/schema.ts';

type Cell = '✓' | '—' | 'Request' | 'Scoped' | 'Optional' | '✓ (own)' | '§';
const SYMBOL: Record<Cell, Grant> = {
  '✓': 'yes',
  '—': 'no',
  Request: 'request',
  Scoped: 'scoped',
  Optional: 'optional',
  '✓ (own)': 'own',
  '§': 'section',
};

// biome-ignore format: transcribed as a table, like the PRD's.
// permission                        super_admin staff  partner    partner_staff client_admin client
const EXPECTED: [Permission, Cell, Cell, Cell, Cell, Cell, Cell][] = [
  ['tenants.view_all',               '✓', '—',      '—',       '—', '—',        '—'],
  ['system.manage_settings',         '✓', '—',      '—',       '—', '—',        '—'],
  ['users.manage_staff',             '✓', '—',      '—',       '—', '—',        '—'],
  ['users.manage_partners',          '✓', '✓',      '—',       '—', '—',        '—'],
  // DESIGN.md: partner_staff has no user management (PRD: ✓).
  ['users.manage_partner_clients',   '✓', '✓',      '✓',       '—', '—',        '—'],
  // Not in the PRD: one's own org's people (client_admin per seeds/002, partner as the agency's owner).
  ['users.manage_own_org',           '✓', '—',      '✓',       '—', '✓',        '—'],
  ['branding.configure',             '✓', '—',      '✓',       '—', '—',        '—'],
  ['branding.custom_domain',         '✓', '—',      'Request', '—', '—',        '—'],
  ['tickets.submit',                 '✓', '✓',      '✓',       '✓', '✓',        '§'],
  ['tickets.view_own',               '✓', '✓',      '✓',       '✓', '✓',        '§'],
  ['tickets.view_queue_position',    '✓', '✓',      '✓',       '✓', '✓',        '§'],
  ['tickets.manage_all',             '✓', '✓',      '—',       '—', '—',        '—'],
  ['tickets.manage_tenant',          '✓', '✓',      '✓',       '✓', '—',        '—'],
  ['invoices.create',                '✓', '✓',      '✓',       '—', '—',        '—'],
  ['invoices.view_own',              '✓', '—',      '✓',       '—', '✓',        '§'],
  ['invoices.configure_terms',       '✓', '—',      '—',       '—', '—',        '—'],
  ['contracts.create',               '✓', '✓',      '✓',       '—', '—',        '—'],
  ['contracts.sign',                 '✓', '✓',      '✓',       '✓', '✓',        '§'],
  ['kb.manage_system',               '✓', '✓',      '—',       '—', '—',        '—'],
  ['kb.manage_tenant',               '✓', '✓',      '✓',       '—', '—',        '—'],
  ['kb.view',                        '✓', '✓',      '✓',       '✓', '✓',        '§'],
  ['forms.create',                   '✓', '✓',      '—',       '—', '—',        '—'],
  // PRD §4.7: all roles can submit forms, so no section gates it.
  ['forms.submit',                   '✓', '✓',      '✓',       '✓', '✓',        '✓'],
  ['forms.view_submissions',         '✓', '✓',      '✓ (own)', '—', '—',        '—'],
  ['chat.agent',                     '✓', '✓',      '✓',       '✓', '—',        '—'],
  ['chat.client',                    '—', '—',      '—',       '—', '✓',        '§'],
  ['messages.direct',                '✓', '✓',      '✓',       '✓', '✓',        '§'],
  ['time.log',                       '✓', '✓',      '—',       '—', '—',        '—'],
  ['time.view_reports',              '✓', '✓',      '—',       '—', '—',        '—'],
  ['reports.view_all',               '✓', '✓',      '—',       '—', '—',        '—'],
  ['reports.view_tenant',            '✓', '✓',      '✓',       '—', '—',        '—'],
  ['reports.partner_volume',         '✓', '✓',      '✓ (own)', '—', '—',        '—'],
  ['api.full',                       '✓', 'Scoped', '—',       '—', '—',        '—'],
  ['api.tenant_scoped',              '✓', '✓',      '✓',       '—', '—',        '—'],
  ['api.read_only',                  '✓', '✓',      '✓',       '✓', 'Optional', 'Optional'],
];

const COLUMNS: Role[] = ['super_admin', 'staff', 'partner', 'partner_staff', 'client_admin', 'client'];

const CELLS = EXPECTED.flatMap(([permission, ...cells]) =>
  COLUMNS.map((role, i) => ({ permission, role, grant: SYMBOL[cells[i] as Cell] })),
);

const PLACE: Record<Role, Pick<Actor, 'tenantId' | 'tenantKind' | 'tenantParentId'>> = {
  super_admin: { tenantId: 'P', tenantKind: 'platform', tenantParentId: null },
  staff: { tenantId: 'P', tenantKind: 'platform', tenantParentId: null },
  partner: { tenantId: 'A', tenantKind: 'partner', tenantParentId: 'P' },
  partner_staff: { tenantId: 'A', tenantKind: 'partner', tenantParentId: 'P' },
  client_admin: { tenantId: 'A1', tenantKind: 'client', tenantParentId: 'A' },
  client: { tenantId: 'A1', tenantKind: 'client', tenantParentId: 'A' },
};
function actorOf(role: Role, sections: Section[] = []): Actor {
  return { userId: `u-${role}`, role, ...PLACE[role], sections };
}

describe('permission matrix', () => {
  it('the expected table covers every permission and every role exactly once', () => {
    expect(EXPECTED.map(([p]) => p).sort()).toEqual([...PERMISSION_NAMES].sort());
    expect([...COLUMNS].sort()).toEqual([...ROLES].sort());
  });

  it.each(CELLS)('$permission for $role is $grant', ({ permission, role, grant }) => {
    expect(grantOf(role, permission)).toBe(grant);
  });
});

describe('has()', () => {
  it.each(CELLS)('$permission for $role follows its grant ($grant)', ({ permission, role, grant }) => {
    const expected = grant === 'yes' || grant === 'own' || grant === 'scoped';
    // Without any section, a section grant is refused.
    expect(has(actorOf(role), permission)).toBe(expected);
  });

  it('a client has section-gated permissions only with the matching section', () => {
    expect(has(actorOf('client', []), 'tickets.submit')).toBe(false);
    expect(has(actorOf('client', ['tickets']), 'tickets.submit')).toBe(true);
    expect(has(actorOf('client', ['tickets']), 'tickets.view_queue_position')).toBe(true);
    expect(has(actorOf('client', ['tickets']), 'invoices.view_own')).toBe(false);
    expect(has(actorOf('client', ['invoices']), 'invoices.view_own')).toBe(true);
    expect(has(actorOf('client', ['contracts']), 'contracts.sign')).toBe(true);
    expect(has(actorOf('client', ['kb']), 'kb.view')).toBe(true);
    expect(has(actorOf('client', ['chat']), 'chat.client')).toBe(true);
    expect(has(actorOf('client', ['messages']), 'messages.direct')).toBe(true);
    expect(has(actorOf('client', ['files']), 'messages.direct')).toBe(false);
  });

  it('sections never widen a role beyond its matrix row', () => {
    const all: Section[] = ['tickets', 'invoices', 'contracts', 'kb', 'chat', 'messages', 'files'];
    expect(has(actorOf('client', all), 'tickets.manage_tenant')).toBe(false);
    expect(has(actorOf('client', all), 'api.read_only')).toBe(false);
    expect(has(actorOf('partner_staff', all), 'invoices.view_own')).toBe(false);
  });

  it('request and optional grants do not count as holding the permission', () => {
    expect(has(actorOf('partner'), 'branding.custom_domain')).toBe(false);
    expect(has(actorOf('client_admin'), 'api.read_only')).toBe(false);
  });

  it('an actor whose role does not belong in their tenant holds nothing', () => {
    const misplaced: Actor = {
      ...actorOf('super_admin'),
      tenantId: 'A1',
      tenantKind: 'client',
      tenantParentId: 'A',
    };
    expect(has(misplaced, 'tenants.view_all')).toBe(false);
    expect(has(misplaced, 'forms.submit')).toBe(false);
  });
});
