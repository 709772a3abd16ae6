import { afterAll, describe, expect, it } from 'vitest';
import { type DocumentName, parseDocumentName } from '../../collab/names.ts';
import { authorizeDocument } from '../../collab/server/authorize.ts';
import { presenceOf, stampPresence } from '../../collab/server/extensions/awareness-identity.ts';
import { accessAfterChange } from '../../collab/server/extensions/revocation.ts';
import { ROLES } from '../../storage/schema.ts';
import { tempDatabase } from '../support/db.ts';
import { actorOf } from './policy-fixtures.ts';

const db = tempDatabase();
afterAll(() => db.close());

const SELF = 'selfselfselfself';
const OTHER = 'otherotherothers';
const name = (text: string): DocumentName => parseDocumentName(text)!;

describe('authorizeDocument', () => {
  it.each(ROLES)('%s may read their own user channel, never write it', (role) => {
    const actor = { ...actorOf(role), userId: SELF };
    expect(authorizeDocument(db.db, actor, name(`user:${SELF}`))).toBe('read');
  });

  it.each(ROLES)("%s may not open anybody else's user channel", (role) => {
    const actor = { ...actorOf(role), userId: SELF };
    expect(authorizeDocument(db.db, actor, name(`user:${OTHER}`))).toBeNull();
  });

  it.each([`ticket:${OTHER}`, `ticket:${OTHER}:internal`, `ticket:${OTHER}:thread`])(
    'refuses %s (no such ticket) to everyone',
    (text) => {
      for (const role of ROLES) expect(authorizeDocument(db.db, actorOf(role), name(text))).toBeNull();
    },
  );

  it.each([`kb:${OTHER}`, `contract:${OTHER}`, `thread:${OTHER}`, `chat:${OTHER}`, `chat:${OTHER}:internal`])(
    'refuses %s to everyone until its module exists',
    (text) => {
      for (const role of ROLES) expect(authorizeDocument(db.db, actorOf(role), name(text))).toBeNull();
    },
  );
});

describe('accessAfterChange: what a rights change does to an open connection', () => {
  it.each([
    ['write', 'write', 'keep'],
    ['write', 'read', 'downgrade'],
    ['write', null, 'close'],
    ['read', 'read', 'keep'],
    ['read', null, 'close'],
    // Not upgraded in place: the client was told read-only; it gets write by re-authenticating.
    ['read', 'write', 'keep'],
  ] as const)('%s → %s: %s', (current, next, expected) => {
    expect(accessAfterChange(current, next)).toBe(expected);
  });
});

describe('presenceOf', () => {
  it("is the server's identity with a colour that is stable per user", () => {
    const a = presenceOf({ userId: SELF, userName: 'Grace' });
    expect(a).toEqual({ id: SELF, name: 'Grace', color: expect.stringMatching(/^#[0-9a-f]{6}$/) });
    expect(presenceOf({ userId: SELF, userName: 'Grace' }).color).toBe(a.color);
  });
});

describe('stampPresence', () => {
  it("overwrites every claimed identity and drops states of other connections' client ids", () => {
    const me = presenceOf({ userId: SELF, userName: 'Grace' });
    const states = new Map<number, Record<string, unknown>>([
      [1, { user: { id: OTHER, name: 'Ada Admin', color: '#000000' }, cursor: { anchor: 3 } }],
      [2, { cursor: null }],
      [3, { user: { id: OTHER } }],
    ]);
    stampPresence(states, me, new Set([3]));
    expect([...states.keys()]).toEqual([1, 2]);
    expect(states.get(1)).toEqual({ user: me, cursor: { anchor: 3 } });
    expect(states.get(2)).toEqual({ user: me, cursor: null });
  });
});
