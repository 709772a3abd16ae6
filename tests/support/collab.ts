/**
 * Real Hocuspocus providers over real WebSockets for the collaboration tests: browser-like tab
 * sockets (session cookie and Origin headers), open documents that record what a tab observes,
 * and `eventually`, the retry-with-deadline the assertions on them go through.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';

/** What a test observes of one provider (one open document in one tab). */
export interface Tab {
  provider: HocuspocusProvider;
  /** The scope the server granted on authentication; null until then. */
  scope: string | null;
  /** Why the server refused authentication; null unless it did. */
  refused: string | null;
  /** The close reason of every close of the tab's WebSocket, oldest first. */
  closes: string[];
  /** The payload of every stateless message received, oldest first. */
  stateless: string[];
  /** Whether the document has synced at least once. */
  synced: boolean;
}

/** The headers a tab's WebSocket sends. */
export interface TabSocketOptions {
  /** The session cookie's value; absent or null sends no cookie. */
  cookie?: string | null;
  /** The Origin header: the portal's own when absent, none when null (API clients send none). */
  origin?: string | null;
}

/** How a test opens a document on a socket. */
export interface OpenDocumentOptions {
  /** The provider's token (API clients); none when absent or null. */
  token?: string | null;
  /** Lets one socket open the same document name more than once. */
  sessionAwareness?: boolean;
}

/** The tab sockets of one test file, against one portal. */
export interface TabSockets {
  /** The portal's collaboration endpoint, `ws://host:port/collab`. */
  url: () => string;
  /** A tab's WebSocket; browsers send the cookie and their Origin, API clients neither. */
  open: (opts?: TabSocketOptions) => HocuspocusProviderWebsocket;
  /** Destroys every socket opened since the last call; for `afterEach`. */
  destroyAll: () => void;
}

/**
 * Tab sockets against the portal at `portalUrl()`, read on each call so the sockets can be
 * declared before `beforeAll` starts the portal. Bound functions: safe to destructure.
 */
export function tabSockets(portalUrl: () => string): TabSockets {
  const opened: HocuspocusProviderWebsocket[] = [];
  const url = (): string => `${portalUrl().replace(/^http/, 'ws')}/collab`;
  const open = (opts: TabSocketOptions = {}): HocuspocusProviderWebsocket => {
    const headers: Record<string, string> = {};
    if (opts.origin !== null) headers.origin = opts.origin ?? portalUrl();
    if (opts.cookie) headers.cookie = `session=${opts.cookie}`;
    class BrowserLikeSocket extends WebSocket {
      constructor(address: string) {
        super(address, { headers });
      }
    }
    const socket = new HocuspocusProviderWebsocket({
      url: url(),
      WebSocketPolyfill: BrowserLikeSocket,
      delay: 100,
      minDelay: 50,
      maxDelay: 200,
    });
    opened.push(socket);
    return socket;
  };
  const destroyAll = (): void => {
    for (const socket of opened.splice(0)) socket.destroy();
  };
  return { url, open, destroyAll };
}

/** Opens document `name` on `socket` and records what the tab observes of it. */
export function openDocument(
  socket: HocuspocusProviderWebsocket,
  name: string,
  opts: OpenDocumentOptions = {},
): Tab {
  const tab: Omit<Tab, 'provider'> = { scope: null, refused: null, closes: [], stateless: [], synced: false };
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name,
    token: opts.token ?? null,
    sessionAwareness: opts.sessionAwareness ?? false,
    onAuthenticated: ({ scope }) => {
      tab.scope = scope;
    },
    onAuthenticationFailed: ({ reason }) => {
      tab.refused = reason;
    },
    onClose: ({ event }) => {
      tab.closes.push(event.reason);
    },
    onStateless: ({ payload }) => {
      tab.stateless.push(payload);
    },
    onSynced: () => {
      tab.synced = true;
    },
  });
  provider.attach();
  return Object.assign(tab, { provider });
}

/** Retries `assertion` until it passes or `ms` runs out; never a fixed sleep. */
export async function eventually(assertion: () => void, ms = 2000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      assertion();
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
  }
}
