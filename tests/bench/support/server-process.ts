/**
 * A server under test in its own process (forked by ./processes.ts, pinned to its own core):
 * `portal` (the whole portal, startPortal) or `bare` (a bare @hocuspocus/server with default
 * settings). Answers IPC requests for its resource use, so the clients never share its process.
 * Env: BENCH_MODE (portal|bare), BENCH_DATA_DIR (portal: an existing or empty data dir).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Server } from '@hocuspocus/server';
import pino from 'pino';
import { loadConfig } from '../../../server/config.ts';
import { startPortal } from '../../../server/server.ts';

export interface ServerStats {
  rssBytes: number;
  heapUsedBytes: number;
  /** Memory of ArrayBuffers and native objects held by JS (socket buffers, Yjs updates). */
  externalBytes: number;
  /** CPU time over wall time since the last reset (1 = one core busy). */
  cpuShare: number;
  eventLoopDelayMs: { p50: number; p99: number; max: number };
  connections: number;
  documents: number;
}

export type ServerRequest = { type: 'stats' } | { type: 'reset' } | { type: 'close' };

const mode = process.env.BENCH_MODE;
const send = (message: unknown) => process.send?.(message);

const eld = monitorEventLoopDelay({ resolution: 1 });
eld.enable();
let cpuFrom = process.cpuUsage();
let wallFrom = performance.now();

let close: () => Promise<void>;
let url: string;
let counts: () => { connections: number; documents: number };
if (mode === 'bare') {
  const server = new Server({ quiet: true, port: 0, address: '127.0.0.1', stopOnSignals: false });
  await server.listen(0);
  url = `ws://127.0.0.1:${server.address.port}`;
  close = () => server.destroy();
  counts = () => ({
    connections: server.hocuspocus.getConnectionsCount(),
    documents: server.hocuspocus.getDocumentsCount(),
  });
} else {
  const dataDir = process.env.BENCH_DATA_DIR;
  if (!dataDir) throw new Error('BENCH_DATA_DIR is required');
  const portal = await startPortal(
    loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, RATE_LIMIT_SCALE: '10000' }),
    { log: pino({ level: 'silent' }) },
  );
  portal.ctx.config.publicUrl = new URL(portal.url);
  url = portal.url;
  close = () => portal.close();
  const hocuspocus = portal.ctx.collab?.hocuspocus;
  counts = () => ({
    connections: hocuspocus?.getConnectionsCount() ?? 0,
    documents: hocuspocus?.getDocumentsCount() ?? 0,
  });
}

process.on('message', async (request: ServerRequest) => {
  if (request.type === 'reset') {
    eld.reset();
    cpuFrom = process.cpuUsage();
    wallFrom = performance.now();
    send({ type: 'reset' });
  } else if (request.type === 'stats') {
    // A collection first, so memory per connection is not the garbage of the last workload.
    globalThis.gc?.();
    const cpu = process.cpuUsage(cpuFrom);
    const memory = process.memoryUsage();
    const stats: ServerStats = {
      rssBytes: memory.rss,
      heapUsedBytes: memory.heapUsed,
      externalBytes: memory.external,
      cpuShare: (cpu.user + cpu.system) / 1000 / (performance.now() - wallFrom),
      eventLoopDelayMs: {
        p50: eld.percentile(50) / 1e6,
        p99: eld.percentile(99) / 1e6,
        max: eld.max / 1e6,
      },
      ...counts(),
    };
    send({ type: 'stats', stats });
  } else if (request.type === 'close') {
    await close();
    send({ type: 'closed' });
    process.exit(0);
  }
});

send({ type: 'ready', url });
