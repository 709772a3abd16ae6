/**
 * The queue position route and its live push: counts across every tenant, nothing else of them;
 * a 404 for a ticket the caller may not see; a push on the user channel when the queue moves.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eventually, openDocument, type Tab, tabSockets } from '../support/collab.ts';
import { PortalClient, signedIn } from '../support/http-client.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';

let portal: TestPortal;
const sockets = tabSockets(() => portal.url);

beforeAll(async () => {
  portal = await startTestPortal();
});
afterEach(sockets.destroyAll);
afterAll(() => portal.close());

interface Queue {
  position: number | null;
  total: number;
  priority: string;
  estimatedResponseMinutes: number | null;
}

async function file(client: PortalClient, priority: string, subject = 'Queue'): Promise<string> {
  const res = await client.post<{ ticket: { id: string } }>('/api/tickets', {
    subject,
    category: 'technical_support',
    priority,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.ticket.id;
}

async function queueOf(client: PortalClient, id: string): Promise<Queue> {
  const res = await client.get<Queue>(`/api/tickets/${id}/queue`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

async function userIdOf(client: PortalClient): Promise<string> {
  return (await client.get<{ user: { id: string } }>('/api/me')).body.user.id;
}

const pushes = (tab: Tab) =>
  tab.stateless
    .map((p) => JSON.parse(p) as Record<string, unknown>)
    .filter((m) => m.type === 'queue.changed');

describe('GET /api/tickets/:id/queue', () => {
  it('answers the contract for the requester, counting every tenant, and moves as tickets ahead leave', async () => {
    const grace = await signedIn(portal.url, 'client@globex.test');
    const initech = await signedIn(portal.url, 'client@initech.test');
    const staff = await signedIn(portal.url, 'staff@demo.test');
    const ahead = await file(initech, 'critical', 'Initech first');
    const mine = await file(grace, 'critical', 'Globex second');

    const before = await queueOf(grace, mine);
    expect(Object.keys(before).sort()).toEqual(['estimatedResponseMinutes', 'position', 'priority', 'total']);
    expect(before.priority).toBe('critical');
    expect(before.position).toBe(before.total); // filed last
    expect(before.position).toBeGreaterThanOrEqual(2);
    // The other tenant's ticket is counted, and only counted: its id appears nowhere.
    expect(JSON.stringify(before)).not.toContain(ahead);

    const res = await staff.patch(`/api/tickets/${ahead}`, { status: 'resolved' });
    expect(res.status).toBe(200);
    const after = await queueOf(grace, mine);
    expect(after).toMatchObject({ position: (before.position ?? 0) - 1, total: before.total - 1 });
    // Staff see the same numbers.
    expect((await queueOf(staff, mine)).position).toBe(after.position);
  });

  it('is a 404 for another org’s ticket (and a missing one), a 401 without a session', async () => {
    const grace = await signedIn(portal.url, 'client@globex.test');
    const initech = await signedIn(portal.url, 'client@initech.test');
    const theirs = await file(initech, 'high');
    const other = await grace.get(`/api/tickets/${theirs}/queue`);
    const missing = await grace.get('/api/tickets/abcdefghijkmnpqr/queue');
    expect(other.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(other.body).toEqual(missing.body);
    expect((await new PortalClient(portal.url).get(`/api/tickets/${theirs}/queue`)).status).toBe(401);
  });

  it('has no position (and no estimate) for a ticket waiting on the client, but still the total', async () => {
    const grace = await signedIn(portal.url, 'client@globex.test');
    const staff = await signedIn(portal.url, 'staff@demo.test');
    const id = await file(grace, 'low');
    const open = await queueOf(grace, id);
    expect(open.position).not.toBeNull();
    expect((await staff.patch(`/api/tickets/${id}`, { status: 'pending_client' })).status).toBe(200);
    expect(await queueOf(grace, id)).toEqual({
      position: null,
      total: open.total - 1,
      priority: 'low',
      estimatedResponseMinutes: null,
    });
  });
});

describe('the live queue push', () => {
  it('reaches a connected client when staff resolve a ticket ahead, with counts only', async () => {
    const grace = await signedIn(portal.url, 'client@globex.test');
    const initech = await signedIn(portal.url, 'client@initech.test');
    const staff = await signedIn(portal.url, 'staff@demo.test');
    const ahead = await file(initech, 'high', 'Initech ahead');
    const mine = await file(grace, 'high', 'Globex behind');
    const unrelated = await file(grace, 'medium', 'Another queue');
    const before = await queueOf(grace, mine);

    const channel = openDocument(sockets.open({ cookie: grace.cookie }), `user:${await userIdOf(grace)}`);
    const theirs = openDocument(sockets.open({ cookie: initech.cookie }), `user:${await userIdOf(initech)}`);
    await eventually(() => expect(channel.synced && theirs.synced).toBe(true));

    expect((await staff.patch(`/api/tickets/${ahead}`, { status: 'resolved' })).status).toBe(200);
    await eventually(() =>
      expect(pushes(channel)).toContainEqual({
        type: 'queue.changed',
        ticketId: mine,
        position: (before.position ?? 0) - 1,
        total: before.total - 1,
        priority: 'high',
      }),
    );
    // The requester of the resolved ticket hears it left the queue.
    await eventually(() =>
      expect(pushes(theirs)).toContainEqual({
        type: 'queue.changed',
        ticketId: ahead,
        position: null,
        total: before.total - 1,
        priority: 'high',
      }),
    );
    // Nothing of the other tenant's ticket reaches Globex, and a queue that did not move is quiet.
    expect(channel.stateless.join('\n')).not.toContain(ahead);
    expect(pushes(channel).map((m) => m.ticketId)).not.toContain(unrelated);
    expect(await queueOf(grace, mine)).toMatchObject({ position: (before.position ?? 0) - 1 });

    // An internal-only change (an assignment) moves nothing and pushes nothing more.
    const count = pushes(channel).length;
    const assignees = await staff.get<{ assignees: { id: string }[] }>(
      `/api/tickets/assignees?orgId=${(await grace.get<{ ticket: { org: { id: string } } }>(`/api/tickets/${mine}`)).body.ticket.org.id}`,
    );
    const someone = assignees.body.assignees[0];
    if (someone) {
      expect((await staff.patch(`/api/tickets/${mine}`, { assigneeId: someone.id })).status).toBe(200);
    }
    // A later client-visible change still flows, so the quiet period above was real.
    expect((await staff.patch(`/api/tickets/${mine}`, { priority: 'critical' })).status).toBe(200);
    await eventually(() =>
      expect(pushes(channel).slice(count)).toContainEqual(
        expect.objectContaining({ ticketId: mine, priority: 'critical' }),
      ),
    );
    expect(
      pushes(channel)
        .slice(count)
        .every((m) => m.priority === 'critical' || m.ticketId !== mine),
    ).toBe(true);
  });
});

describe('the live queue push, remembered between batches', () => {
  it('follows what a rights change newly shows: an employee given the whole org hears of its tickets', async () => {
    const grace = await signedIn(portal.url, 'client@globex.test');
    const eli = await signedIn(portal.url, 'employee@globex.test');
    const initech = await signedIn(portal.url, 'client@initech.test');
    const staff = await signedIn(portal.url, 'staff@demo.test');
    const eliId = await userIdOf(eli);
    const ahead = await file(initech, 'low', 'Initech ahead');
    const graces = await file(grace, 'low', 'Filed by Grace');
    const channel = openDocument(sockets.open({ cookie: eli.cookie }), `user:${eliId}`);
    await eventually(() => expect(channel.synced).toBe(true));
    try {
      // Eli follows only his own tickets; then he is shown the org's, which the push must re-read.
      expect((await grace.patch(`/api/users/${eliId}`, { ticketScope: 'organization' })).status).toBe(200);
      expect((await staff.patch(`/api/tickets/${ahead}`, { status: 'resolved' })).status).toBe(200);
      const now = await queueOf(grace, graces);
      await eventually(() =>
        expect(pushes(channel)).toContainEqual({
          type: 'queue.changed',
          ticketId: graces,
          position: now.position,
          total: now.total,
          priority: 'low',
        }),
      );
    } finally {
      await grace.patch(`/api/users/${eliId}`, { ticketScope: 'own' });
    }
  });

  it('ends on the REST answer after a burst of changes', async () => {
    const grace = await signedIn(portal.url, 'client@globex.test');
    const initech = await signedIn(portal.url, 'client@initech.test');
    const staff = await signedIn(portal.url, 'staff@demo.test');
    const ahead = [];
    for (let i = 0; i < 4; i++) ahead.push(await file(initech, 'critical', `Burst ${i}`));
    const mine = await file(grace, 'critical', 'Behind the burst');
    const channel = openDocument(sockets.open({ cookie: grace.cookie }), `user:${await userIdOf(grace)}`);
    await eventually(() => expect(channel.synced).toBe(true));

    const answers = await Promise.all(
      ahead.map((id) => staff.patch(`/api/tickets/${id}`, { status: 'resolved' })),
    );
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const final = await queueOf(grace, mine);
    await eventually(() => {
      const last = pushes(channel)
        .filter((m) => m.ticketId === mine)
        .at(-1);
      expect(last).toMatchObject({ position: final.position, total: final.total });
    });
  });
});
