/** `node server/main.ts` as `npm start` runs it: a bad value exits with a message; a good start seeds and prints the accounts. */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const MAIN = join(import.meta.dirname, '..', '..', 'server', 'main.ts');
const children: ChildProcess[] = [];
const dirs: string[] = [];

function run(env: Record<string, string>) {
  const child = spawn(process.execPath, [MAIN], { env: { ...process.env, LOG_LEVEL: 'silent', ...env } });
  children.push(child);
  let out = '';
  child.stdout.on('data', (c: Buffer) => {
    out += c.toString();
  });
  child.stderr.on('data', (c: Buffer) => {
    out += c.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('booting the portal', () => {
  it('exits with status 1 and names the bad variable', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'portal-boot-'));
    dirs.push(dataDir);
    const { exited, output } = run({ PORT: 'not-a-port', DATA_DIR: dataDir });
    expect(await exited).toBe(1);
    expect(output()).toContain('Invalid configuration');
    expect(output()).toContain('PORT');
  });

  it('creates the demo workspace on an empty DATA_DIR and prints every demo account', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'portal-boot-'));
    dirs.push(dataDir);
    const { output } = run({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir });
    await expect.poll(output, { timeout: 20_000 }).toContain('client@initech.test');
    for (const email of [
      'admin@demo.test',
      'staff@demo.test',
      'partner@acme.test',
      'client@globex.test',
      'employee@globex.test',
    ]) {
      expect(output()).toContain(email);
    }
    expect(output()).toContain('demo-portal-2026');
  });
});
