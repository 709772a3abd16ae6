/** Reading the email outbox: every tenant's mail, so only for those `canReadOutbox` allows. */
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../../storage/db.ts';
import { outboxEmails } from '../../../storage/schema.ts';

/** Newest emails first; the outbox is a debugging window, not an archive. */
export const OUTBOX_LIST_LIMIT = 200;

/** The newest emails, summary columns only (bodies hold sign-in links; fetch them one by one). */
export function listOutbox(db: Db) {
  return db
    .select({
      id: outboxEmails.id,
      toAddress: outboxEmails.toAddress,
      subject: outboxEmails.subject,
      createdAt: outboxEmails.createdAt,
      transport: outboxEmails.transport,
    })
    .from(outboxEmails)
    .orderBy(desc(outboxEmails.createdAt), desc(outboxEmails.id))
    .limit(OUTBOX_LIST_LIMIT)
    .all();
}

/** One email with its bodies, or undefined. */
export function findOutboxEmail(db: Db, id: string) {
  return db
    .select({
      id: outboxEmails.id,
      toAddress: outboxEmails.toAddress,
      fromAddress: outboxEmails.fromAddress,
      subject: outboxEmails.subject,
      text: outboxEmails.text,
      html: outboxEmails.html,
      createdAt: outboxEmails.createdAt,
    })
    .from(outboxEmails)
    .where(eq(outboxEmails.id, id))
    .get();
}
export type OutboxSummaryRow = ReturnType<typeof listOutbox>[number];
export type OutboxEmailRow = NonNullable<ReturnType<typeof findOutboxEmail>>;
