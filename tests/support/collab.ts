/**
 * Real Hocuspocus providers over real WebSockets for the collaboration tests: browser-like tab
 * sockets (session cookie and Origin headers), open documents that record what a tab observes,
 * and `eventually`, the retry-with-deadline the assertions on them go through.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import pino from 'pino';
import { expect } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { loadConfig } from '../../server/config.ts';
import { type RunningPortal, startPortal } from '../../server/server.ts';

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
  /** Every SyncStatus the server sent (true: an update was applied, false: refused), oldest first. */
  acks: boolean[];
}

/** The headers a tab's WebSocket sends. */
export interface TabSocketOptions {
  /** The session cookie's value; absent or null sends no cookie. */
  cookie?: string | null;
  /** The Origin header: the portal's own when absent, none when null (API clients send none). */
  origin?: string | null;
  /** Called with every raw frame the socket receives (to assert what never reaches a client). */
  onFrame?: (frame: Buffer) => void;
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
    const onFrame = opts.onFrame;
    class BrowserLikeSocket extends WebSocket {
      constructor(address: string) {
        super(address, { headers });
        // A browser's WebSocket never throws; ws emits 'error' when a socket still connecting is
        // closed (the provider does so while the server is down), and an unheard 'error' is an
        // uncaught exception. The provider listens through onerror; this only keeps ws quiet.
        this.on('error', () => {});
        if (onFrame) this.on('message', (data: Buffer) => onFrame(Buffer.from(data)));
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
  const tab: Omit<Tab, 'provider'> = {
    scope: null,
    refused: null,
    closes: [],
    stateless: [],
    synced: false,
    acks: [],
  };
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
    onMessage: ({ event }) => {
      const data: unknown = event.data;
      const status = syncStatusOf(data instanceof ArrayBuffer ? new Uint8Array(data) : (data as Uint8Array));
      if (status !== null) tab.acks.push(status);
    },
  });
  provider.attach();
  return Object.assign(tab, { provider });
}

/** The Hocuspocus message type of a SyncStatus (an acknowledgement of one update). */
const SYNC_STATUS = 8;

/** The value of a SyncStatus frame, or null for any other message. */
function syncStatusOf(frame: Uint8Array): boolean | null {
  const decoder = decoding.createDecoder(frame);
  decoding.readVarString(decoder);
  if (decoding.readVarUint(decoder) !== SYNC_STATUS) return null;
  return decoding.readVarInt(decoder) === 1;
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

/** Resolves with `tab` once its document has synced (within `eventually`'s default deadline). */
export async function synced(tab: Tab): Promise<Tab> {
  await eventually(() => expect(tab.synced).toBe(true));
  return tab;
}

/** Appends a paragraph with `text` to a rich-text document (what an editor's Enter + typing does). */
export function appendParagraph(doc: Y.Doc, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment('default').push([paragraph]);
}

/** A rich-text document's content as XML (`<paragraph>…</paragraph>…`), for contains/equals checks. */
export function proseXml(doc: Y.Doc): string {
  return doc.getXmlFragment('default').toString();
}

/**
 * Sends `update` as a raw sync Update message for `name` on `socket`, bypassing the provider's
 * document: how a hostile or buggy client would send bytes the server must refuse.
 */
export function sendRawUpdate(socket: HocuspocusProviderWebsocket, name: string, update: Uint8Array): void {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, name);
  encoding.writeVarUint(encoder, 0); // MessageType.Sync
  encoding.writeVarUint(encoder, 2); // y-protocols messageYjsUpdate
  encoding.writeVarUint8Array(encoder, update);
  socket.send(encoding.toUint8Array(encoder));
}

/** Resolves once the provider has no unacknowledged change (every edit applied and logged). */
export async function acknowledged(provider: HocuspocusProvider, ms = 5000): Promise<void> {
  await eventually(() => {
    if (provider.unsyncedChanges !== 0) throw new Error(`${provider.unsyncedChanges} unsynced changes`);
  }, ms);
}

/**
 * A portal on an existing DATA_DIR, left in place when it closes: for tests that stop the portal
 * and start it again on the same data (tests/support/portal.ts always starts afresh).
 */
export async function startPortalOn(dataDir: string): Promise<RunningPortal> {
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, RATE_LIMIT_SCALE: '100' });
  const portal = await startPortal(config, { log: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }) });
  portal.ctx.config.publicUrl = new URL(portal.url);
  return portal;
}
