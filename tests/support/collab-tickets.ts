/**
 * One portal per test file for the collaboration tests on tickets and user channels: the portal
 * and its collaboration server, the file's tab sockets, and the steps those tests share — filing
 * a ticket through REST, replying to it, opening a document as a signed-in client, and reading
 * the server's side (its loaded copy of a document, the update log).
 *
 * A test file calls `setupCollabPortal()` once at its top to register the hooks, then uses `portal`
 * and `collab` inside its tests: live bindings, assigned by `beforeAll`, undefined before it.
 */
import { count, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type * as Y from 'yjs';
import type { Collaboration } from '../../collab/server/index.ts';
import { collabUpdates } from '../../storage/schema.ts';
import { openDocument, type Tab, tabSockets } from './collab.ts';
import { type PortalClient, signedIn } from './http-client.ts';
import { startTestPortal, type TestPortal } from './portal.ts';

/** The test file's portal (a fresh demo workspace); assigned by `setupCollabPortal`'s `beforeAll`. */
export let portal: TestPortal;
/** The portal's collaboration server; assigned with `portal`. */
export let collab: Collaboration;
/** The test file's tab sockets against `portal`; every one is destroyed after each test. */
export const sockets = tabSockets(() => portal.url);

/**
 * Registers the test file's hooks: starts `portal` before all tests, destroys the tab sockets
 * after each, closes the portal after all. Call once, at the top of the test file.
 */
export function setupCollabPortal(): void {
  beforeAll(async () => {
    portal = await startTestPortal();
    collab = portal.ctx.collab!;
  });
  afterEach(sockets.destroyAll);
  afterAll(() => portal.close());
}

/** What a ticket is filed with through `POST /api/tickets`. */
interface TicketFiling {
  subject: string;
  category: string;
  priority: string;
  description?: string;
}

/** Files a ticket as `client` and returns its id. */
async function file(client: PortalClient, filing: TicketFiling): Promise<string> {
  const res = await client.post<{ ticket: { id: string } }>('/api/tickets', filing);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.ticket.id;
}

/**
 * Files a Globex ticket ("Printer on fire") as its client_admin and returns its id; without a
 * description when none is given.
 */
export async function fileTicket(description?: string): Promise<string> {
  const grace = await signedIn(portal.url, 'client@globex.test');
  return file(grace, {
    subject: 'Printer on fire',
    category: 'technical_support',
    priority: 'high',
    ...(description === undefined ? {} : { description }),
  });
}

/** A filed ticket and the two people who work on it. */
export interface FiledTicket {
  id: string;
  /** Globex's client_admin, who filed it. */
  grace: PortalClient;
  /** The provider's staff, who serves Globex. */
  staff: PortalClient;
}

/** Files a Globex ticket (with a description) as its client_admin; returns it with both clients. */
export async function fileTicketWithClients(): Promise<FiledTicket> {
  const grace = await signedIn(portal.url, 'client@globex.test');
  const staff = await signedIn(portal.url, 'staff@demo.test');
  const id = await file(grace, {
    subject: 'Live',
    category: 'bug_report',
    priority: 'medium',
    description: 'Seen by everyone',
  });
  return { id, grace, staff };
}

/** Posts a reply to ticket `id` as `client`: public (`client`) or an internal note. */
export async function reply(
  client: PortalClient,
  id: string,
  body: string,
  visibility: 'client' | 'internal',
): Promise<void> {
  const res = await client.post(`/api/tickets/${id}/replies`, { body, visibility });
  expect(res.status).toBe(201);
}

/** The signed-in client's user id (what names their `user:<id>` channel). */
export async function userIdOf(client: PortalClient): Promise<string> {
  return (await client.get<{ user: { id: string } }>('/api/me')).body.user.id;
}

/** Opens document `name` in a new browser-like tab signed in as `client`. */
export function openAs(client: PortalClient, name: string): Tab {
  return openDocument(sockets.open({ cookie: client.cookie }), name);
}

/** How many updates the log holds for a document. */
export function logged(name: string): number {
  return portal.ctx.db.select({ n: count() }).from(collabUpdates).where(eq(collabUpdates.name, name)).get()!
    .n;
}

/** The server's copy of a loaded document; throws when it is not loaded. */
export function serverDoc(name: string): Y.Doc {
  const doc = collab.hocuspocus.documents.get(name);
  if (!doc) throw new Error(`${name} is not loaded`);
  return doc;
}
