/**
 * Ticket keys never go wrong: the servicing tenant's prefix, numbers from 1001 per servicer,
 * shared across that servicer's client orgs, and no duplicate or gap when several processes
 * (here: worker threads, each with its own SQLite connection) file tickets at the same time.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PortalEventBus } from '../../server/events.ts';
import type { Caller } from '../../server/http/caller.ts';
import { createTicket } from '../../server/modules/tickets/create.ts';
import { servicingTenantOf } from '../../server/modules/tickets/numbering.ts';
import type { Actor } from '../../server/policy/index.ts';
import { buildTenant, buildTicket, buildUser } from '../../storage/builders.ts';
import { tickets } from '../../storage/schema.ts';
import { tempDatabase } from '../support/db.ts';

const temp = tempDatabase();
const db = temp.db;
const deps = { db, events: new PortalEventBus() };
const org: Record<string, string> = {};
let staff: Caller;

beforeAll(async () => {
  const platform = buildTenant(db, {
    kind: 'platform',
    name: 'Kre8ivTech',
    slug: 'platform',
    keyPrefix: 'KT',
  });
  const acme = buildTenant(db, {
    kind: 'partner',
    name: 'Acme',
    slug: 'acme',
    keyPrefix: 'ACME',
    parentId: platform.id,
  });
  org.platform = platform.id;
  org.acme = acme.id;
  for (const [slug, parentId] of [
    ['globex', acme.id],
    ['hooli', acme.id],
    ['initech', platform.id],
    ['umbrella', platform.id],
  ] as const) {
    org[slug] = buildTenant(db, {
      kind: 'client',
      name: slug,
      slug,
      keyPrefix: slug.toUpperCase(),
      parentId,
    }).id;
  }
  const user = await buildUser(db, {
    email: 'staff@kt.test',
    name: 'Sam',
    role: 'staff',
    tenantId: platform.id,
  });
  const actor: Actor = {
    userId: user.id,
    role: 'staff',
    tenantId: platform.id,
    tenantKind: 'platform',
    tenantParentId: null,
    sections: ['tickets'],
    ticketScope: 'organization',
  };
  staff = { actor, name: 'Sam', ip: null };
});

afterAll(() => temp.close());

const file = (orgId: string) =>
  createTicket(deps, staff, {
    subject: 'Printer on fire',
    category: 'technical_support',
    priority: 'high',
    orgId,
  }).key;

describe('ticket keys', () => {
  it('the servicer is the agency for its clients and the platform for direct clients', () => {
    expect(servicingTenantOf(db, org.globex!).keyPrefix).toBe('ACME');
    expect(servicingTenantOf(db, org.initech!).keyPrefix).toBe('KT');
  });

  it('numbers count from 1001 per servicer, shared by its client orgs', () => {
    expect(file(org.globex!)).toBe('ACME-1001');
    expect(file(org.hooli!)).toBe('ACME-1002');
    expect(file(org.initech!)).toBe('KT-1001');
    expect(file(org.globex!)).toBe('ACME-1003');
    expect(file(org.umbrella!)).toBe('KT-1002');
  });

  it('the builder takes its numbers from the same sequence', () => {
    const built = buildTicket(db, {
      tenantId: org.hooli!,
      requesterId: staff.actor.userId,
      subject: 'Seeded',
    });
    expect(built.key).toBe('ACME-1004');
    expect(file(org.globex!)).toBe('ACME-1005');
  });

  it('concurrent creates from several connections never duplicate and leave no gap', async () => {
    const before = db.select({ key: tickets.key }).from(tickets).all().length;
    const WORKERS = 4;
    const EACH = 25;
    const root = pathToFileURL(join(import.meta.dirname, '../..')).href;
    // A plain Node worker (no Vite): Node strips the types of the imported .ts modules itself.
    const code = `
      const { workerData, parentPort } = require('node:worker_threads');
      (async () => {
        const { openDatabase } = await import('${root}/storage/db.ts');
        const { PortalEventBus } = await import('${root}/server/events.ts');
        const { createTicket } = await import('${root}/server/modules/tickets/create.ts');
        const db = openDatabase(workerData.dir);
        const deps = { db, events: new PortalEventBus() };
        const keys = [];
        for (let i = 0; i < workerData.each; i++) {
          const orgId = workerData.orgs[i % workerData.orgs.length];
          keys.push(createTicket(deps, workerData.caller, {
            subject: 'Load', category: 'general_inquiry', priority: 'low', orgId,
          }).key);
        }
        db.$client.close();
        parentPort.postMessage(keys);
      })().catch((err) => { throw err; });
    `;
    const orgs = [org.globex, org.hooli, org.initech];
    const runs = Array.from(
      { length: WORKERS },
      () =>
        new Promise<string[]>((resolve, reject) => {
          const worker = new Worker(code, {
            eval: true,
            workerData: { dir: temp.dir, each: EACH, orgs, caller: staff },
          });
          worker.once('message', resolve);
          worker.once('error', reject);
        }),
    );
    const keys = (await Promise.all(runs)).flat();
    expect(keys).toHaveLength(WORKERS * EACH);
    expect(new Set(keys).size).toBe(keys.length);
    const all = db.select({ key: tickets.key }).from(tickets).all();
    expect(all.length).toBe(before + WORKERS * EACH);
    // Gapless per servicer: the numbers are exactly 1001..max.
    for (const prefix of ['ACME', 'KT']) {
      const numbers = all
        .filter((t) => t.key.startsWith(`${prefix}-`))
        .map((t) => Number(t.key.slice(prefix.length + 1)))
        .sort((a, b) => a - b);
      expect(numbers).toEqual(numbers.map((_, i) => 1001 + i));
    }
  }, 60_000);
});
