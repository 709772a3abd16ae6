/** Who else has a document open, from its awareness states (stamped with the truth by the server). */
import { useEffect, useState } from 'react';
import type { CollabDocument, PresenceUser } from './document.ts';

export interface PresentUser extends PresenceUser {
  /** This person is the signed-in user (in this tab or another of theirs). */
  isSelf: boolean;
}

function isPresenceUser(value: unknown): value is PresenceUser {
  if (typeof value !== 'object' || value === null) return false;
  const user = value as Record<string, unknown>;
  return typeof user.id === 'string' && typeof user.name === 'string' && typeof user.color === 'string';
}

/** One entry per person (several tabs of one person are one avatar), the signed-in user last. */
export function presentUsers(states: Iterable<Record<string, unknown>>, selfId: string): PresentUser[] {
  const byId = new Map<string, PresentUser>();
  for (const state of states) {
    const user = state.user;
    if (!isPresenceUser(user) || byId.has(user.id)) continue;
    byId.set(user.id, { id: user.id, name: user.name, color: user.color, isSelf: user.id === selfId });
  }
  return [...byId.values()].sort(
    (a, b) => Number(a.isSelf) - Number(b.isSelf) || a.name.localeCompare(b.name),
  );
}

export function usePresence(document: CollabDocument | null, selfId: string): PresentUser[] {
  const [users, setUsers] = useState<PresentUser[]>([]);
  useEffect(() => {
    const awareness = document?.provider.awareness;
    if (!awareness) {
      setUsers([]);
      return;
    }
    const refresh = () => {
      const next = presentUsers(awareness.getStates().values(), selfId);
      // Awareness renews every 15 s; only re-render when who is here actually changed.
      setUsers((current) =>
        current.length === next.length &&
        current.every((user, i) => user.id === next[i]!.id && user.name === next[i]!.name)
          ? current
          : next,
      );
    };
    refresh();
    awareness.on('change', refresh);
    return () => awareness.off('change', refresh);
  }, [document, selfId]);
  return users;
}
