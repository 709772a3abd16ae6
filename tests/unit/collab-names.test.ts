import { describe, expect, it } from 'vitest';
import {
  type DocumentName,
  formatDocumentName,
  parseDocumentName,
  userChannelName,
} from '../../collab/names.ts';
import { newId } from '../../server/ids.ts';

const ID = 'abcdefghijkmn234';

describe('parseDocumentName: every name DESIGN.md lists', () => {
  it.each<[string, Omit<DocumentName, 'id'>]>([
    [`ticket:${ID}`, { kind: 'ticket', audience: 'client', content: 'prose' }],
    [`ticket:${ID}:internal`, { kind: 'ticket', audience: 'internal', content: 'prose' }],
    [`ticket:${ID}:thread`, { kind: 'ticket_thread', audience: 'client', content: 'record' }],
    [`kb:${ID}`, { kind: 'kb', audience: 'client', content: 'prose' }],
    [`contract:${ID}`, { kind: 'contract', audience: 'client', content: 'prose' }],
    [`thread:${ID}`, { kind: 'thread', audience: 'client', content: 'record' }],
    [`chat:${ID}`, { kind: 'chat', audience: 'client', content: 'record' }],
    [`chat:${ID}:internal`, { kind: 'chat', audience: 'internal', content: 'record' }],
    [`user:${ID}`, { kind: 'user', audience: 'personal', content: 'channel' }],
  ])('%s', (name, shape) => {
    const parsed = parseDocumentName(name);
    expect(parsed).toEqual({ ...shape, id: ID });
    // One canonical spelling: formatting the parse gives the name back.
    expect(formatDocumentName(parsed!)).toBe(name);
  });

  it('accepts every id the portal generates', () => {
    for (let i = 0; i < 200; i++) {
      const id = newId();
      expect(parseDocumentName(`ticket:${id}:internal`)).toMatchObject({ kind: 'ticket', id });
    }
  });

  it('names the per-user channel', () => {
    expect(parseDocumentName(userChannelName(ID))).toMatchObject({ kind: 'user', id: ID });
  });
});

describe('parseDocumentName refuses everything else', () => {
  it.each([
    ['empty', ''],
    ['prefix only', 'ticket'],
    ['no id', 'ticket:'],
    ['no id, suffix', 'ticket::internal'],
    ['empty suffix', `ticket:${ID}:`],
    ['extra segment', `ticket:${ID}:internal:x`],
    ['two suffixes', `ticket:${ID}:internal:thread`],
    ['unknown suffix', `ticket:${ID}:secret`],
    ['suffix on a kind without it', `kb:${ID}:internal`],
    ['thread suffix on chat', `chat:${ID}:thread`],
    ['internal user channel', `user:${ID}:internal`],
    ['unknown kind', `invoice:${ID}`],
    ['underscore separator', `ticket_${ID}`],
    ['ticket_1', 'ticket_1'],
    ['short id', 'ticket:1'],
    ['15-char id', `ticket:${ID.slice(1)}`],
    ['17-char id', `ticket:${ID}a`],
    ['digit 0 and 1 in the id', 'ticket:abcdefghijkmn201'],
    ['upper-case id', `ticket:${ID.toUpperCase()}`],
    ['upper-case kind', `Ticket:${ID}`],
    ['upper-case suffix', `ticket:${ID}:INTERNAL`],
    ['leading space', ` ticket:${ID}`],
    ['trailing space', `ticket:${ID} `],
    ['trailing newline', `ticket:${ID}\n`],
    ['tab inside', `ticket:\t${ID}`],
    ['NUL inside', `ticket:${ID}\0`],
    ['NUL session suffix', `ticket:${ID}\0abc`],
    ['unicode letter in id', `ticket:abcdefghijkmn23é`],
    ['lookalike colon', `ticket\uff1a${ID}`],
    ['cyrillic a in kind', `tick\u0435t:${ID}`],
    ['zero-width space', `ticket:\u200b${ID}`],
    ['path traversal', `ticket:../../${ID}`],
    ['url encoded colon', `ticket%3A${ID}`],
    ['prototype key as kind', `constructor:${ID}`],
    ['prototype key as suffix', `ticket:${ID}:constructor`],
    ['__proto__', `__proto__:${ID}`],
    ['over-long', `ticket:${ID}:${'internal'.repeat(20)}`],
    ['very long', 'a'.repeat(100_000)],
  ])('%s', (_label, name) => {
    expect(parseDocumentName(name)).toBeNull();
  });

  it('refuses a non-string from an untyped caller', () => {
    expect(parseDocumentName(42 as unknown as string)).toBeNull();
    expect(parseDocumentName(null as unknown as string)).toBeNull();
  });
});
