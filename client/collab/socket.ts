/**
 * The tab's one collaboration WebSocket (DESIGN.md: one socket per tab, shared by every open
 * document). Created on first use, so a page without live documents opens no socket; the browser
 * sends the session cookie with the upgrade, which is all the authentication it needs.
 */
import { HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider';

let socket: HocuspocusProviderWebsocket | null = null;

/** `wss://<this host>/collab` (or `ws://` on plain http, in development). */
export function collabUrl(location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/collab`;
}

/** The shared socket; every HocuspocusProvider is attached to it with `websocketProvider`. */
export function collabSocket(): HocuspocusProviderWebsocket {
  if (socket) return socket;
  const created = new HocuspocusProviderWebsocket({
    url: collabUrl(),
    // Reconnect quickly at first, then back off to at most 15 s between attempts.
    delay: 1000,
    minDelay: 500,
    maxDelay: 15_000,
  });
  // The browser knows before the socket does: show "Offline" at once, and retry as soon as the
  // network is back instead of waiting out the back-off. Yjs merges the edits made meanwhile.
  window.addEventListener('offline', () => created.disconnect());
  window.addEventListener('online', () => {
    if (created.status !== WebSocketStatus.Connected) void created.connect();
  });
  socket = created;
  return created;
}
