/**
 * Durable before acknowledged (DESIGN.md rule 5), in process: what an acknowledged edit leaves in
 * the update log, that the log alone restores a document, that compaction folds it without
 * losing an update still in flight, that a failed store is retried and surfaced, and that edits
 * survive a restart on the same DATA_DIR. The kill -9 test is collab-kill.test.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Extension, Hocuspocus } from '@hocuspocus/server';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { persistenceExtension } from '../../collab/server/extensions/persistence.ts';
import type { Collaboration } from '../../collab/server/index.ts';
import { carriesUpdate } from '../../collab/server/sync.ts';
import { lastLoggedSeq } from '../../collab/server/update-log.ts';
import type { RunningPortal } from '../../server/server.ts';
import { collabDocuments, collabUpdates } from '../../storage/schema.ts';
import {
  acknowledged,
  appendParagraph,
  eventually,
  openDocument,
  proseXml,
  startPortalOn,
  synced,
  tabSockets,
} from '../support/collab.ts';
import { type PortalClient, signedIn } from '../support/http-client.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'portal-durable-'));
let portal: RunningPortal;
let collab: Collaboration;
const sockets = tabSockets(() => portal.url);

beforeAll(async () => {
  portal = await startPortalOn(dataDir);
  collab = portal.ctx.collab!;
});
afterAll(async () => {
  sockets.destroyAll();
  await portal.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function openTicket(): Promise<{ grace: PortalClient; name: string }> {
  const grace = await signedIn(portal.url, 'client@globex.test');
  const res = await grace.post<{ ticket: { id: string } }>('/api/tickets', {
    subject: 'Durability',
    category: 'general_inquiry',
    priority: 'low',
  });
  return { grace, name: `ticket:${res.body.ticket.id}` };
}

const db = () => portal.ctx.db;
const rowsOf = (name: string) => db().select().from(collabUpdates).where(eq(collabUpdates.name, name)).all();
const snapshotOf = (name: string) =>
  db().select().from(collabDocuments).where(eq(collabDocuments.name, name)).get();

/** Reads a document the way a freshly started server would: a new instance, from SQL alone. */
async function readFromStorage(name: string, storeOnClose = false): Promise<string> {
  const fresh = new Hocuspocus({ quiet: true, extensions: [persistenceExtension(portal.ctx)] });
  const connection = await fresh.openDirectConnection(name);
  const xml = proseXml(connection.document!);
  if (storeOnClose) await connection.disconnect();
  return xml;
}

/** Runs the debounced store of `name` now and waits until it has written a new snapshot. */
async function store(name: string): Promise<void> {
  const before = snapshotOf(name)?.updatedAt.getTime() ?? 0;
  const foldedBefore = snapshotOf(name)?.foldedSeq ?? -1;
  collab.hocuspocus.flushPendingStores();
  await eventually(() => {
    const after = snapshotOf(name);
    expect(after).toBeDefined();
    expect(after!.updatedAt.getTime() > before || after!.foldedSeq !== foldedBefore).toBe(true);
  });
}

describe('the update log', () => {
  it('holds every acknowledged edit before any store, and restores the document alone', async () => {
    const { grace, name } = await openTicket();
    // Typing starts once synced: the provider resets its unsynced count when its sync starts,
    // so edits made before that are not all counted, and "acknowledged" would come too early.
    const tab = await synced(openDocument(sockets.open({ cookie: grace.cookie }), name));
    for (let i = 0; i < 5; i++) appendParagraph(tab.provider.document, `acknowledged ${i}`);
    await acknowledged(tab.provider);
    expect(snapshotOf(name)).toBeUndefined();
    expect(rowsOf(name).length).toBeGreaterThanOrEqual(1);
    const restored = await readFromStorage(name);
    for (let i = 0; i < 5; i++) expect(restored).toContain(`acknowledged ${i}<`);
  });

  it('compaction folds the log into a snapshot, never an update still in flight', async () => {
    const { grace, name } = await openTicket();
    const tab = await synced(openDocument(sockets.open({ cookie: grace.cookie }), name));
    appendParagraph(tab.provider.document, 'applied');
    await acknowledged(tab.provider);

    // Hold the next update between its log append and its application.
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let held = false;
    const holder: Extension = {
      extensionName: 'test-hold',
      async beforeSync({ documentName, type }) {
        if (documentName !== name || !carriesUpdate(type)) return;
        held = true;
        await gate;
      },
    };
    collab.hocuspocus.configuration.extensions.push(holder);
    let inFlight = 0;
    try {
      appendParagraph(tab.provider.document, 'in flight');
      await eventually(() => expect(held).toBe(true));
      inFlight = lastLoggedSeq(db(), name);
      await store(name);
      expect(snapshotOf(name)!.foldedSeq).toBeLessThan(inFlight);
      expect(rowsOf(name).map((r) => r.seq)).toEqual([inFlight]);
      release();
      await acknowledged(tab.provider);
    } finally {
      collab.hocuspocus.configuration.extensions.splice(
        collab.hocuspocus.configuration.extensions.indexOf(holder),
        1,
      );
    }
    await store(name);
    expect(rowsOf(name)).toEqual([]);
    expect(snapshotOf(name)!.foldedSeq).toBe(inFlight);
    expect(await readFromStorage(name)).toBe(
      '<paragraph>applied</paragraph><paragraph>in flight</paragraph>',
    );
  });

  it('a failed store is retried, logged at error level and thrown; the log keeps every edit', async () => {
    const name = 'ticket:storefailsaaaaaa';
    const lines: { level: number; msg: string; final?: boolean }[] = [];
    const log = pino({ level: 'error' }, { write: (line: string) => lines.push(JSON.parse(line)) });
    const instance = new Hocuspocus({
      quiet: true,
      extensions: [persistenceExtension({ ...portal.ctx, log }, { storeRetryDelaysMs: [5, 10] })],
    });
    const writer = await instance.openDirectConnection(name);
    await writer.transact((doc) => appendParagraph(doc, 'written by the server'));
    // Logged synchronously, before transact() resolved.
    expect(rowsOf(name)).toHaveLength(1);
    db().$client.exec(
      `CREATE TRIGGER test_store_fails BEFORE INSERT ON collab_documents BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`,
    );
    try {
      await writer.disconnect();
    } finally {
      db().$client.exec('DROP TRIGGER test_store_fails');
    }
    expect(lines.map((l) => [l.level, l.final])).toEqual([
      [50, false],
      [50, false],
      [50, true],
    ]);
    // Never unloaded with its store failed, and nothing lost.
    expect(instance.documents.has(name)).toBe(true);
    expect(rowsOf(name)).toHaveLength(1);
    expect(await readFromStorage(name, true)).toBe('<paragraph>written by the server</paragraph>');
    expect(snapshotOf(name)).toBeDefined();
    expect(rowsOf(name)).toEqual([]);
  });
});

describe('a failing log append', () => {
  it('is never applied or acknowledged: the connection is closed and the edit is not kept', async () => {
    const { grace, name } = await openTicket();
    const tab = await synced(openDocument(sockets.open({ cookie: grace.cookie }), name));
    appendParagraph(tab.provider.document, 'kept');
    await acknowledged(tab.provider);
    db().$client.exec(
      `CREATE TRIGGER test_log_fails BEFORE INSERT ON collab_updates WHEN NEW.name = '${name}'
       BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`,
    );
    try {
      appendParagraph(tab.provider.document, 'refused by the disk');
      await eventually(() => expect(tab.closes.length).toBeGreaterThan(0));
    } finally {
      db().$client.exec('DROP TRIGGER test_log_fails');
    }
    expect(tab.provider.unsyncedChanges).toBeGreaterThan(0);
    const live = collab.hocuspocus.documents.get(name);
    if (live) expect(proseXml(live)).not.toContain('refused by the disk');
    expect(await readFromStorage(name)).toBe('<paragraph>kept</paragraph>');
  });
});

describe('a restart on the same DATA_DIR', () => {
  it('keeps every edit', async () => {
    const { grace, name } = await openTicket();
    const tab = await synced(openDocument(sockets.open({ cookie: grace.cookie }), name));
    for (let i = 0; i < 10; i++) appendParagraph(tab.provider.document, `before restart ${i}`);
    await acknowledged(tab.provider);
    sockets.destroyAll();
    await portal.close();

    portal = await startPortalOn(dataDir);
    collab = portal.ctx.collab!;
    const staff = await signedIn(portal.url, 'staff@demo.test');
    const reader = openDocument(sockets.open({ cookie: staff.cookie }), name);
    await eventually(() => {
      for (let i = 0; i < 10; i++)
        expect(proseXml(reader.provider.document)).toContain(`before restart ${i}<`);
    }, 5000);
  });
});
