/**
 * Malware checks on uploads, after the bytes are stored and before the row is written (a refusal
 * deletes the blob, so nothing is kept). Always: the EICAR anti-virus test file, so the refusal
 * path is real on every install. With CLAMD_URL: every file streamed to ClamAV's daemon
 * (INSTREAM); if the daemon cannot be reached the upload is refused (503), never let through.
 */
import { connect } from 'node:net';
import type { Readable } from 'node:stream';
import { AppError } from '../../http/errors.ts';

/** The 68-byte EICAR test string; a file is the test file when it starts with it (≤ 128 bytes). */
const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

/** The signature a file's first bytes and size show, or null. */
export function builtInSignature(prefix: Buffer, size: number): string | null {
  if (size > 128 || prefix.length < EICAR.length) return null;
  const rest = prefix.subarray(EICAR.length).toString('latin1');
  return prefix.subarray(0, EICAR.length).toString('latin1') === EICAR && /^\s*$/.test(rest)
    ? 'Eicar-Test-Signature'
    : null;
}

export const malwareFound = (signature: string) =>
  new AppError(
    422,
    'malware_detected',
    `This file looks infected (${signature}) and was not saved. If you think that is wrong, contact your provider.`,
  );

export const scanUnavailable = () =>
  new AppError(
    503,
    'scan_unavailable',
    'Files cannot be checked for viruses right now, so nothing was saved. Please try again in a few minutes.',
  );

const CHUNK = 64 * 1024;
const TIMEOUT_MS = 30_000;

/**
 * Streams `body` to clamd with INSTREAM (`zINSTREAM\0`, then chunks each prefixed by a 4-byte
 * big-endian length, then a zero length) and answers the signature found, or null when clean.
 * Rejects when clamd is unreachable, times out or answers something else.
 */
export function clamdScan(server: { host: string; port: number }, body: Readable): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, server.host);
    let answer = '';
    const fail = (err: Error) => {
      socket.destroy();
      body.destroy();
      reject(err);
    };
    socket.setTimeout(TIMEOUT_MS, () => fail(new Error('clamd timed out')));
    socket.on('error', fail);
    body.on('error', fail);
    socket.on('data', (data: Buffer) => {
      answer += data.toString('utf8');
    });
    socket.on('close', () => {
      const line = answer.replace(/\0/g, '').trim();
      const found = /^stream: (.+) FOUND$/.exec(line);
      if (found?.[1]) resolve(found[1]);
      else if (line === 'stream: OK') resolve(null);
      else reject(new Error(`clamd answered ${JSON.stringify(line)}`));
    });
    socket.on('connect', async () => {
      try {
        socket.write('zINSTREAM\0');
        for await (const chunk of body) {
          const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
          for (let at = 0; at < bytes.length; at += CHUNK) {
            const part = bytes.subarray(at, at + CHUNK);
            const size = Buffer.alloc(4);
            size.writeUInt32BE(part.length);
            socket.write(size);
            socket.write(part);
          }
        }
        socket.write(Buffer.alloc(4));
      } catch (err) {
        fail(err instanceof Error ? err : new Error(String(err)));
      }
    });
  });
}
