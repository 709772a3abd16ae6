/**
 * Clients see SLA countdowns only when their org's service settings allow it, and then only the
 * client-safe part (targets, due times, states); another org's switch shows them nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortalClient } from '../support/http-client.ts';
import { startTestPortal, type TestPortal } from '../support/portal.ts';
import { demoWorld, signedInAll } from '../support/world.ts';

let portal: TestPortal;
const world = demoWorld(() => portal.ctx.db);
let as: Record<string, PortalClient>;

type Sla = Record<string, unknown> & {
  firstResponse: Record<string, unknown>;
  resolution: Record<string, unknown>;
};
interface TicketLike {
  id: string;
  sla: Sla | null;
}

beforeAll(async () => {
  portal = await startTestPortal();
  as = await signedInAll(portal.url, [
    'staff@demo.test',
    'partner@acme.test',
    'client@globex.test',
    'employee@globex.test',
    'client@initech.test',
    'client@contoso.test',
  ]);
});
afterAll(() => portal.close());

const list = async (who: string) => {
  const res = await as[who]!.get<{ tickets: TicketLike[] }>('/api/tickets');
  expect(res.status).toBe(200);
  expect(res.body.tickets.length).toBeGreaterThan(0);
  return res.body.tickets;
};
const setVisible = async (slug: string, on: boolean) => {
  const res = await as['staff@demo.test']!.put(`/api/tenants/${world.tenantId(slug)}/service-settings`, {
    storageQuotaBytes: null,
    slaVisibleToClient: on,
  });
  expect(res.status).toBe(200);
};

describe('sla on tickets for client roles', () => {
  it('is null while the org’s switch is off (the default)', async () => {
    for (const who of ['client@globex.test', 'employee@globex.test', 'client@initech.test']) {
      for (const t of await list(who)) expect([who, t.sla]).toEqual([who, null]);
    }
  });

  it('once Globex allows it, Globex’s people get the client-safe part only — in the list and the detail', async () => {
    await setVisible('globex', true);
    for (const who of ['client@globex.test', 'employee@globex.test']) {
      const tickets = await list(who);
      for (const t of tickets) {
        expect(t.sla).not.toBeNull();
        expect(Object.keys(t.sla!).sort()).toEqual(['firstResponse', 'resolution', 'state']);
        for (const clock of [t.sla!.firstResponse, t.sla!.resolution]) {
          expect(Object.keys(clock).sort()).toEqual(['dueAt', 'state', 'stoppedAt', 'targetMinutes']);
        }
      }
      const one = await as[who]!.get<{ ticket: TicketLike }>(`/api/tickets/${tickets[0]!.id}`);
      expect(Object.keys(one.body.ticket.sla ?? {}).sort()).toEqual(['firstResponse', 'resolution', 'state']);
    }
  });

  it('another org’s switch leaks nothing: Initech and Contoso still get null', async () => {
    for (const who of ['client@initech.test', 'client@contoso.test']) {
      for (const t of await list(who)) expect([who, t.sla]).toEqual([who, null]);
    }
  });

  it('the service side keeps the full clocks either way', async () => {
    for (const who of ['staff@demo.test', 'partner@acme.test']) {
      for (const t of await list(who)) {
        expect(t.sla).toMatchObject({ calendar: expect.any(String) });
        expect(t.sla!.firstResponse).toHaveProperty('remainingMinutes');
      }
    }
  });

  it('switching it off again hides it at once', async () => {
    await setVisible('globex', false);
    for (const t of await list('client@globex.test')) expect(t.sla).toBeNull();
  });
});
