/**
 * The collaboration WebSocket on the portal's own HTTP server (one process, one port): handles
 * HTTP upgrades to `/collab` and hands each socket to Hocuspocus. Everything else that asks to
 * upgrade is refused — nothing else on this server speaks WebSocket.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Hocuspocus } from '@hocuspocus/server';
import { type RawData, WebSocketServer } from 'ws';
import type { AppContext } from '../../server/context.ts';
import { CLOSE } from './close-reasons.ts';
import { type CollabContext, CollabSocket } from './context.ts';
import { COLLAB_LIMITS } from './extensions/limits.ts';
import { credentialOf, signedInBy } from './session.ts';
import { until } from './until.ts';

export const COLLAB_PATH = '/collab';

/** Attaches the upgrade listener; returns a function that closes every socket and detaches. */
export function attachCollabUpgrade(
  ctx: AppContext,
  httpServer: Server,
  hocuspocus: Hocuspocus<CollabContext>,
): () => Promise<void> {
  const log = ctx.log.child({ module: 'collab' });
  const wss = new WebSocketServer({ noServer: true, maxPayload: COLLAB_LIMITS.messageBytes });

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    try {
      if ((req.url ?? '').split('?')[0] !== COLLAB_PATH) return refuseUpgrade(socket, 404, 'Not Found');
      // Cross-site WebSocket hijacking: a browser sends the session cookie with a WebSocket
      // opened by any site, and Origin is the only thing that tells. Browsers always send it;
      // a client without one is not a browser and brings its own token.
      if (!sameOrigin(req)) return refuseUpgrade(socket, 403, 'Forbidden');
      const token = credentialOf(req.headers);
      const who = token ? signedInBy(ctx, token) : null;
      const request = webRequestOf(req, ctx.config.publicUrl);
      wss.handleUpgrade(req, socket, head, (ws) => {
        const collabSocket = new CollabSocket(ws, who && token ? { token, sessionId: who.sessionId } : null);
        const client = hocuspocus.handleConnection(ws, request, { socket: collabSocket });
        ws.on('message', (data) => client.handleMessage(bytesOf(data)));
        ws.on('close', (code, reason) => client.handleClose({ code, reason: reason.toString() }));
        // ws closes the socket itself after an error (e.g. 1009 over maxPayload); without a
        // listener the error would crash the process.
        ws.on('error', (err) => log.debug({ err: err.message }, 'collab: socket error'));
      });
    } catch (err) {
      log.error({ err }, 'collab: upgrade failed');
      socket.destroy();
    }
  };
  httpServer.on('upgrade', onUpgrade);

  return async () => {
    httpServer.off('upgrade', onUpgrade);
    for (const ws of wss.clients) ws.close(CLOSE.shuttingDown.code, CLOSE.shuttingDown.reason);
    // Give clients a moment to answer the close handshake, then cut the rest.
    await until(() => wss.clients.size === 0, 1000);
    for (const ws of wss.clients) ws.terminate();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  };
}

/** True when there is no Origin (not a browser) or it names the very host the request was sent to. */
function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  // The portal answers on many hosts (subdomains, custom domains), like the REST same-origin check.
  return URL.canParse(origin) && new URL(origin).host === req.headers.host;
}

/** Answers an upgrade with a plain HTTP status and closes the socket, before any WebSocket exists. */
function refuseUpgrade(socket: Duplex, status: number, text: string): void {
  const body = `${text}\n`;
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/**
 * The web `Request` Hocuspocus hands to every hook, without the credentials: hooks and anything
 * they log see headers, and the session token is resolved by us, not read from there.
 */
function webRequestOf(req: IncomingMessage, publicUrl: URL): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name === 'cookie' || name === 'authorization') continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  // req.url starts with /collab (checked above), so it cannot name another host.
  return new Request(new URL(req.url ?? COLLAB_PATH, publicUrl.origin), { headers });
}

function bytesOf(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}
