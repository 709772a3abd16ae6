/**
 * `npm run dev`: the server with --watch (restarts on server changes) and `vite build --watch`
 * (rebuilds the client on change), so one port serves the current state of both.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const children = [
  spawn(
    process.execPath,
    [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--watch', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  ),
  spawn(
    process.execPath,
    ['--watch-path=server', '--watch-path=storage', '--watch-path=collab', 'server/main.ts'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  ),
];

const stop = () => {
  for (const child of children) child.kill('SIGTERM');
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
