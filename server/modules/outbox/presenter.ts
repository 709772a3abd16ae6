/** Outbox emails on the wire, each field picked by name (never the file path or SMTP errors). */
import type { OutboxEmailRow, OutboxSummaryRow } from './queries.ts';

/** A line of the outbox list. */
export function presentOutboxSummary(row: OutboxSummaryRow) {
  return {
    id: row.id,
    to: row.toAddress,
    subject: row.subject,
    createdAt: row.createdAt.toISOString(),
    transport: row.transport,
  };
}

/** One email as sent, for the outbox reader. */
export function presentOutboxEmail(row: OutboxEmailRow) {
  return {
    id: row.id,
    to: row.toAddress,
    from: row.fromAddress,
    subject: row.subject,
    text: row.text,
    html: row.html,
    createdAt: row.createdAt.toISOString(),
  };
}
export type TOutboxSummary = ReturnType<typeof presentOutboxSummary>;
export type TOutboxEmail = ReturnType<typeof presentOutboxEmail>;
