/**
 * Routing rules through the real server: validation (each bad condition or action is a 400 that
 * names it), desk isolation (another desk's rule is a 404 and stays unchanged; partner_staff and
 * clients 403; anonymous 401), the dialog's options, and the audit trail of every change.
 */
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRoutingRuleView } from '../../server/modules/routing/presenter.ts';
import { buildUser } from '../../storage/builders.ts';
import { auditLog, routingRules } from '../../storage/schema.ts';
import { PortalClient } from '../support/http-client.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';
import { demoWorld, signedInAll } from '../support/world.ts';

let portal: TestPortal;
const world = demoWorld(() => portal.ctx.db);
let as: Record<string, PortalClient>;
let rule: Record<'platform' | 'acme' | 'northwind', TRoutingRuleView>;

type RuleReply = { rule: TRoutingRuleView };
type ErrorReply = { error: { code: string; message: string; details?: { path: string; message: string }[] } };

const valid = (name: string) => ({
  name,
  conditions: { categories: ['billing'] },
  actions: { team: 'billing' },
});
const rulesSnapshot = () => JSON.stringify(portal.ctx.db.select().from(routingRules).all());

beforeAll(async () => {
  portal = await startTestPortal();
  as = await signedInAll(portal.url, [
    'admin@demo.test',
    'staff@demo.test',
    'partner@acme.test',
    'team@acme.test',
    'client@globex.test',
    'employee@globex.test',
    'partner@northwind.test',
  ]);
  const create = async (who: string, name: string) => {
    const res = await as[who]!.post<RuleReply>('/api/routing/rules', valid(name));
    expect(res.status).toBe(201);
    return res.body.rule;
  };
  rule = {
    platform: await create('admin@demo.test', 'Platform billing'),
    acme: await create('partner@acme.test', 'Acme billing'),
    northwind: await create('partner@northwind.test', 'Northwind billing'),
  };
});
afterAll(() => portal.close());

describe('creating and listing', () => {
  it('a rule is created at the end of its desk’s order, with every field as sent', async () => {
    const res = await as['staff@demo.test']!.post<RuleReply>('/api/routing/rules', {
      name: '  Urgent Initech  ',
      enabled: false,
      conditions: {
        priorities: ['critical'],
        orgIds: [world.tenantId('initech')],
        keywords: ['down', 'outage'],
      },
      actions: { assigneeId: world.userId('staff@demo.test'), priority: 'critical' },
    });
    expect(res.status).toBe(201);
    expect(res.body.rule).toMatchObject({
      name: 'Urgent Initech',
      enabled: false,
      position: 2,
      conditions: {
        priorities: ['critical'],
        orgIds: [world.tenantId('initech')],
        keywords: ['down', 'outage'],
      },
      actions: { assigneeId: world.userId('staff@demo.test'), priority: 'critical' },
      assignee: { id: world.userId('staff@demo.test'), name: 'Sam Staff' },
      assigneeMissing: false,
    });
    const list = await as['admin@demo.test']!.get<{ rules: TRoutingRuleView[] }>('/api/routing/rules');
    expect(list.body.rules.map((r) => r.name)).toEqual(['Platform billing', 'Urgent Initech']);
  });

  it('each desk lists only its own rules', async () => {
    const acme = await as['partner@acme.test']!.get<{ rules: TRoutingRuleView[] }>('/api/routing/rules');
    expect(acme.body.rules.map((r) => r.id)).toEqual([rule.acme.id]);
    const nw = await as['partner@northwind.test']!.get<{ rules: TRoutingRuleView[] }>('/api/routing/rules');
    expect(nw.body.rules.map((r) => r.id)).toEqual([rule.northwind.id]);
  });

  it('the dialog’s options are the desk’s own people and client orgs', async () => {
    const acme = await as['partner@acme.test']!.get<{
      agents: { id: string }[];
      orgs: { id: string; name: string }[];
      categories: string[];
      priorities: string[];
    }>('/api/routing/options');
    expect(acme.status).toBe(200);
    expect(acme.body.orgs).toEqual([{ id: world.tenantId('globex'), name: 'Globex' }]);
    expect(new Set(acme.body.agents.map((a) => a.id))).toEqual(
      new Set([world.userId('partner@acme.test'), world.userId('team@acme.test')]),
    );
    expect(acme.body.priorities).toEqual(['low', 'medium', 'high', 'critical']);
    const platform = await as['admin@demo.test']!.get<{ orgs: { name: string }[]; agents: { id: string }[] }>(
      '/api/routing/options',
    );
    expect(platform.body.orgs.map((o) => o.name)).toEqual(['Initech']);
    expect(platform.body.agents.map((a) => a.id)).not.toContain(world.userId('team@acme.test'));
  });

  it('every change is in the audit log of its desk', () => {
    const entries = portal.ctx.db
      .select()
      .from(auditLog)
      .where(and(like(auditLog.action, 'routing_rule.%'), eq(auditLog.tenantId, world.tenantId('acme'))))
      .all();
    expect(entries).toContainEqual(
      expect.objectContaining({
        action: 'routing_rule.created',
        actorUserId: world.userId('partner@acme.test'),
        targetType: 'routing_rule',
        targetId: rule.acme.id,
      }),
    );
  });
});

describe('validation: each bad condition or action is a 400 naming it', () => {
  let leaver: string;
  beforeAll(async () => {
    const u = await buildUser(
      portal.ctx.db,
      {
        email: 'left@acme.test',
        name: 'Left',
        role: 'partner_staff',
        tenantId: world.tenantId('acme'),
        status: 'deactivated',
      },
      { fastHash: true },
    );
    leaver = u.id;
  });

  const cases: [string, () => Record<string, unknown>, string][] = [
    [
      'unknown category',
      () => ({ conditions: { categories: ['billing', 'cooking'] } }),
      'conditions.categories',
    ],
    ['unknown priority', () => ({ conditions: { priorities: ['urgent'] } }), 'conditions.priorities'],
    ['empty category list', () => ({ conditions: { categories: [] } }), 'conditions.categories'],
    ['no condition at all', () => ({ conditions: {} }), 'conditions'],
    [
      'unknown condition field',
      () => ({ conditions: { categories: ['billing'], colour: 'red' } }),
      'conditions',
    ],
    ['empty keyword', () => ({ conditions: { keywords: ['mail', ''] } }), 'conditions.keywords'],
    ['blank keyword', () => ({ conditions: { keywords: ['   '] } }), 'conditions.keywords'],
    ['keyword not text', () => ({ conditions: { keywords: [42] } }), 'conditions.keywords'],
    [
      'another desk’s client org',
      () => ({ conditions: { orgIds: [world.tenantId('initech')] } }),
      'conditions.orgIds',
    ],
    [
      'the desk itself as an org',
      () => ({ conditions: { orgIds: [world.tenantId('acme')] } }),
      'conditions.orgIds',
    ],
    ['a made-up org id', () => ({ conditions: { orgIds: ['aaaaaaaaaaaaaaaa'] } }), 'conditions.orgIds'],
    ['a malformed org id', () => ({ conditions: { orgIds: ['../etc'] } }), 'conditions.orgIds'],
    [
      'provider staff as assignee',
      () => ({ actions: { assigneeId: world.userId('staff@demo.test') } }),
      'actions.assigneeId',
    ],
    [
      'a client as assignee',
      () => ({ actions: { assigneeId: world.userId('client@globex.test') } }),
      'actions.assigneeId',
    ],
    ['a deactivated assignee', () => ({ actions: { assigneeId: leaver } }), 'actions.assigneeId'],
    [
      'another partner as assignee',
      () => ({ actions: { assigneeId: world.userId('partner@northwind.test') } }),
      'actions.assigneeId',
    ],
    ['no action at all', () => ({ actions: {} }), 'actions'],
    ['unknown action field', () => ({ actions: { team: 'x', notify: true } }), 'actions'],
    ['unknown action priority', () => ({ actions: { priority: 'asap' } }), 'actions.priority'],
    ['unknown assignTo', () => ({ actions: { assignTo: 'random' } }), 'actions.assignTo'],
    [
      'both an assignee and round-robin',
      () => ({ actions: { assigneeId: world.userId('team@acme.test'), assignTo: 'round_robin' } }),
      'actions.assignTo',
    ],
    ['empty team', () => ({ actions: { team: ' ' } }), 'actions.team'],
    ['empty name', () => ({ name: '' }), 'name'],
    ['unknown top-level field', () => ({ position: 1 }), ''],
  ];

  it.each(cases)('%s', async (_label, change, path) => {
    const before = rulesSnapshot();
    const res = await as['partner@acme.test']!.post<ErrorReply>('/api/routing/rules', {
      ...valid('Bad'),
      ...change(),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details?.[0]?.path.startsWith(path)).toBe(true);
    expect(res.body.error.message).toContain(path);
    // The same checks guard changes to an existing rule.
    const put = await as['partner@acme.test']!.put<ErrorReply>(`/api/routing/rules/${rule.acme.id}`, {
      ...valid('Bad'),
      ...change(),
    });
    expect(put.status).toBe(400);
    expect(rulesSnapshot()).toBe(before);
  });

  it('messages say what is wrong', async () => {
    const res = await as['partner@acme.test']!.post<ErrorReply>('/api/routing/rules', {
      ...valid('Bad'),
      conditions: { categories: ['cooking'] },
    });
    expect(res.body.error.message).toMatch(/Unknown category/);
    const org = await as['partner@acme.test']!.post<ErrorReply>('/api/routing/rules', {
      ...valid('Bad'),
      conditions: { orgIds: [world.tenantId('initech')] },
    });
    expect(org.body.error.message).toMatch(/not a client of this desk/);
  });

  it('reordering must name every rule of the desk exactly once', async () => {
    const before = rulesSnapshot();
    for (const ids of [
      [],
      [rule.acme.id, rule.acme.id],
      [rule.acme.id, rule.platform.id],
      [rule.platform.id],
    ]) {
      const res = await as['partner@acme.test']!.put<ErrorReply>('/api/routing/rules/order', { ids });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid_order');
    }
    expect((await as['partner@acme.test']!.put('/api/routing/rules/order', { ids: 'x' })).status).toBe(400);
    expect(rulesSnapshot()).toBe(before);
  });

  it('an update with nothing in it is a 400', async () => {
    expect((await as['partner@acme.test']!.put(`/api/routing/rules/${rule.acme.id}`, {})).status).toBe(400);
  });
});

describe('desk isolation', () => {
  it('a partner cannot read, change or delete the platform’s or another partner’s rules: 404, unchanged', async () => {
    const before = rulesSnapshot();
    for (const other of [rule.platform, rule.northwind]) {
      const put = await as['partner@acme.test']!.put(`/api/routing/rules/${other.id}`, { enabled: false });
      expect(put.status).toBe(404);
      expect(put.body).toMatchObject({ error: { code: 'not_found' } });
      expect((await as['partner@acme.test']!.delete(`/api/routing/rules/${other.id}`)).status).toBe(404);
    }
    // And the platform's people cannot reach into an agency's desk either.
    expect(
      (await as['admin@demo.test']!.put(`/api/routing/rules/${rule.acme.id}`, { enabled: false })).status,
    ).toBe(404);
    expect((await as['admin@demo.test']!.delete(`/api/routing/rules/${rule.northwind.id}`)).status).toBe(404);
    expect(rulesSnapshot()).toBe(before);
  });

  it('partner_staff and client roles are refused every route (403); nothing changes', async () => {
    const before = rulesSnapshot();
    for (const who of ['team@acme.test', 'client@globex.test', 'employee@globex.test']) {
      const c = as[who]!;
      const replies = [
        await c.get('/api/routing/rules'),
        await c.get('/api/routing/options'),
        await c.post('/api/routing/rules', valid('Sneaky')),
        await c.put(`/api/routing/rules/${rule.acme.id}`, { enabled: false }),
        await c.put('/api/routing/rules/order', { ids: [rule.acme.id] }),
        await c.delete(`/api/routing/rules/${rule.acme.id}`),
        // Even with a bad body or id: the refusal comes first, so it reveals nothing.
        await c.post('/api/routing/rules', { junk: true }),
        await c.delete('/api/routing/rules/not-an-id'),
      ];
      for (const res of replies) {
        expect(res.status, `${who}`).toBe(403);
        expect(res.body).toMatchObject({ error: { code: 'forbidden' } });
        expect(JSON.stringify(res.body)).not.toContain('Acme billing');
      }
    }
    expect(rulesSnapshot()).toBe(before);
  });

  it('anonymous callers get 401 everywhere', async () => {
    const anonymous = new PortalClient(portal.url);
    for (const res of [
      await anonymous.get('/api/routing/rules'),
      await anonymous.get('/api/routing/options'),
      await anonymous.post('/api/routing/rules', valid('Anon')),
      await anonymous.put(`/api/routing/rules/${rule.acme.id}`, { enabled: false }),
      await anonymous.put('/api/routing/rules/order', { ids: [rule.acme.id] }),
      await anonymous.delete(`/api/routing/rules/${rule.acme.id}`),
    ]) {
      expect(res.status).toBe(401);
    }
  });

  it('a desk deletes its own rule (audited); a second delete is a 404', async () => {
    const created = await as['partner@northwind.test']!.post<RuleReply>('/api/routing/rules', valid('Temp'));
    const id = created.body.rule.id;
    expect((await as['partner@northwind.test']!.delete(`/api/routing/rules/${id}`)).status).toBe(204);
    expect((await as['partner@northwind.test']!.delete(`/api/routing/rules/${id}`)).status).toBe(404);
    const audited = portal.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'routing_rule.deleted'), eq(auditLog.targetId, id)))
      .get();
    expect(audited).toMatchObject({ tenantId: world.tenantId('northwind'), data: { name: 'Temp' } });
  });
});
