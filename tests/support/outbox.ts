/**
 * Reads what the portal really sent: the .eml file in DATA_DIR/outbox (the outbox table that
 * staff see has one-time links redacted).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../storage/db.ts';
import { outboxEmails } from '../../storage/schema.ts';

/** Decodes quoted-printable (soft line breaks and =XX escapes), enough for our text parts. */
function decodeQuotedPrintable(value: string): string {
  const joined = value.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === '=' && /^[0-9A-F]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i]!));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The decoded raw message stored as `file` in DATA_DIR/outbox. */
export function rawEmail(dataDir: string, file: string | null): string {
  if (!file) throw new Error('This email has no .eml file (was it sent over SMTP?)');
  return decodeQuotedPrintable(readFileSync(join(dataDir, 'outbox', file), 'utf8'));
}

/** The decoded raw message most recently sent to `to`, or null. */
export function lastRawEmailTo(db: Db, dataDir: string, to: string): string | null {
  const row = db
    .select({ file: outboxEmails.file })
    .from(outboxEmails)
    .where(eq(outboxEmails.toAddress, to))
    .orderBy(desc(outboxEmails.createdAt))
    .limit(1)
    .get();
  if (!row?.file) return null;
  return decodeQuotedPrintable(readFileSync(join(dataDir, 'outbox', row.file), 'utf8'));
}

/** The sign-in / invitation token in the latest email to `to`, or null. */
export function lastMagicTokenTo(db: Db, dataDir: string, to: string): string | null {
  const raw = lastRawEmailTo(db, dataDir, to);
  return raw ? (/\/auth\/magic\?token=([a-z2-9]+)/.exec(raw)?.[1] ?? null) : null;
}
