/**
 * SLA over HTTP: the policy routes (who reads, who changes, what a bad policy gets back), the
 * `sla` field on tickets (service side only) and the at-risk list.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SLA_POLICY, type SlaPolicy } from '../../server/modules/sla/policy.ts';
import type { TTicketView } from '../../server/modules/tickets/presenter.ts';
import type { PortalClient } from '../support/http-client.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';
import type { ErrorBody } from '../support/views.ts';
import { signedInAll } from '../support/world.ts';

let portal: TestPortal;
let as: Record<string, PortalClient>;
const ADMIN = 'admin@demo.test';
const STAFF = 'staff@demo.test';
const PARTNER = 'partner@acme.test';
const CLIENT = 'client@globex.test';

beforeAll(async () => {
  portal = await startTestPortal();
  as = await signedInAll(portal.url, [ADMIN, STAFF, PARTNER, CLIENT]);
});
afterAll(() => portal.close());

const policy = (): SlaPolicy => structuredClone(DEFAULT_SLA_POLICY);
const tickets = async (who: string) => {
  const res = await as[who]!.get<{ tickets: TTicketView[] }>('/api/tickets');
  expect(res.status).toBe(200);
  return res.body.tickets;
};
const bySubject = (list: TTicketView[], start: string) => {
  const t = list.find((x) => x.subject.startsWith(start));
  if (!t) throw new Error(`no ticket ${start}`);
  return t;
};

describe('GET /api/sla/policy', () => {
  it('super_admin and staff read it (defaults when no file); only super_admin may update', async () => {
    const admin = await as[ADMIN]!.get<{ policy: SlaPolicy; abilities: { update: boolean } }>(
      '/api/sla/policy',
    );
    expect(admin.status).toBe(200);
    expect(admin.body).toEqual({ policy: DEFAULT_SLA_POLICY, abilities: { update: true } });
    const staff = await as[STAFF]!.get<{ abilities: { update: boolean } }>('/api/sla/policy');
    expect([staff.status, staff.body.abilities.update]).toEqual([200, false]);
  });
  it('partners and clients are refused', async () => {
    for (const who of [PARTNER, CLIENT]) {
      const res = await as[who]!.get<ErrorBody>('/api/sla/policy');
      expect([who, res.status, res.body.error.code]).toEqual([who, 403, 'forbidden']);
    }
  });
});

describe('PUT /api/sla/policy', () => {
  it('staff, partners and clients are refused and nothing is written', async () => {
    for (const who of [STAFF, PARTNER, CLIENT]) {
      const res = await as[who]!.put<ErrorBody>('/api/sla/policy', policy());
      expect([who, res.status]).toEqual([who, 403]);
    }
    expect(existsSync(join(portal.dataDir, 'sla.json'))).toBe(false);
  });

  it.each([
    [
      'a bad time',
      (p: SlaPolicy) => {
        p.businessHours.days.mon = ['9am', '17:30'];
      },
      'businessHours.days.mon.0',
      'HH:MM',
    ],
    [
      'an end before the start',
      (p: SlaPolicy) => {
        p.businessHours.days.tue = ['17:00', '09:00'];
      },
      'businessHours.days.tue',
      'after the start',
    ],
    [
      'an unknown zone',
      (p: SlaPolicy) => {
        p.businessHours.timeZone = 'Europe/Atlantis';
      },
      'businessHours.timeZone',
      'Unknown time zone',
    ],
    [
      'negative minutes',
      (p: SlaPolicy) => {
        p.targets.low.resolution = -1;
      },
      'targets.low.resolution',
      'positive',
    ],
  ])('400 for %s, naming the field', async (_name, mutate, path, message) => {
    const body = policy();
    mutate(body);
    const res = await as[ADMIN]!.put<ErrorBody & { error: { details: { path: string; message: string }[] } }>(
      '/api/sla/policy',
      body,
    );
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ path, message: expect.stringContaining(message) })]),
    );
  });

  it('super_admin saves it to DATA_DIR/sla.json, reads it back, and ticket clocks follow it', async () => {
    const body = policy();
    body.businessHours = { ...body.businessHours, timeZone: 'America/New_York', holidays: ['2026-12-25'] };
    body.targets.critical = { firstResponse: 525_600, resolution: 525_600, calendar24x7: true };
    const res = await as[ADMIN]!.put<{ policy: SlaPolicy }>('/api/sla/policy', body);
    expect(res.status).toBe(200);
    expect(res.body.policy).toEqual(body);
    expect(JSON.parse(readFileSync(join(portal.dataDir, 'sla.json'), 'utf8'))).toEqual(body);
    expect((await as[STAFF]!.get<{ policy: SlaPolicy }>('/api/sla/policy')).body.policy).toEqual(body);
    // The six-hour-old critical ticket now has a year to go.
    expect(bySubject(await tickets(STAFF), 'Checkout page').sla?.state).toBe('ok');

    const back = await as[ADMIN]!.put<{ policy: SlaPolicy }>('/api/sla/policy', policy());
    expect(back.status).toBe(200);
    expect(bySubject(await tickets(STAFF), 'Checkout page').sla?.state).toBe('breached');
  });
});

describe('TicketView.sla', () => {
  it('staff and the servicing partner get the clocks on every ticket', async () => {
    for (const who of [STAFF, PARTNER]) {
      const list = await tickets(who);
      expect(list.length).toBeGreaterThan(0);
      for (const t of list) expect([who, t.key, typeof t.sla?.state]).toEqual([who, t.key, 'string']);
      // Critical, filed six hours ago, never answered: 60 minutes round the clock have long passed.
      const critical = bySubject(list, 'Checkout page');
      expect(critical.sla).toMatchObject({
        calendar: '24x7',
        state: 'breached',
        firstResponse: { breached: true, met: null },
      });
      // Waiting on the client: answered in time, resolution clock paused.
      const pending = bySubject(list, 'Invoice 2291');
      expect(pending.sla).toMatchObject({
        state: 'paused',
        firstResponse: { met: true },
        resolution: { state: 'paused', breached: false },
      });
    }
  });
  it('a client gets null, in the list and on the detail', async () => {
    const list = await tickets(CLIENT);
    expect(list.length).toBeGreaterThan(0);
    for (const t of list) expect(t.sla).toBeNull();
    const one = await as[CLIENT]!.get<{ ticket: TTicketView }>(`/api/tickets/${list[0]?.id}`);
    expect(one.body.ticket.sla).toBeNull();
  });
});

describe('GET /api/sla/tickets', () => {
  it('lists the caller’s at-risk tickets (near_breach and breached by default)', async () => {
    const res = await as[STAFF]!.get<{ tickets: TTicketView[] }>('/api/sla/tickets');
    expect(res.status).toBe(200);
    expect(res.body.tickets.map((t) => t.subject)).toContain(
      'Checkout page shows a blank screen in Safari 17',
    );
    for (const t of res.body.tickets) expect(['near_breach', 'breached']).toContain(t.sla?.state);
  });
  it('filters by state and keeps the ticket filters and scope', async () => {
    const paused = await as[PARTNER]!.get<{ tickets: TTicketView[] }>('/api/sla/tickets?state=paused');
    expect(paused.body.tickets.map((t) => t.subject)).toEqual([
      'Invoice 2291 lists the design retainer twice',
    ]);
    const none = await as[STAFF]!.get<{ tickets: TTicketView[] }>(
      '/api/sla/tickets?state=breached&priority=low&status=new',
    );
    for (const t of none.body.tickets) expect([t.priority, t.status]).toEqual(['low', 'new']);
  });
  it('400 for an unknown state; 403 for a client', async () => {
    expect((await as[STAFF]!.get('/api/sla/tickets?state=late')).status).toBe(400);
    expect((await as[CLIENT]!.get('/api/sla/tickets')).status).toBe(403);
  });
});
