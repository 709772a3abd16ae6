/**
 * The per-user channel: `user:<id>` carries no content, only stateless pushes from the server
 * (notifications, queue positions) to every tab the user has open.
 */
import type { Connection, Hocuspocus } from '@hocuspocus/server';
import { userChannelName } from '../names.ts';
import type { UserPush } from '../stateless.ts';
import { type CollabContext, contextOf } from './context.ts';

/**
 * Sends `message` to every open connection on the user's channel on this node and returns how
 * many it reached (0 when the user has no tab open — the push is fire-and-forget; whatever must
 * not be missed also lives in the database).
 */
export function pushToUser(hocuspocus: Hocuspocus<CollabContext>, userId: string, message: UserPush): number {
  const document = hocuspocus.documents.get(userChannelName(userId));
  if (!document) return 0;
  // Only the user can open their channel (authorize.ts); the filter is a second lock on that door.
  const isTheirs = (connection: Connection) => contextOf(connection)?.auth?.userId === userId;
  const reached = document.getConnections().filter(isTheirs).length;
  if (reached > 0) document.broadcastStateless(JSON.stringify(message), isTheirs);
  return reached;
}
