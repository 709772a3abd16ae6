/**
 * A client process of the collaboration benchmarks: many lightweight Hocuspocus protocol clients
 * (a ws socket, a Y.Doc and the sync protocol; no provider, no reconnection logic), one document
 * per socket, driven over IPC by the benchmark. Writers stamp their wall-clock send time into a
 * Y.Map; readers record receive time − send time when the remote update is applied. The
 * process's own event-loop delay is reported, so a run whose clients lagged can be discarded.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { wallClockMs } from '../lib/stats.ts';

const PROVIDER_VERSION = (
  JSON.parse(
    readFileSync(
      join(import.meta.dirname, '../../../node_modules/@hocuspocus/provider/package.json'),
      'utf8',
    ),
  ) as { version: string }
).version;

const MSG = { sync: 0, awareness: 1, auth: 2, stateless: 5, ping: 9, pong: 10 } as const;

export interface ConnSpec {
  doc: string;
  token: string;
}

export type ClientRequest =
  | { type: 'connect'; url: string; conns: ConnSpec[]; concurrency: number }
  | {
      type: 'run';
      writers: { conn: number; intervalMs: number; offsetMs: number }[];
      durationMs: number;
      /** Every connection sends an awareness update this often; null: presence off. */
      presenceIntervalMs: number | null;
    }
  | { type: 'stateless-collect' }
  | { type: 'close' };

interface Conn {
  spec: ConnSpec;
  ws: WebSocket;
  doc: Y.Doc;
  synced: boolean;
  clock: number;
}

const conns: Conn[] = [];
const latencies: number[] = [];
let recording = false;
/** Receive times of `queue.changed` pushes. */
let statelessAt: number[] = [];
const eld = monitorEventLoopDelay({ resolution: 1 });
eld.enable();

function frame(doc: string, type: number, write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, doc);
  encoding.writeVarUint(e, type);
  write(e);
  return encoding.toUint8Array(e);
}

function open(spec: ConnSpec, url: string): Promise<{ ms: number; ok: boolean; reason?: string }> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    const doc = new Y.Doc();
    const conn: Conn = { spec, ws, doc, synced: false, clock: 0 };
    let settled = false;
    const done = (ok: boolean, reason?: string) => {
      if (settled) return;
      settled = true;
      resolve({ ms: performance.now() - t0, ok, reason });
    };
    ws.binaryType = 'nodebuffer';
    ws.on('error', (err) => done(false, err.message));
    ws.on('close', (code, reason) => done(false, `closed ${code} ${reason.toString()}`));
    ws.on('open', () => {
      ws.send(
        frame(spec.doc, MSG.auth, (e) => {
          encoding.writeVarUint(e, 0);
          encoding.writeVarString(e, spec.token);
          encoding.writeVarString(e, PROVIDER_VERSION);
        }),
      );
    });
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== 'local') return;
      ws.send(frame(spec.doc, MSG.sync, (e) => syncProtocol.writeUpdate(e, update)));
    });
    // Writers append a paragraph `w<n>@<send time>` to the rich-text fragment (a Y.Map would be
    // refused by the portal's schema validation); readers take the stamp from what was added.
    doc.getXmlFragment('default').observe((event) => {
      if (event.transaction.local || !recording) return;
      const now = wallClockMs();
      for (const item of event.changes.added) {
        for (const node of item.content.getContent()) {
          if (!(node instanceof Y.XmlElement)) continue;
          const stamp = Number(String(node.toArray()[0]?.toString() ?? '').split('@')[1]);
          if (Number.isFinite(stamp)) latencies.push(now - stamp);
        }
      }
    });
    ws.on('message', (data: Buffer) => {
      const d = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      decoding.readVarString(d);
      const type = decoding.readVarUint(d);
      if (type === MSG.auth) {
        const auth = decoding.readVarUint(d);
        if (auth === 2) {
          ws.send(frame(spec.doc, MSG.sync, (e) => syncProtocol.writeSyncStep1(e, doc)));
        } else if (auth === 1) {
          done(false, `denied: ${decoding.readVarString(d)}`);
        }
      } else if (type === MSG.sync || type === 4) {
        const reply = encoding.createEncoder();
        encoding.writeVarString(reply, spec.doc);
        encoding.writeVarUint(reply, MSG.sync);
        const headerLength = encoding.length(reply);
        const kind = syncProtocol.readSyncMessage(d, reply, doc, 'remote');
        if (type === MSG.sync && encoding.length(reply) > headerLength) ws.send(encoding.toUint8Array(reply));
        if (kind === syncProtocol.messageYjsSyncStep2 && !conn.synced) {
          conn.synced = true;
          done(true);
        }
      } else if (type === MSG.stateless) {
        const payload = decoding.readVarString(d);
        if (payload.includes('"queue.changed"')) statelessAt.push(wallClockMs());
      } else if (type === MSG.ping) {
        ws.send(frame(spec.doc, MSG.pong, () => {}));
      }
    });
    conns.push(conn);
  });
}

function sendPresence(conn: Conn): void {
  if (conn.ws.readyState !== WebSocket.OPEN) return;
  conn.clock++;
  const state = JSON.stringify({
    user: { name: 'bench' },
    cursor: { anchor: conn.clock % 50, head: conn.clock % 50 },
  });
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, 1);
  encoding.writeVarUint(update, conn.doc.clientID);
  encoding.writeVarUint(update, conn.clock);
  encoding.writeVarString(update, state);
  conn.ws.send(
    frame(conn.spec.doc, MSG.awareness, (e) => encoding.writeVarUint8Array(e, encoding.toUint8Array(update))),
  );
}

async function connectAll(url: string, specs: ConnSpec[], concurrency: number) {
  const results: { ms: number; ok: boolean; reason?: string }[] = [];
  let next = 0;
  const worker = async () => {
    while (next < specs.length) {
      const spec = specs[next++] as ConnSpec;
      results.push(await open(spec, url));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const failed = results.filter((r) => !r.ok);
  return {
    connectSyncMs: results.filter((r) => r.ok).map((r) => r.ms),
    failures: failed.length,
    reasons: [...new Set(failed.map((r) => r.reason))].slice(0, 3),
  };
}

async function run(request: Extract<ClientRequest, { type: 'run' }>) {
  latencies.length = 0;
  const timers: NodeJS.Timeout[] = [];
  let sent = 0;
  eld.reset();
  recording = true;
  for (const w of request.writers) {
    const conn = conns[w.conn];
    if (!conn) continue;
    const key = `w${w.conn}`;
    timers.push(
      setTimeout(() => {
        const tick = () => {
          conn.doc.transact(() => {
            const text = new Y.XmlText();
            text.insert(0, `${key}@${wallClockMs()}`);
            const paragraph = new Y.XmlElement('paragraph');
            paragraph.insert(0, [text]);
            conn.doc.getXmlFragment('default').push([paragraph]);
          }, 'local');
          sent++;
        };
        tick();
        timers.push(setInterval(tick, w.intervalMs));
      }, w.offsetMs),
    );
  }
  if (request.presenceIntervalMs) {
    const interval = request.presenceIntervalMs;
    conns.forEach((conn, i) => {
      timers.push(
        setTimeout(() => timers.push(setInterval(() => sendPresence(conn), interval)), (i * 37) % interval),
      );
    });
  }
  await new Promise((resolve) => setTimeout(resolve, request.durationMs));
  for (const t of timers) clearTimeout(t);
  // In-flight updates still arrive: let them (a late one is the tail we are measuring), then stop.
  await new Promise((resolve) => setTimeout(resolve, 3000));
  recording = false;
  return {
    latencies: [...latencies],
    sent,
    eld: { p99: eld.percentile(99) / 1e6, max: eld.max / 1e6 },
  };
}

process.on('message', async (request: ClientRequest) => {
  if (request.type === 'connect') {
    process.send?.({
      type: 'connected',
      ...(await connectAll(request.url, request.conns, request.concurrency)),
    });
  } else if (request.type === 'run') {
    process.send?.({ type: 'ran', ...(await run(request)) });
  } else if (request.type === 'stateless-collect') {
    process.send?.({ type: 'stateless', at: statelessAt });
    statelessAt = [];
  } else if (request.type === 'close') {
    for (const c of conns.splice(0)) {
      c.ws.terminate();
      c.doc.destroy();
    }
    process.send?.({ type: 'closed' });
  }
});
process.send?.({ type: 'ready' });
