/** The parent's handle on the collaboration client processes (collab-client-process.ts). */
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { ClientRequest, ConnSpec } from './collab-client-process.ts';
import { nextMessage, startClientProcess } from './processes.ts';

export interface ClientProcess {
  child: ChildProcess;
  pinned: boolean;
}

export interface Connected {
  connectSyncMs: number[];
  failures: number;
  reasons: string[];
}

export interface Ran {
  latencies: number[];
  sent: number;
  eld: { p99: number; max: number };
}

const SCRIPT = join(import.meta.dirname, 'collab-client-process.ts');

export async function startClients(count: number): Promise<ClientProcess[]> {
  const clients = Array.from({ length: count }, () => startClientProcess(SCRIPT));
  await Promise.all(clients.map((c) => nextMessage(c.child, 'ready')));
  return clients;
}

function send(c: ClientProcess, request: ClientRequest): void {
  c.child.send(request);
}

export async function connect(
  c: ClientProcess,
  url: string,
  conns: ConnSpec[],
  concurrency = 100,
): Promise<Connected> {
  send(c, { type: 'connect', url, conns, concurrency });
  return nextMessage<Connected>(c.child, 'connected', 600_000);
}

export async function runLoad(
  c: ClientProcess,
  request: Omit<Extract<ClientRequest, { type: 'run' }>, 'type'>,
): Promise<Ran> {
  send(c, { type: 'run', ...request });
  return nextMessage<Ran>(c.child, 'ran', request.durationMs + 60_000);
}

export async function collectStateless(c: ClientProcess): Promise<number[]> {
  send(c, { type: 'stateless-collect' });
  return (await nextMessage<{ at: number[] }>(c.child, 'stateless')).at;
}

export async function closeAll(c: ClientProcess): Promise<void> {
  send(c, { type: 'close' });
  await nextMessage(c.child, 'closed', 60_000);
}

export function stopClients(clients: ClientProcess[]): void {
  for (const c of clients) c.child.kill();
}
