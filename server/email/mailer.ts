/**
 * Sends email through SMTP when SMTP_URL is set; otherwise writes it to the outbox: a row that
 * super_admin and staff can read in the UI and an .eml file in DATA_DIR/outbox/.
 * Either way the message is recorded, so an operator can always see what was sent.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import type { Db } from '../../storage/db.ts';
import { outboxEmails } from '../../storage/schema.ts';
import { newId } from '../ids.ts';

export interface OutgoingEmail {
  tenantId: string | null;
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Display name for the From header, e.g. the tenant's portal name. */
  fromName?: string;
  /**
   * One-time secrets in the message (sign-in and invitation links). They go to the recipient
   * (SMTP, and the operator's .eml file) but never into the outbox table that staff read in the
   * UI: otherwise staff could sign in as anyone, the super_admin included.
   */
  secrets?: string[];
}

export const HIDDEN_SECRET = '[one-time link hidden: delivered to the recipient only]';

/** Replaces every secret (longest first, so a URL goes before the token inside it). */
export function redactSecrets(value: string, secrets: string[]): string {
  let out = value;
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (secret) out = out.replaceAll(secret, HIDDEN_SECRET);
  }
  return out;
}

export interface Mailer {
  send(email: OutgoingEmail): Promise<{ id: string }>;
  close(): void;
}

export function createMailer(opts: {
  db: Db;
  dataDir: string;
  smtpUrl?: string | undefined;
  from: string;
  log: Logger;
}): Mailer {
  const outboxDir = join(opts.dataDir, 'outbox');
  const smtp: Transporter | null = opts.smtpUrl ? nodemailer.createTransport(opts.smtpUrl) : null;
  // Renders the exact RFC 822 message without sending it: what the outbox stores.
  const renderer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const address = parseFrom(opts.from);

  return {
    async send(email) {
      const id = newId();
      const from = { name: email.fromName ?? address.name, address: address.address };
      const message = {
        from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        messageId: `<${id}@portal>`,
      };
      let file: string | null = null;
      let error: string | null = null;
      if (smtp) {
        try {
          await smtp.sendMail(message);
        } catch (err) {
          error = err instanceof Error ? err.message : String(err);
          opts.log.error({ err, to: email.to }, 'smtp send failed');
        }
      } else {
        const rendered = await renderer.sendMail(message);
        mkdirSync(outboxDir, { recursive: true });
        file = `${new Date().toISOString().replace(/[:.]/g, '-')}-${id}.eml`;
        writeFileSync(join(outboxDir, file), rendered.message as Buffer);
      }
      opts.db
        .insert(outboxEmails)
        .values({
          id,
          tenantId: email.tenantId,
          toAddress: email.to,
          fromAddress: `${from.name} <${from.address}>`,
          subject: email.subject,
          text: redactSecrets(email.text, email.secrets ?? []),
          html: email.html === undefined ? null : redactSecrets(email.html, email.secrets ?? []),
          transport: smtp ? 'smtp' : 'outbox',
          file,
          error,
        })
        .run();
      if (error) throw new Error(`Email could not be sent: ${error}`);
      return { id };
    },
    close() {
      smtp?.close();
    },
  };
}

function parseFrom(from: string): { name: string; address: string } {
  const match = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(from);
  if (match) return { name: match[1] || 'Portal', address: match[2]! };
  return { name: 'Portal', address: from.trim() };
}
