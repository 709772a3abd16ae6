/**
 * Child processes of a benchmark: the server under test and the client processes, forked with
 * IPC and pinned with taskset — the server to core 0, clients to the other cores — so clients
 * never steal the server's core (on this 2-core machine: server core 0, both clients core 1).
 */
import { type ChildProcess, fork } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pin } from '../lib/machine.ts';
import type { ServerStats } from './server-process.ts';

/** Resolves with the next IPC message of `type` from `child`. */
export function nextMessage<T>(child: ChildProcess, type: string, timeoutMs = 300_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.off('message', onMessage);
      reject(new Error(`no '${type}' message within ${timeoutMs} ms`));
    }, timeoutMs);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`child exited (${code}) before '${type}'`));
    };
    const onMessage = (message: { type: string }) => {
      if (message.type !== type) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(message as T);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

export const SERVER_CORES = '0';
export const CLIENT_CORES = availableParallelism() > 2 ? `1-${availableParallelism() - 1}` : '1';

export interface ServerUnderTest {
  mode: 'portal' | 'bare';
  /** http(s) URL for the portal, ws URL for bare Hocuspocus. */
  url: string;
  /** The collaboration endpoint. */
  wsUrl: string;
  pinned: boolean;
  stats(): Promise<ServerStats>;
  reset(): Promise<void>;
  close(): Promise<void>;
}

export async function startServer(mode: 'portal' | 'bare', dataDir = ''): Promise<ServerUnderTest> {
  const child = fork(join(import.meta.dirname, 'server-process.ts'), [], {
    env: { ...process.env, BENCH_MODE: mode, BENCH_DATA_DIR: dataDir },
    // BENCH_CPU_PROF=<dir>: a V8 CPU profile of the server (see support/profile-summary.ts).
    execArgv: [
      '--expose-gc',
      '--max-old-space-size=8192',
      ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
    ],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pinned = child.pid !== undefined && pin(child.pid, SERVER_CORES);
  const { url } = await nextMessage<{ url: string }>(child, 'ready');
  return {
    mode,
    url,
    wsUrl: mode === 'portal' ? `${url.replace(/^http/, 'ws')}/collab` : url,
    pinned,
    async stats() {
      child.send({ type: 'stats' });
      return (await nextMessage<{ stats: ServerStats }>(child, 'stats')).stats;
    },
    async reset() {
      child.send({ type: 'reset' });
      await nextMessage(child, 'reset');
    },
    async close() {
      if (child.exitCode !== null) return;
      // It exits by itself once closed (writing its CPU profile, if any); killed only if stuck.
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ type: 'close' });
      const timer = setTimeout(() => child.kill(), 30_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Forks `script` as a client process pinned away from the server's core. */
export function startClientProcess(script: string): { child: ChildProcess; pinned: boolean } {
  const child = fork(script, [], {
    execArgv: ['--max-old-space-size=4096'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pinned = child.pid !== undefined && pin(child.pid, CLIENT_CORES);
  return { child, pinned };
}
