/**
 * Collaboration document names (DESIGN.md "Collaboration"): `<prefix>:<id>` or
 * `<prefix>:<id>:<suffix>`. Shared by the server and the client.
 *
 * A name only says *which* resource is meant. Its tenant and every right come from the database,
 * never from the name, so the parser is deliberately strict: anything that is not exactly one of
 * the forms below is refused, and nothing in a name is ever trusted beyond picking the resource.
 */

/**
 * Who a document's content may ever reach, whatever the record says:
 * - `client`: client-visible content (a client still needs the record's own rights),
 * - `internal`: provider and partner staff only, never a client role (DESIGN.md rule 2),
 * - `personal`: the one user it is named after.
 */
export type Audience = 'client' | 'internal' | 'personal';

/**
 * How a document is written (DESIGN.md rule 4):
 * - `prose`: co-edited freely by equally trusted editors,
 * - `record`: append-only; every client opens it read-only and posts through the server,
 * - `channel`: no content, only stateless pushes from the server.
 */
export type Content = 'prose' | 'record' | 'channel';

/** A parsed document name. `kind` plus `audience` decide which policy rule applies. */
export type DocumentName =
  | { kind: 'ticket'; id: string; audience: 'client' | 'internal'; content: 'prose' }
  | { kind: 'ticket_thread'; id: string; audience: 'client'; content: 'record' }
  | { kind: 'kb'; id: string; audience: 'client'; content: 'prose' }
  | { kind: 'contract'; id: string; audience: 'client'; content: 'prose' }
  | { kind: 'thread'; id: string; audience: 'client'; content: 'record' }
  | { kind: 'chat'; id: string; audience: 'client' | 'internal'; content: 'record' }
  | { kind: 'user'; id: string; audience: 'personal'; content: 'channel' };

export type DocumentKind = DocumentName['kind'];

type Shape = Omit<DocumentName, 'id'>;

/** Every accepted `prefix` / `prefix:suffix` form. Adding a form is one line here. */
const FORMS: Record<string, Shape> = {
  ticket: { kind: 'ticket', audience: 'client', content: 'prose' },
  'ticket:internal': { kind: 'ticket', audience: 'internal', content: 'prose' },
  'ticket:thread': { kind: 'ticket_thread', audience: 'client', content: 'record' },
  kb: { kind: 'kb', audience: 'client', content: 'prose' },
  contract: { kind: 'contract', audience: 'client', content: 'prose' },
  thread: { kind: 'thread', audience: 'client', content: 'record' },
  chat: { kind: 'chat', audience: 'client', content: 'record' },
  'chat:internal': { kind: 'chat', audience: 'internal', content: 'record' },
  user: { kind: 'user', audience: 'personal', content: 'channel' },
};

/** The prefix each kind is written with (the inverse of FORMS, for `formatDocumentName`). */
const PREFIX = {
  ticket: 'ticket',
  ticket_thread: 'ticket',
  kb: 'kb',
  contract: 'contract',
  thread: 'thread',
  chat: 'chat',
  user: 'user',
} as const satisfies Record<DocumentKind, string>;

/** The longest valid name (`ticket:<16>:internal`) is 32 characters; refuse long input unread. */
const MAX_NAME_LENGTH = 40;

// Row ids are 16 characters of the portal's id alphabet (server/ids.ts). [a-z2-9] is a slight
// superset of it (it admits l and o); the database, not the name, decides whether the row exists.
const NAME = /^([a-z]{2,10}):([a-z2-9]{16})(?::([a-z]{2,10}))?$/;

/** Parses a document name strictly; returns null for anything that is not an exact known form. */
export function parseDocumentName(name: string): DocumentName | null {
  if (typeof name !== 'string' || name.length > MAX_NAME_LENGTH) return null;
  const match = NAME.exec(name);
  if (!match) return null;
  const [, prefix, id, suffix] = match;
  const form = suffix === undefined ? prefix! : `${prefix}:${suffix}`;
  // hasOwn, not `in`: 'constructor' or 'toString' must not reach Object.prototype.
  if (!Object.hasOwn(FORMS, form)) return null;
  return { ...FORMS[form]!, id: id! } as DocumentName;
}

/** Writes a parsed name back in its one canonical form (`parseDocumentName`'s inverse). */
export function formatDocumentName(name: DocumentName): string {
  const base = `${PREFIX[name.kind]}:${name.id}`;
  if (name.kind === 'ticket_thread') return `${base}:thread`;
  if (name.audience === 'internal') return `${base}:internal`;
  return base;
}

/** The per-user channel's name: stateless pushes (notifications, queue positions) for one user. */
export function userChannelName(userId: string): string {
  return `user:${userId}`;
}
