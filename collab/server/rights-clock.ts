/**
 * A counter per user, advanced on every rights event (`sessions.revoked`, `user.rights_changed`).
 *
 * Why: revocation closes the connections it can find, but a connection that was authorised a
 * moment before the event and is still loading its document is not registered on the document
 * yet, so the event cannot find it. Authentication reads the user's tick in the same synchronous
 * step as it reads their rights; once the connection is registered, a different tick means an
 * event was missed, and the connection is closed so the client re-authenticates.
 */
export class RightsClock {
  readonly #ticks = new Map<string, number>();

  /** The user's current tick (0 until their first event). */
  now(userId: string): number {
    return this.#ticks.get(userId) ?? 0;
  }

  /** Records a rights event for the user. */
  tick(userId: string): void {
    this.#ticks.set(userId, this.now(userId) + 1);
  }
}
