/**
 * Stateless messages the server sends over the collaboration WebSocket (JSON strings in the
 * Hocuspocus stateless channel). Shared by server and client so both read the same shapes.
 */

/** Sent on a document whose connection was downgraded to read-only while open. */
export interface AccessChangedNotice {
  type: 'access.changed';
  access: 'read';
}

/**
 * A push on the per-user channel `user:<id>`. Each kind (notification, queue position) adds its
 * own `type` and fields with the module that sends it; the client ignores types it does not know.
 */
export interface UserPush {
  type: string;
  [field: string]: unknown;
}

/** Parses a stateless payload into an object with a `type`, or null for anything else. */
export function parseStateless(payload: string): { type: string; [field: string]: unknown } | null {
  try {
    const value: unknown = JSON.parse(payload);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
    const type: unknown = (value as { type?: unknown }).type;
    return typeof type === 'string' ? (value as UserPush) : null;
  } catch {
    return null;
  }
}
