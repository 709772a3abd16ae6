/** The machine a run happened on, stored with every result and quoted in docs/PERFORMANCE.md. */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';

export interface Machine {
  cpuModel: string;
  cores: number;
  ramGiB: number;
  node: string;
  os: string;
  /** The open-files limit (`ulimit -n`): caps connections per process. */
  openFilesLimit: string;
  /** Whether `taskset` can pin the server and the clients to different cores. */
  taskset: boolean;
}

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line) return line.split(':')[1]?.trim() ?? 'unknown';
  } catch {
    // Not Linux: fall through to what os reports.
  }
  return os.cpus()[0]?.model ?? 'unknown';
}

export function hasTaskset(): boolean {
  return ['/usr/bin/taskset', '/bin/taskset'].some(existsSync);
}

export function describeMachine(): Machine {
  let openFilesLimit = 'unknown';
  try {
    openFilesLimit = execFileSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).trim();
  } catch {
    // Reported as unknown.
  }
  return {
    cpuModel: cpuModel(),
    cores: os.availableParallelism(),
    ramGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    openFilesLimit,
    taskset: hasTaskset(),
  };
}

/**
 * Pins process `pid` (all its threads) to `cores` (e.g. '0'), when taskset exists and the
 * machine has more than one core. Returns whether it did.
 */
export function pin(pid: number, cores: string): boolean {
  if (!hasTaskset() || os.availableParallelism() < 2) return false;
  try {
    execFileSync('taskset', ['-a', '-p', '-c', cores, String(pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
