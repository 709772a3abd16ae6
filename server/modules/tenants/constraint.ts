/** Recognises SQLite unique-constraint failures, so a lost race still answers 409, not 500. */

/**
 * True when `err` (or the driver error drizzle wrapped in it) is a unique-constraint violation,
 * optionally on a column named in SQLite's message (`UNIQUE constraint failed: users.email`).
 */
export function isUniqueViolation(err: unknown, column?: string): boolean {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 3; e = e.cause, depth++) {
    const code = (e as Error & { code?: unknown }).code;
    if (code === 'SQLITE_CONSTRAINT_UNIQUE') return column === undefined || e.message.includes(column);
  }
  return false;
}
