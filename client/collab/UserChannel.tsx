/**
 * Mounted by the shell for people who use tickets, as its own lazy chunk: the collaboration
 * libraries (Yjs, Hocuspocus) load after the shell has painted, never in the entry.
 */
import { useMe } from '../app/me.tsx';
import { useUserChannel } from './useUserChannel.ts';

export default function UserChannel() {
  const me = useMe();
  useUserChannel(me.user);
  return null;
}
