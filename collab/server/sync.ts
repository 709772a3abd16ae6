/**
 * The y-protocols sync message types Hocuspocus passes to `beforeSync` (y-protocols/sync:
 * messageYjsSyncStep1/2, messageYjsUpdate). Copied rather than imported: y-protocols is not a
 * direct dependency of the server, and these numbers are the wire protocol, fixed forever.
 */
export const SYNC_STEP_1 = 0;
export const SYNC_STEP_2 = 1;
export const SYNC_UPDATE = 2;

/** Whether a sync message carries a Yjs update to apply (step 2 or update), not a state vector. */
export function carriesUpdate(type: number): boolean {
  return type === SYNC_STEP_2 || type === SYNC_UPDATE;
}

/** The encoding of an update with no structs and no deletions: a sync step 2 with nothing new. */
export function isEmptyUpdate(update: Uint8Array): boolean {
  return update.byteLength === 2 && update[0] === 0 && update[1] === 0;
}
