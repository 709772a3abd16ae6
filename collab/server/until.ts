/** Polls `done` every 20 ms until it is true or `ms` have passed; for shutdown, never for tests. */
export async function until(done: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
}
