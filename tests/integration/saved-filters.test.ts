/**
 * Saved ticket-list filters through the real server: create, list, rename, replace, delete; each
 * person sees and changes only their own (another's is a 404 and stays untouched); names are
 * unique per person; a query holds only the ticket list's own parameters with valid values.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TSavedFilterView } from '../../server/modules/saved-filters/presenter.ts';
import { savedFilters } from '../../storage/schema.ts';
import { PortalClient } from '../support/http-client.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';
import { signedInAll } from '../support/world.ts';

let portal: TestPortal;
let as: Record<string, PortalClient>;

type ErrorBody = { error: { code: string; message: string; details?: { path: string }[] } };
type One = { filter: TSavedFilterView } & ErrorBody;
type Many = { filters: TSavedFilterView[] };

beforeAll(async () => {
  portal = await startTestPortal();
  as = await signedInAll(portal.url, [
    'staff@demo.test',
    'partner@acme.test',
    'team@acme.test',
    'client@globex.test',
    'partner@northwind.test',
  ]);
});
afterAll(() => portal.close());

const create = (who: string, body: unknown) => as[who]!.post<One>('/api/saved-filters', body);
const list = (who: string) => as[who]!.get<Many>('/api/saved-filters');
const storedRow = (id: string) =>
  JSON.stringify(portal.ctx.db.select().from(savedFilters).where(eq(savedFilters.id, id)).get());

describe('saved filters', () => {
  it('creates, lists (by name), renames, replaces the query and deletes one’s own filters', async () => {
    const mine = await create('partner@acme.test', {
      name: '  My open work ',
      query: { assignee: 'me', status: 'new,open', q: 'vpn', sort: 'priority', priority: '' },
    });
    expect(mine.status).toBe(201);
    // Trimmed name; empty values dropped; keys in the list's own order.
    expect(mine.body.filter).toMatchObject({
      name: 'My open work',
      query: { status: 'new,open', assignee: 'me', q: 'vpn', sort: 'priority' },
    });
    expect(Object.keys(mine.body.filter.query)).toEqual(['status', 'assignee', 'q', 'sort']);
    const other = await create('partner@acme.test', { name: 'Critical', query: { priority: 'critical' } });
    expect(other.status).toBe(201);

    expect((await list('partner@acme.test')).body.filters.map((f) => f.name)).toEqual([
      'Critical',
      'My open work',
    ]);
    // The query is exactly what the ticket list takes.
    const applied = await as['partner@acme.test']!.get(
      `/api/tickets?${new URLSearchParams(mine.body.filter.query).toString()}`,
    );
    expect(applied.status).toBe(200);

    const renamed = await as['partner@acme.test']!.put<One>(`/api/saved-filters/${other.body.filter.id}`, {
      name: 'Fires',
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.filter).toMatchObject({ name: 'Fires', query: { priority: 'critical' } });
    const replaced = await as['partner@acme.test']!.put<One>(`/api/saved-filters/${other.body.filter.id}`, {
      query: { priority: 'critical,high', status: 'open' },
    });
    expect(replaced.body.filter).toMatchObject({
      name: 'Fires',
      query: { status: 'open', priority: 'critical,high' },
    });

    const gone = await as['partner@acme.test']!.delete(`/api/saved-filters/${other.body.filter.id}`);
    expect(gone.status).toBe(204);
    expect((await list('partner@acme.test')).body.filters.map((f) => f.name)).toEqual(['My open work']);
    const again = await as['partner@acme.test']!.delete<ErrorBody>(
      `/api/saved-filters/${other.body.filter.id}`,
    );
    expect([again.status, again.body.error.code]).toEqual([404, 'not_found']);
  });

  it('a client keeps their own filters too', async () => {
    const res = await create('client@globex.test', {
      name: 'Mine',
      query: { requester: 'me', status: 'pending_client' },
    });
    expect(res.status).toBe(201);
    expect((await list('client@globex.test')).body.filters.map((f) => f.name)).toEqual(['Mine']);
  });

  it('another person’s filter is not found — same team, another tenant, a client — and stays untouched', async () => {
    const mine = await create('partner@acme.test', { name: 'Private view', query: { status: 'open' } });
    const id = mine.body.filter.id;
    const before = storedRow(id);
    for (const who of ['team@acme.test', 'partner@northwind.test', 'client@globex.test', 'staff@demo.test']) {
      expect((await list(who)).body.filters.some((f) => f.id === id)).toBe(false);
      const put = await as[who]!.put<ErrorBody>(`/api/saved-filters/${id}`, { name: 'Stolen' });
      expect([put.status, put.body.error.code]).toEqual([404, 'not_found']);
      const del = await as[who]!.delete<ErrorBody>(`/api/saved-filters/${id}`);
      expect([del.status, del.body.error.code]).toEqual([404, 'not_found']);
    }
    expect(storedRow(id)).toBe(before);
  });

  it('a name the person already uses (any case) is 409; another person may use it', async () => {
    await create('team@acme.test', { name: 'Unassigned', query: { assignee: 'none' } });
    const dup = await create('team@acme.test', { name: 'unassigned', query: { status: 'new' } });
    expect([dup.status, dup.body.error.code]).toEqual([409, 'conflict']);
    const second = await create('team@acme.test', { name: 'New', query: { status: 'new' } });
    const rename = await as['team@acme.test']!.put<ErrorBody>(`/api/saved-filters/${second.body.filter.id}`, {
      name: 'UNASSIGNED',
    });
    expect([rename.status, rename.body.error.code]).toEqual([409, 'conflict']);
    // Renaming to its own name (a case change) is not a clash with itself.
    const recase = await as['team@acme.test']!.put<One>(`/api/saved-filters/${second.body.filter.id}`, {
      name: 'NEW',
    });
    expect(recase.status).toBe(200);
    expect(
      (await create('partner@northwind.test', { name: 'Unassigned', query: { assignee: 'none' } })).status,
    ).toBe(201);
  });

  it('refuses unknown query keys, bad values and bad names with 400 and a JSON error', async () => {
    const bad: unknown[] = [
      { name: 'x', query: { colour: 'red' } },
      { name: 'x', query: { status: 'open', page: '2' } },
      { name: 'x', query: { status: 'opened' } },
      { name: 'x', query: { priority: 'urgent' } },
      { name: 'x', query: { sort: 'oldest' } },
      { name: 'x', query: { orgId: 'acme' } },
      { name: 'x', query: { status: 1 } },
      { name: 'x', query: 'status=open' },
      { name: '', query: { status: 'open' } },
      { name: '   ', query: { status: 'open' } },
      { name: 'x'.repeat(61), query: { status: 'open' } },
      { query: { status: 'open' } },
      { name: 'x' },
      { name: 'x', query: {}, shared: true },
    ];
    const before = (await list('partner@acme.test')).body.filters.length;
    for (const body of bad) {
      const res = await create('partner@acme.test', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    const unknown = await create('partner@acme.test', { name: 'x', query: { colour: 'red' } });
    expect(unknown.body.error.details?.map((d) => d.path)).toEqual(['query.colour']);
    // A client may not filter by assignee (who works a ticket is internal), so cannot save one.
    const clientAssignee = await create('client@globex.test', { name: 'x', query: { assignee: 'me' } });
    expect([clientAssignee.status, clientAssignee.body.error.code]).toEqual([400, 'invalid_filter']);
    expect((await list('partner@acme.test')).body.filters.length).toBe(before);

    const id = (await create('partner@acme.test', { name: 'Valid', query: { status: 'open' } })).body.filter
      .id;
    for (const body of [{}, { query: { nope: '1' } }, { name: '' }]) {
      const res = await as['partner@acme.test']!.put<ErrorBody>(`/api/saved-filters/${id}`, body);
      expect([res.status, res.body.error.code]).toEqual([400, 'validation_failed']);
    }
    const badId = await as['partner@acme.test']!.put<ErrorBody>('/api/saved-filters/nope', { name: 'y' });
    expect([badId.status, badId.body.error.code]).toEqual([400, 'validation_failed']);
  });

  it('an anonymous caller gets 401 on every route', async () => {
    const anon = new PortalClient(portal.url);
    const id = (await list('partner@acme.test')).body.filters[0]!.id;
    expect((await anon.get('/api/saved-filters')).status).toBe(401);
    expect((await anon.post('/api/saved-filters', { name: 'x', query: {} })).status).toBe(401);
    expect((await anon.put(`/api/saved-filters/${id}`, { name: 'x' })).status).toBe(401);
    expect((await anon.delete(`/api/saved-filters/${id}`)).status).toBe(401);
  });
});
