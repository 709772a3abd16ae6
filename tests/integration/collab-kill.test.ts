/**
 * THE KILL TEST (DESIGN.md rule 5: killing the process at any moment loses no acknowledged edit).
 *
 * The real portal runs as a child process (`node server/main.ts`) on one DATA_DIR. A provider,
 * signed in with a session token, types into a ticket's description; an edit counts as
 * acknowledged once the provider's `unsyncedChanges` has returned to 0 after it (the server's
 * SyncStatus for it arrived). At a random moment — while the document loads, while typing — the
 * child gets SIGKILL; it is started again on the same DATA_DIR, a fresh provider (an empty Y.Doc,
 * so nothing can be re-sent from the client's memory) reads the document, and every edit ever
 * acknowledged must be there. KILL_TRIALS overrides the number of trials (default 50).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { eventually, openDocument, proseXml, type Tab, tabSockets } from '../support/collab.ts';
import { PortalClient } from '../support/http-client.ts';

const TRIALS = Number(process.env.KILL_TRIALS ?? 50);
/** The longest a child lives: a kill lands anywhere from opening the document to typing. */
const MAX_LIFE_MS = 700;
/** Portals loading their modules in the background, ready to take over the port. */
const SPARES = 2;

const ROOT = join(import.meta.dirname, '..', '..');
const dataDir = mkdtempSync(join(tmpdir(), 'portal-kill-'));
let port = 0;
const baseUrl = () => `http://127.0.0.1:${port}`;
const sockets = tabSockets(baseUrl);

/**
 * Runs before `server/main.ts` in every child: loads the portal's modules (what makes a cold
 * boot slow), reports "warm" and waits for "go". Only then does main.ts run — unchanged — and
 * open DATA_DIR and the port. Spares warm up while the previous child is being killed, so a
 * trial costs a real boot (database, migrations, collaboration mount, listen), not module loading.
 */
const WARM_UP = `data:text/javascript,${encodeURIComponent(
  [
    ...['server/server.ts', 'storage/seed.ts', 'server/config.ts'].map(
      (file) => `await import(${JSON.stringify(pathToFileURL(join(ROOT, file)).href)});`,
    ),
    "process.send('warm');",
    'await new Promise((resolve) => process.once("message", resolve));',
    'process.disconnect();',
  ].join('\n'),
)}`;

/** A portal child process: warming, or serving once told to go. */
interface Child {
  process: ChildProcess;
  warm: Promise<void>;
  output: string;
}

let live: Child | null = null;
const spares: Child[] = [];

/** A port nobody listens on: listen on 0, read it, close. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function spawnSpare(): Child {
  const spawned = spawn(process.execPath, ['--import', WARM_UP, 'server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: baseUrl(),
      DATA_DIR: dataDir,
      SEED_DEMO: 'true',
      LOG_LEVEL: 'warn',
      // Compiled code cached across the children: start-up CPU only, no behaviour change.
      NODE_COMPILE_CACHE: join(dataDir, 'compile-cache'),
    },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  const child: Child = {
    process: spawned,
    output: '',
    warm: new Promise((resolve, reject) => {
      spawned.once('message', () => resolve());
      spawned.once('exit', (code) => reject(new Error(`spare exited (${code}):\n${child.output}`)));
    }),
  };
  spawned.stderr?.on('data', (chunk: Buffer) => {
    child.output = (child.output + chunk.toString()).slice(-4000);
  });
  child.warm.catch(() => {});
  return child;
}

/** Hands the port to a warm spare (topping the spares up) and waits for /healthz; returns the boot ms. */
async function startChild(): Promise<number> {
  while (spares.length < SPARES + 1) spares.push(spawnSpare());
  const next = spares.shift()!;
  await next.warm;
  const started = Date.now();
  next.process.send('go');
  live = next;
  for (const deadline = Date.now() + 30_000; ; ) {
    const res = await fetch(`${baseUrl()}/healthz`).catch(() => null);
    if (res?.status === 200) return Date.now() - started;
    if (next.process.exitCode !== null || Date.now() > deadline)
      throw new Error(`portal did not start:\n${next.output}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** SIGKILL, by pid: no shutdown hook, no store, no flush. */
async function kill(child: Child | null): Promise<void> {
  if (!child || child.process.exitCode !== null || child.process.signalCode !== null) return;
  const exited = new Promise((resolve) => child.process.once('exit', resolve));
  child.process.kill('SIGKILL');
  await exited;
}

async function killChild(): Promise<void> {
  const dying = live;
  live = null;
  await kill(dying);
}

let token = '';
let documentName = '';

beforeAll(async () => {
  port = await freePort();
  await startChild();
  const grace = await new PortalClient(baseUrl()).login('client@globex.test');
  token = grace.cookie!;
  const filed = await grace.post<{ ticket: { id: string } }>('/api/tickets', {
    subject: 'Kill test',
    category: 'technical_support',
    priority: 'low',
    description: 'Typed under fire:',
  });
  expect(filed.status).toBe(201);
  documentName = `ticket:${filed.body.ticket.id}`;
}, 60_000);

afterAll(async () => {
  sockets.destroyAll();
  await killChild();
  await Promise.all(spares.splice(0).map(kill));
  rmSync(dataDir, { recursive: true, force: true });
});

/** Every acknowledged edit missing from what a fresh provider synced. */
const missingFrom = (tab: Tab, acknowledged: string[]) =>
  acknowledged.filter((edit) => !proseXml(tab.provider.document).includes(edit));

/**
 * One life of a child: a fresh provider checks every edit acknowledged so far, then types until
 * SIGKILL lands (at a random moment from the opening of the document on). Returns the edits this
 * life acknowledged, and a description of any loss.
 */
async function trial(n: number, acknowledged: string[]): Promise<{ acked: string[]; loss: string | null }> {
  const socket = sockets.open({ origin: null });
  const tab = openDocument(socket, documentName, { token });
  const sent: string[] = [];
  let acked = 0;
  let loss: string | null = null;
  let typing: NodeJS.Timeout | undefined;
  tab.provider.on('unsyncedChanges', ({ number }: { number: number }) => {
    if (number === 0) acked = sent.length;
  });
  tab.provider.on('synced', () => {
    const missing = missingFrom(tab, acknowledged);
    if (missing.length > 0) loss = `trial ${n}: ${missing.join(' ')}`;
    typing ??= setInterval(() => {
      const text = (tab.provider.document.getXmlFragment('default').get(0) as Y.XmlElement).get(
        0,
      ) as Y.XmlText;
      const edit = `[k${n}.${sent.length}]`;
      sent.push(edit);
      text.insert(text.length, edit);
    }, 8);
  });
  const closed = new Promise((resolve) => socket.on('close', resolve));
  await new Promise((resolve) => setTimeout(resolve, Math.random() * MAX_LIFE_MS));
  await killChild();
  // Frames the server sent before it died are still delivered; the close comes after them.
  await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 1000))]);
  clearInterval(typing);
  sockets.destroyAll();
  return { acked: sent.slice(0, acked), loss };
}

it(`loses no acknowledged edit across ${TRIALS} kill -9s`, async () => {
  const acknowledged: string[] = [];
  const losses: string[] = [];
  const boots: number[] = [];
  const started = Date.now();
  for (let n = 0; n < TRIALS; n++) {
    const { acked, loss } = await trial(n, acknowledged);
    acknowledged.push(...acked);
    if (loss) losses.push(loss);
    boots.push(await startChild());
  }
  const tab = openDocument(sockets.open({ origin: null }), documentName, { token });
  await eventually(() => expect(tab.synced).toBe(true), 10_000);
  expect(losses).toEqual([]);
  expect(missingFrom(tab, acknowledged)).toEqual([]);
  expect(acknowledged.length).toBeGreaterThan(TRIALS);

  const ms = Date.now() - started;
  const boot = boots.reduce((a, b) => a + b, 0) / boots.length;
  console.info(
    `kill test: ${TRIALS} trials in ${(ms / 1000).toFixed(1)} s (${(ms / TRIALS).toFixed(0)} ms/trial, ` +
      `${boot.toFixed(0)} ms from "go" to /healthz); ${acknowledged.length} acknowledged edits, all present`,
  );
}, 300_000);
