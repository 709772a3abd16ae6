import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  type CollabState,
  describeConnection,
  INITIAL_COLLAB_STATE,
  refusalKind,
  refusalMessage,
} from '../../client/collab/connection.ts';
import { readThreadReplies } from '../../client/collab/thread.ts';
import { presentUsers } from '../../client/collab/usePresence.ts';
import { normalizeLinkUrl } from '../../client/editor/link.ts';

const state = (over: Partial<CollabState>): CollabState => ({ ...INITIAL_COLLAB_STATE, ...over });

describe('the connection pill', () => {
  it('is "Connecting…" before the first sync, "Syncing…" during it, then "Live"', () => {
    expect(describeConnection(state({ socket: 'connecting' })).label).toBe('Connecting…');
    expect(describeConnection(state({ socket: 'connected', authenticated: true })).label).toBe('Syncing…');
    const live = state({ socket: 'connected', authenticated: true, synced: true, everSynced: true });
    expect(describeConnection(live)).toEqual({ tone: 'live', label: 'Live' });
  });

  it('says "Syncing…" only once local changes have waited a moment', () => {
    const typing = state({ socket: 'connected', synced: true, everSynced: true, unsyncedChanges: 1 });
    expect(describeConnection(typing, false).label).toBe('Live');
    expect(describeConnection(typing, true).label).toBe('Syncing…');
  });

  it('counts unsynced changes while offline', () => {
    const offline = state({ socket: 'disconnected', everSynced: true });
    expect(describeConnection(offline).label).toBe('Offline');
    expect(describeConnection({ ...offline, unsyncedChanges: 1 }).label).toBe('Offline — 1 unsynced change');
    expect(describeConnection({ ...offline, socket: 'connecting', unsyncedChanges: 3 }).label).toBe(
      'Offline — 3 unsynced changes',
    );
  });

  it('turns the server’s reasons into what a person can do', () => {
    expect(refusalKind('forbidden')).toBe('no-access');
    expect(refusalKind('access-revoked')).toBe('no-access');
    expect(refusalKind('session-revoked')).toBe('signed-out');
    expect(refusalKind('document-full')).toBe('limit');
    expect(refusalKind('invalid-content')).toBe('rejected');
    expect(refusalKind('whatever')).toBe('error');
    expect(refusalMessage('no-access', true)).toBe('You no longer have access to this ticket.');
    expect(refusalMessage('no-access', false, 'the internal notes')).toBe(
      'You don’t have access to the internal notes.',
    );
    expect(describeConnection(state({ refusal: 'no-access' })).tone).toBe('refused');
  });
});

describe('presence', () => {
  it('shows each person once, the signed-in user last, ignoring states without a valid user', () => {
    const users = presentUsers(
      [
        { user: { id: 'me', name: 'Grace', color: '#15803d' } },
        { user: { id: 'sam', name: 'Sam', color: '#b91c1c' } },
        { user: { id: 'sam', name: 'Sam', color: '#b91c1c' } },
        { user: { id: 'x' } },
        {},
      ],
      'me',
    );
    expect(users.map((user) => [user.name, user.isSelf])).toEqual([
      ['Sam', false],
      ['Grace', true],
    ]);
  });
});

describe('the thread document', () => {
  it('reads replies from Y.Array("replies") and skips malformed entries', () => {
    const doc = new Y.Doc();
    const replies = doc.getArray<unknown>('replies');
    replies.push([
      new Y.Map<string>([
        ['id', 'r1'],
        ['authorId', 'u1'],
        ['authorName', 'Eli'],
        ['body', 'Hello'],
        ['createdAt', '2026-01-01T10:00:00Z'],
      ]),
      new Y.Map<string>([['id', 'r2']]),
      'not a map',
    ]);
    expect(readThreadReplies(doc)).toEqual([
      { id: 'r1', authorId: 'u1', authorName: 'Eli', body: 'Hello', createdAt: '2026-01-01T10:00:00Z' },
    ]);
  });
});

describe('the link box', () => {
  it('accepts web and email addresses, adding what people leave out', () => {
    expect(normalizeLinkUrl('example.com/help')).toBe('https://example.com/help');
    expect(normalizeLinkUrl(' https://portal.test/x?y=1 ')).toBe('https://portal.test/x?y=1');
    expect(normalizeLinkUrl('ada@example.com')).toBe('mailto:ada@example.com');
  });

  it('refuses anything that is not http(s) or mailto', () => {
    for (const bad of [
      'javascript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,x',
      '/relative',
      'two words',
      '',
    ]) {
      expect(normalizeLinkUrl(bad)).toBeNull();
    }
  });
});
